import { describe, expect, it } from 'vitest';
import { bootCluster } from '../../../test/support/cluster-fixture';
import { deploymentManifest } from '../../../test/support/manifests';
import { conntrackEntries } from '../conntrack/table';
import { runNetworkTool } from '../tools/index';
import { svc } from '../network.fixture';
import { connect } from './connect';

/**
 * A packet kube-proxy's filter rules DROP gets no answer at all: the client
 * waits for its timeout (not "connection refused", which is REJECT's RST or
 * ICMP), and the dropping node never confirms a conntrack entry.
 */
describe('packets that rules DROP time out', () => {
  const c = bootCluster('default', 5);
  c.api.create(deploymentManifest('web', 1, 'nginx:1.27.5'));
  c.api.create(svc('local', { type: 'NodePort', externalTrafficPolicy: 'Local', selector: { app: 'web' }, ports: [{ port: 80, nodePort: 30090 }] }));
  c.api.create(svc('guarded', { type: 'LoadBalancer', loadBalancerSourceRanges: ['203.0.113.0/24'], selector: { app: 'web' }, ports: [{ port: 80, nodePort: 30091 }] }));
  c.advance(30_000);
  const guarded = c.store.get('Service', 'default', 'guarded')!;
  c.store.replace({ ...guarded, status: { loadBalancer: { ingress: [{ ip: '172.18.255.200' }] } } });
  c.advance(1_000);
  const webNode = c.store.list('Pod', 'default').find((p) => p.metadata.labels?.app === 'web')!.spec.nodeName!;
  const other = c.config.nodes.find((n) => n.name !== webNode && n.name !== 'control-plane')!;

  it('externalTrafficPolicy Local on a node without endpoints: DROP, so a timeout, and no conntrack entry there', () => {
    const before = conntrackEntries(c, other.name).length;
    const t = connect(c, { from: { kind: 'outside' }, target: other.internalIP, port: 30090, protocol: 'TCP' });
    expect(t).toMatchObject({ outcome: 'timeout', droppedOn: other.name });
    expect(conntrackEntries(c, other.name)).toHaveLength(before);
  });

  it('loadBalancerSourceRanges: a source outside the ranges is dropped; curl and nc wait for their timeout', () => {
    const t = connect(c, { from: { kind: 'node', name: other.name }, target: '172.18.255.200', port: 80, protocol: 'TCP' });
    expect(t).toMatchObject({ outcome: 'timeout', droppedOn: other.name });
    const node = { cluster: c, from: { kind: 'node', name: other.name }, image: '' } as const;
    expect(runNetworkTool('curl', ['-m', '3', 'http://172.18.255.200/'], node)).toMatchObject({ exitCode: 28, stderr: 'curl: (28) Connection timed out after 3001 milliseconds\n' });
  });
});
