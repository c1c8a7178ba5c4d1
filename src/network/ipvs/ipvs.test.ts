import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster/cluster';
import { bootCluster, testCatalogue } from '../../../test/support/cluster-fixture';
import { deploymentManifest } from '../../../test/support/manifests';
import { connect } from '../connect/connect';
import { conntrackEntries } from '../conntrack/table';
import { sleeper, svc } from '../network.fixture';
import { formatVirtualServer } from './ipvsadm';
import { virtualServers } from './virtual-servers';

function ipvsCluster(seed = 1): Cluster {
  const c = bootCluster('ipvs', seed);
  c.api.create(deploymentManifest('web', 3, 'nginx:1.27.5'));
  c.api.create(svc('web', { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 80 }] }));
  c.api.create(svc('sticky', { selector: { app: 'web' }, sessionAffinity: 'ClientIP', ports: [{ name: 'http', port: 80, targetPort: 80 }] }));
  c.api.create(svc('empty', { selector: { app: 'nothing' }, ports: [{ name: 'http', port: 80 }] }));
  c.api.create(sleeper('client'));
  c.advance(30_000);
  return c;
}

const client = { kind: 'pod', namespace: 'default', name: 'client' } as const;

describe('ipvs mode', () => {
  it('prints a virtual server and its real servers as ipvsadm does', () => {
    const v = { protocol: 'TCP' as const, ip: '10.96.0.10', port: 53, scheduler: 'rr' as const, persistent: 10800, via: 'cluster IP' as const, service: { namespace: 'kube-system', name: 'kube-dns', port: 'dns-tcp' }, dests: [{ ip: '10.244.0.2', port: 53 }] };
    expect(formatVirtualServer(v)).toBe('TCP  10.96.0.10:53 rr persistent 10800\n  -> 10.244.0.2:53                Masq    1      0          0         \n');
  });

  it('the rr scheduler hands connections to each real server in turn', () => {
    const c = ipvsCluster();
    const picks = Array.from({ length: 6 }, () => connect(c, { from: client, target: 'web', port: 80, protocol: 'TCP' }).dnat?.ip);
    const vs = virtualServers(c, c.store.get('Pod', 'default', 'client')!.spec.nodeName!).find((v) => v.service.name === 'web')!;
    const order = vs.dests.map((d) => d.ip);
    expect(picks).toEqual([...order, ...order]);
  });

  it('persistence keeps a client on one real server; a restored cluster remembers it and the rr position', () => {
    const c = ipvsCluster(2);
    const go = (k: Cluster, target: string) => connect(k, { from: client, target, port: 80, protocol: 'TCP' }).dnat?.ip;
    const first = go(c, 'sticky');
    go(c, 'web');
    const restored = Cluster.restore(JSON.parse(c.snapshotJson()), testCatalogue());
    expect([go(restored, 'sticky'), go(restored, 'sticky')]).toEqual([first, first]);
    expect(go(restored, 'web')).toBe(go(c, 'web'));
  });

  it('a virtual server without real servers refuses', () => {
    const c = ipvsCluster(3);
    expect(connect(c, { from: client, target: 'empty', port: 80, protocol: 'TCP' }).outcome).toBe('refused');
  });

  it('over any run of connections, rr keeps the counts within one and conntrack names real servers', () => {
    const c = ipvsCluster(4);
    const node = c.store.get('Pod', 'default', 'client')!.spec.nodeName!;
    const vs = virtualServers(c, node).find((v) => v.service.name === 'web')!;
    const counts = new Map(vs.dests.map((d) => [d.ip, 0]));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), (n) => {
        for (let i = 0; i < n; i++) {
          const ip = connect(c, { from: client, target: vs.ip, port: 80, protocol: 'TCP' }).dnat!.ip;
          counts.set(ip, (counts.get(ip) ?? 0) + 1);
        }
        const values = [...counts.values()];
        expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
        for (const e of conntrackEntries(c, node)) if (e.orig.dst === vs.ip) expect(counts.has(e.reply.src)).toBe(true);
      }),
      { numRuns: 20 },
    );
  });
});

describe("ipvs mode's iptables rules", () => {
  it('every jump targets a chain the table defines, on every node', async () => {
    const { ipvsNodeRules } = await import('./ipvs-rules');
    const c = ipvsCluster(5);
    for (const n of c.config.nodes) {
      for (const table of ipvsNodeRules(c, n.name).tables) {
        for (const rules of table.rules.values()) {
          for (const r of rules) if (r.target?.type === 'jump') expect(table.rules.has(r.target.chain)).toBe(true);
        }
      }
    }
  });

  it('writes an ipset rule only when the set has members', async () => {
    const { ipvsNodeRules } = await import('./ipvs-rules');
    const c = ipvsCluster(6);
    const nat = ipvsNodeRules(c, 'worker-1').tables.find((t) => t.name === 'nat')!;
    expect(nat.rules.get('KUBE-NODE-PORT')).toEqual([]);
    expect(nat.rules.get('KUBE-SERVICES')!.some((r) => r.matches.some((m) => m.module === 'set' && m.name === 'KUBE-CLUSTER-IP'))).toBe(true);
  });
});
