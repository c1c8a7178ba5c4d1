import { describe, expect, it } from 'vitest';
import { networkCluster } from '../network.fixture';
import { runNetworkTool } from './index';

const c = networkCluster();

describe('ip route', () => {
  it("on a node (chroot /host: the kind node's iproute2): one space before src, a host route per local pod", () => {
    const r = runNetworkTool('ip', ['route'], { cluster: c, from: { kind: 'node', name: 'worker-1' }, image: 'kindest/node:v1.34.0' });
    expect(r.stdout).toContain('172.18.0.0/16 dev eth0 proto kernel scope link src 172.18.0.3 \n');
    const local = c.store.list('Pod').filter((p) => p.spec.nodeName === 'worker-1' && !p.spec.hostNetwork && p.status?.podIP);
    expect(local.length).toBeGreaterThan(0);
    for (const p of local) expect(r.stdout).toMatch(new RegExp(`^${p.status!.podIP!.replaceAll('.', '\\.')} dev veth[0-9a-f]{8} scope host \n`, 'm'));
  });

  it("in a node debug pod (busybox's ip): BusyBox's two spaces", () => {
    const r = runNetworkTool('ip', ['route'], { cluster: c, from: { kind: 'node', name: 'worker-1' }, image: 'busybox:1.36' });
    expect(r.stdout).toContain('scope link  src 172.18.0.3 \n');
  });
});

describe('ip route in netshoot', () => {
  it("is iproute2's: one space before src", () => {
    const r = runNetworkTool('ip', ['route'], { cluster: c, from: { kind: 'pod', namespace: 'default', name: 'shoot' }, image: 'nicolaka/netshoot' });
    expect(r.stdout).toMatch(/ dev eth0 scope link src 10\.244\.\d+\.\d+ \n$/);
  });
});
