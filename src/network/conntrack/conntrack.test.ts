import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster/cluster';
import { testCatalogue } from '../../../test/support/cluster-fixture';
import { connect } from '../connect/connect';
import { EndpointSliceRouter } from '../connect/service-router';
import { networkCluster } from '../network.fixture';
import { conntrack, formatEntry } from './conntrack-command';
import { conntrackEntries, type ConntrackEntry } from './table';

const c = networkCluster();
const podNode = (name: string) => c.store.get('Pod', 'default', name)!.spec.nodeName!;
const podIP = (name: string) => c.store.get('Pod', 'default', name)!.status!.podIP!;
const webIPs = (k = c) => k.store.list('Pod', 'default').filter((p) => p.metadata.labels?.app === 'web').map((p) => p.status!.podIP!);
const svcIP = (name: string, k = c) => k.store.get('Service', 'default', name)!.spec.clusterIP!;

describe('conntrack entries', () => {
  it('prints as conntrack-tools does, the count on stderr after the entries', () => {
    const e: ConntrackEntry = {
      proto: 'tcp', state: 'TIME_WAIT', unreplied: false, assured: true, expiresAt: 117_000,
      orig: { src: '10.244.1.2', dst: '10.96.14.205', sport: 45678, dport: 80 },
      reply: { src: '10.244.2.3', dst: '10.244.1.2', sport: 80, dport: 45678 },
    };
    expect(formatEntry(e, 0)).toBe('tcp      6 117 TIME_WAIT src=10.244.1.2 dst=10.96.14.205 sport=45678 dport=80 src=10.244.2.3 dst=10.244.1.2 sport=80 dport=45678 [ASSURED] mark=0 use=1');
    expect(formatEntry({ ...e, proto: 'udp', state: undefined, assured: false, unreplied: true, expiresAt: 29_999 }, 0)).toBe(
      'udp      17 29 src=10.244.1.2 dst=10.96.14.205 sport=45678 dport=80 [UNREPLIED] src=10.244.2.3 dst=10.244.1.2 sport=80 dport=45678 mark=0 use=1',
    );
    const out = conntrack(['conntrack', '-L', '-p', 'udp'], { cluster: c, node: 'control-plane' });
    expect(out).toMatchObject({ stdout: '', stderr: 'conntrack v1.4.7 (conntrack-tools): 0 flow entries have been shown.\n', exitCode: 0, stderrLast: true });
  });

  it('a connection through a ClusterIP leaves the DNAT on the client node and the rewritten tuple on the endpoint node', () => {
    const t = connect(c, { from: { kind: 'pod', namespace: 'default', name: 'client' }, target: 'web', port: 80, protocol: 'TCP' });
    const here = conntrackEntries(c, podNode('client')).at(-1)!;
    expect(here.orig).toEqual({ src: podIP('client'), dst: svcIP('web'), sport: t.sourcePort, dport: 80 });
    expect(here.reply).toEqual({ src: t.dnat!.ip, dst: podIP('client'), sport: 80, dport: t.sourcePort });
    const endpointNode = t.destination!.kind === 'pod' ? t.destination!.node : '';
    if (endpointNode !== podNode('client')) {
      expect(conntrackEntries(c, endpointNode).at(-1)!.orig).toEqual({ src: podIP('client'), dst: t.dnat!.ip, sport: t.sourcePort, dport: 80 });
    }
  });

  it('a Service without endpoints is rejected before conntrack confirms anything', () => {
    const tcp = () => conntrackEntries(c, podNode('client')).filter((e) => e.proto === 'tcp').length;
    const before = tcp();
    expect(connect(c, { from: { kind: 'pod', namespace: 'default', name: 'client' }, target: 'empty', port: 80, protocol: 'TCP' }).outcome).toBe('refused');
    expect(tcp()).toBe(before);
  });

  it('every entry whose original destination is a Service names one of its endpoints in the reply', () => {
    const cluster = networkCluster(3);
    const pods = ['client', 'shoot', 'db-0'];
    const targets = [
      { target: 'web', port: 80 },
      { target: svcIP('web-np', cluster), port: 80 },
      { target: 'worker-2', port: 30080 },
      { target: 'control-plane', port: 30080 },
    ];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...pods), fc.constantFrom(...targets), fc.boolean()), { minLength: 1, maxLength: 8 }), (steps) => {
        for (const [from, t, node] of steps) {
          const origin = node ? ({ kind: 'node', name: cluster.store.get('Pod', 'default', from)!.spec.nodeName! } as const) : ({ kind: 'pod', namespace: 'default', name: from } as const);
          // A node's resolver is not CoreDNS: a Service name does not resolve there, so nodes use its ClusterIP.
          const target = node && t.target === 'web' ? svcIP('web', cluster) : t.target;
          connect(cluster, { from: origin, target, port: t.port, protocol: 'TCP' });
        }
        const endpoints = new Set(webIPs(cluster));
        const serviceAddresses = new Set([svcIP('web', cluster), svcIP('web-np', cluster)]);
        const nodeAddresses = new Set(cluster.config.nodes.map((n) => n.internalIP));
        let checked = 0;
        for (const node of cluster.config.nodes) {
          for (const e of conntrackEntries(cluster, node.name)) {
            const rewritten = serviceAddresses.has(e.orig.dst) || (nodeAddresses.has(e.orig.dst) && e.orig.dport === 30080 && e.reply.src !== e.orig.dst);
            if (!rewritten) continue;
            expect(endpoints.has(e.reply.src)).toBe(true);
            expect(e.reply.sport).toBe(80);
            checked++;
          }
        }
        expect(checked).toBeGreaterThan(0);
      }),
      { numRuns: 30 },
    );
  });

  it('is part of the snapshot, and timeouts run on the virtual clock', () => {
    const cluster = networkCluster(5);
    connect(cluster, { from: { kind: 'pod', namespace: 'default', name: 'client' }, target: 'web', port: 80, protocol: 'TCP' }, { router: undefined });
    const node = cluster.store.get('Pod', 'default', 'client')!.spec.nodeName!;
    const before = conntrack(['conntrack', '-L', '-p', 'tcp'], { cluster, node }).stdout;
    expect(before).toContain(' 120 TIME_WAIT ');
    const restored = Cluster.restore(JSON.parse(cluster.snapshotJson()), testCatalogue());
    expect(conntrack(['conntrack', '-L', '-p', 'tcp'], { cluster: restored, node }).stdout).toBe(before);
    expect(conntrack(['conntrack', '-L'], { cluster: restored, node }).stdout).toBe(conntrack(['conntrack', '-L'], { cluster, node }).stdout);
    restored.advance(30_000);
    expect(conntrack(['conntrack', '-L', '-p', 'tcp'], { cluster: restored, node }).stdout).toBe(before.replace(' 120 TIME_WAIT ', ' 90 TIME_WAIT '));
    restored.advance(90_000);
    expect(conntrack(['conntrack', '-C'], { cluster: restored, node }).stdout).toBe('0\n');
  });

  it('ClientIP affinity survives a snapshot: the restored cluster sends the client to the same endpoint', () => {
    const cluster = networkCluster(9);
    cluster.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'sticky', namespace: 'default' }, spec: { selector: { app: 'web' }, sessionAffinity: 'ClientIP', ports: [{ name: 'http', port: 80 }] } });
    cluster.advance(2_000);
    const go = (k: Cluster) => connect(k, { from: { kind: 'pod', namespace: 'default', name: 'client' }, target: 'sticky', port: 80, protocol: 'TCP' }).dnat?.ip;
    const first = go(cluster);
    const restored = Cluster.restore(JSON.parse(cluster.snapshotJson()), testCatalogue());
    for (let i = 0; i < 5; i++) expect(go(restored)).toBe(first);
  });

  it('a DNS lookup through kube-dns leaves a UDP entry naming the CoreDNS pod that answered', () => {
    const cluster = networkCluster(13);
    const t = connect(cluster, { from: { kind: 'pod', namespace: 'default', name: 'client' }, target: 'web', port: 80, protocol: 'TCP' });
    const node = cluster.store.get('Pod', 'default', 'client')!.spec.nodeName!;
    const dns = conntrackEntries(cluster, node).filter((e) => e.proto === 'udp');
    const coredns = cluster.store.list('Pod', 'kube-system').filter((p) => p.metadata.name.startsWith('coredns-')).map((p) => p.status!.podIP!);
    expect(dns.length).toBe(1);
    expect(dns[0]!.orig).toMatchObject({ src: t.from.ip, dst: '10.96.0.10', dport: 53 });
    expect(coredns).toContain(dns[0]!.reply.src);
    expect(dns[0]!.unreplied).toBe(false);
  });

  it('the EndpointSlice router records entries too', () => {
    const cluster = networkCluster(11);
    connect(cluster, { from: { kind: 'pod', namespace: 'default', name: 'client' }, target: 'web', port: 80, protocol: 'TCP' }, { router: new EndpointSliceRouter(cluster) });
    expect(conntrackEntries(cluster, cluster.store.get('Pod', 'default', 'client')!.spec.nodeName!).length).toBeGreaterThan(0);
  });
});
