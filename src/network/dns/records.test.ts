import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { networkCluster } from '../network.fixture';
import { answerQuestion, readyEndpoints, type QType } from './records';

const c = networkCluster();
const ask = (name: string, type: QType = 'A') => answerQuestion(c, name, type);
const data = (name: string, type: QType = 'A') => ask(name, type).answers.map((a) => `${a.type} ${a.data}`);
const podIP = (name: string) => c.store.get('Pod', 'default', name)!.status!.podIP!;
const webIP = c.store.get('Service', 'default', 'web')!.spec.clusterIP!;
const echoIPs = c.store.list('Pod', 'default').filter((p) => p.metadata.labels?.app === 'echo').map((p) => p.status!.podIP!).sort();

describe('CoreDNS records', () => {
  it('a ClusterIP Service: one A record with its ClusterIP, no AAAA', () => {
    expect(ask('web.default.svc.cluster.local')).toEqual({ rcode: 'NOERROR', authoritative: true, answers: [{ name: 'web.default.svc.cluster.local', type: 'A', ttl: 30, data: webIP }] });
    expect(ask('WEB.default.svc.cluster.local.', 'AAAA')).toEqual({ rcode: 'NOERROR', answers: [], authoritative: true });
  });

  it('a headless Service: one A per ready endpoint, and a name per endpoint', () => {
    expect(data('echo.default.svc.cluster.local').sort()).toEqual(echoIPs.map((ip) => `A ${ip}`));
    expect(data('db-0.db.default.svc.cluster.local')).toEqual([`A ${podIP('db-0')}`]);
    expect(data(`${echoIPs[0]!.replaceAll('.', '-')}.echo.default.svc.cluster.local`)).toEqual([`A ${echoIPs[0]}`]);
  });

  it('pod records a-b-c-d.<ns>.pod answer any address in an existing namespace (pods insecure)', () => {
    expect(data('10-244-9-9.default.pod.cluster.local')).toEqual(['A 10.244.9.9']);
    expect(ask('10-244-9-9.nosuch.pod.cluster.local').rcode).toBe('NXDOMAIN');
    expect(ask('10-244-9.default.pod.cluster.local').rcode).toBe('NXDOMAIN');
  });

  it('SRV for named ports: the Service itself, or every endpoint of a headless one', () => {
    expect(data('_http._tcp.web.default.svc.cluster.local', 'SRV')).toEqual(['SRV 0 100 80 web.default.svc.cluster.local']);
    expect(data('_http._tcp.echo.default.svc.cluster.local', 'SRV').sort()).toEqual(echoIPs.map((ip) => `SRV 0 50 5678 ${ip.replaceAll('.', '-')}.echo.default.svc.cluster.local`));
    expect(data('_http._tcp.db.default.svc.cluster.local', 'SRV')).toEqual(['SRV 0 100 8080 db-0.db.default.svc.cluster.local']);
    expect(ask('_http._udp.web.default.svc.cluster.local', 'SRV').rcode).toBe('NXDOMAIN');
    expect(data('kube-dns.kube-system.svc.cluster.local', 'SRV')).toEqual(['SRV 0 33 53 kube-dns.kube-system.svc.cluster.local', 'SRV 0 33 53 kube-dns.kube-system.svc.cluster.local', 'SRV 0 33 9153 kube-dns.kube-system.svc.cluster.local']);
  });

  it('PTR: a ClusterIP names its Service, an endpoint its endpoint name', () => {
    expect(data('10.0.96.10.in-addr.arpa', 'PTR')).toEqual(['PTR kube-dns.kube-system.svc.cluster.local']);
    expect(data(`${podIP('db-0').split('.').reverse().join('.')}.in-addr.arpa`, 'PTR')).toEqual(['PTR db-0.db.default.svc.cluster.local']);
    expect(ask('9.9.244.10.in-addr.arpa', 'PTR').rcode).toBe('NXDOMAIN');
  });

  it('ExternalName: a CNAME, followed where the target resolves', () => {
    expect(data('ext.default.svc.cluster.local')).toEqual(['CNAME worker-1', 'A 172.18.0.3']);
    expect(data('ext.default.svc.cluster.local', 'CNAME')).toEqual(['CNAME worker-1']);
  });

  it('unknown names: NXDOMAIN in the zone; an existing namespace is a name without records', () => {
    expect(ask('nosuch.default.svc.cluster.local').rcode).toBe('NXDOMAIN');
    expect(ask('web.nosuch.svc.cluster.local').rcode).toBe('NXDOMAIN');
    expect(ask('default.svc.cluster.local')).toMatchObject({ rcode: 'NOERROR', answers: [] });
    expect(ask('example.com')).toMatchObject({ rcode: 'NXDOMAIN', authoritative: false });
  });

  it('agree with the store for every Service and any name (property)', () => {
    const services = c.store.list('Service');
    const names = [...services.map((s) => `${s.metadata.name}.${s.metadata.namespace}`), 'nosuch.default', 'web.kube-system', 'kube-dns.default'];
    fc.assert(
      fc.property(fc.constantFrom(...names), (short) => {
        const [name, ns] = short.split('.') as [string, string];
        const reply = ask(`${short}.svc.cluster.local`);
        const svc = c.store.get('Service', ns, name);
        if (!svc) return reply.rcode === 'NXDOMAIN';
        if (svc.spec.type === 'ExternalName') return reply.answers[0]?.type === 'CNAME' && reply.answers[0].data === svc.spec.externalName;
        const want = svc.spec.clusterIP === 'None' ? readyEndpoints(c, svc).flatMap((e) => e.addresses) : [svc.spec.clusterIP];
        if (want.length === 0) return reply.rcode === 'NXDOMAIN';
        return JSON.stringify(reply.answers.map((a) => a.data).sort()) === JSON.stringify([...want].sort());
      }),
    );
    fc.assert(
      fc.property(fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)), (octets) => {
        const ip = octets.join('.');
        return data(`${octets.join('-')}.kube-system.pod.cluster.local`)[0] === `A ${ip}`;
      }),
    );
  });
});
