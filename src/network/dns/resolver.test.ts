import { describe, expect, it } from 'vitest';
import type { DnsReply, QType } from './records';
import { resolveName, searchCandidates } from './resolver';
import type { ResolvConf } from './resolv-conf';

const conf: ResolvConf = { nameservers: ['10.96.0.10'], searches: ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'], options: ['ndots:5'] };

/** A server that knows a fixed table of names; every query is logged by the resolver itself. */
const table = (records: Record<string, string | null>) => (_server: string, name: string, qtype: QType): DnsReply => {
  if (!(name in records)) return { rcode: 'NXDOMAIN', answers: [], authoritative: true };
  const ip = records[name];
  if (ip === null || qtype !== 'A') return { rcode: 'NOERROR', answers: [], authoritative: true };
  return { rcode: 'NOERROR', answers: [{ name, type: 'A', ttl: 30, data: ip! }], authoritative: true };
};

describe('search list walk', () => {
  it('puts the search domains first below ndots dots, the name first at or above', () => {
    expect(searchCandidates('web', conf, 'glibc')).toEqual(['web.default.svc.cluster.local', 'web.svc.cluster.local', 'web.cluster.local', 'web']);
    expect(searchCandidates('a.b.c.d.e', conf, 'glibc')[0]).toBe('a.b.c.d.e.default.svc.cluster.local');
    expect(searchCandidates('a.b.c.d.e.f', conf, 'glibc')).toEqual(['a.b.c.d.e.f', 'a.b.c.d.e.f.default.svc.cluster.local', 'a.b.c.d.e.f.svc.cluster.local', 'a.b.c.d.e.f.cluster.local']);
    expect(searchCandidates('a.b.c.d.e.f', conf, 'musl')).toEqual(['a.b.c.d.e.f']);
    expect(searchCandidates('web.default.svc.cluster.local.', conf, 'glibc')).toEqual(['web.default.svc.cluster.local']);
  });

  it('records every query until one answers', () => {
    const r = resolveName('web.default', conf, table({ 'web.default.svc.cluster.local': '10.96.0.20' }), 'glibc');
    expect(r.status).toBe('ok');
    expect(r.addresses).toEqual(['10.96.0.20']);
    expect(r.queries.map((q) => `${q.name} ${q.reply?.rcode}`)).toEqual(['web.default.default.svc.cluster.local NXDOMAIN', 'web.default.svc.cluster.local NOERROR']);
  });

  it('glibc searches on past a name without the type; musl stops there', () => {
    const server = table({ 'web.default.svc.cluster.local': null, 'web.svc.cluster.local': '10.0.0.9' });
    expect(resolveName('web', conf, server, 'glibc').addresses).toEqual(['10.0.0.9']);
    expect(resolveName('web', conf, server, 'musl').status).toBe('nodata');
  });

  it('gives up at the first timeout, having waited 2 tries of 5 s', () => {
    const r = resolveName('web', conf, () => 'timeout', 'glibc');
    expect(r.status).toBe('timeout');
    expect(r.queries).toHaveLength(1);
    expect(r.waitedMs).toBe(10_000);
  });

  it('answers from /etc/hosts before DNS, and address literals without asking', () => {
    const r = resolveName('client', conf, () => 'timeout', 'glibc', [{ ip: '10.244.1.5', names: ['client'] }]);
    expect(r).toMatchObject({ status: 'ok', addresses: ['10.244.1.5'], fromHostsFile: true, queries: [] });
    expect(resolveName('10.1.2.3', conf, () => 'timeout', 'musl').addresses).toEqual(['10.1.2.3']);
  });
});
