import { describe, expect, it } from 'vitest';
import { bareScenario, testCatalogue } from '../../../test/support/cluster-fixture';
import { deploymentManifest } from '../../../test/support/manifests';
import { Cluster } from '../../cluster/cluster';
import { announcingNode } from '../../cluster/controllers/metallb-speaker';
import { svc } from '../network.fixture';
import { connect } from './connect';

const outside = { kind: 'outside' } as const;
const OUTSIDE_IP = '172.18.0.1';

function cluster(metallb: boolean, externalTrafficPolicy = 'Cluster', replicas = 2): Cluster {
  const scenario = { ...bareScenario(), ...(metallb ? { loadBalancer: { implementation: 'metallb' as const, addresses: ['172.18.255.200-172.18.255.210'] } } : {}) };
  const c = Cluster.create({ scenario, seed: 3, catalogue: testCatalogue() });
  c.api.create(deploymentManifest('web', replicas, 'nginx'));
  c.api.create(svc('web', { type: 'LoadBalancer', externalTrafficPolicy, selector: { app: 'web' }, ports: [{ port: 80 }] }));
  c.advance(30_000);
  return c;
}
const lbIP = (c: Cluster) => c.store.get('Service', 'default', 'web')!.status!.loadBalancer!.ingress![0]!.ip!;

describe('a LoadBalancer address from outside the cluster', () => {
  it('reaches the announcing node, whose kube-proxy rules DNAT it (Cluster policy masquerades)', () => {
    const c = cluster(true);
    const node = announcingNode(c.store, c.store.get('Service', 'default', 'web')!)!;
    const t = connect(c, { from: outside, target: lbIP(c), port: 80, protocol: 'TCP' });
    expect(t).toMatchObject({ outcome: 'answered', rulesNode: node });
    expect(t.hops[0]!.text).toContain(`which answers ARP for ${lbIP(c)}`);
    const dest = t.destination!;
    const nodeIP = c.config.nodes.find((n) => n.name === node)!.internalIP;
    const bridge = c.config.nodes.find((n) => n.name === node)!.podCIDR.replace('0/24', '1');
    expect(t.sourceSeen).toBe(dest.kind === 'pod' && dest.node === node ? bridge : nodeIP);
  });

  it('with externalTrafficPolicy Local keeps the client address and stays on the announcing node', () => {
    const c = cluster(true, 'Local');
    const t = connect(c, { from: outside, target: lbIP(c), port: 80, protocol: 'TCP' });
    expect(t.outcome).toBe('answered');
    expect(t.sourceSeen).toBe(OUTSIDE_IP);
    expect(t.destination).toMatchObject({ kind: 'pod', node: t.rulesNode });
  });

  it('times out on a port the Service does not define, to ping, and when nothing announces the address', () => {
    const c = cluster(true);
    expect(connect(c, { from: outside, target: lbIP(c), port: 81, protocol: 'TCP' }).outcome).toBe('timeout');
    expect(connect(c, { from: outside, target: lbIP(c), protocol: 'ICMP' }).outcome).toBe('timeout');
    const none = cluster(true, 'Cluster', 0);
    expect(connect(none, { from: outside, target: lbIP(none), port: 80, protocol: 'TCP' })).toMatchObject({ outcome: 'timeout', reason: 'no load balancer announces this LoadBalancer address' });
  });

  it("is dropped by kube-proxy's firewall rules when the client is outside loadBalancerSourceRanges", () => {
    const c = cluster(true);
    const s = c.store.get('Service', 'default', 'web')!;
    c.api.update({ ...s, spec: { ...s.spec, loadBalancerSourceRanges: ['192.0.2.0/24'] } });
    c.advance(2000);
    const t = connect(c, { from: outside, target: lbIP(c), port: 80, protocol: 'TCP' });
    expect(t).toMatchObject({ outcome: 'timeout', droppedOn: t.rulesNode });
  });

  it('an address written by hand, with no load balancer, answers inside the cluster but not from outside', () => {
    const c = cluster(false);
    const s = c.store.get('Service', 'default', 'web')!;
    c.api.updateStatus({ ...s, status: { loadBalancer: { ingress: [{ ip: '172.18.255.200', ipMode: 'VIP' }] } } });
    c.advance(2000);
    expect(connect(c, { from: { kind: 'node', name: 'worker-1' }, target: '172.18.255.200', port: 80, protocol: 'TCP' }).outcome).toBe('answered');
    expect(connect(c, { from: outside, target: '172.18.255.200', port: 80, protocol: 'TCP' }).outcome).toBe('timeout');
  });
});
