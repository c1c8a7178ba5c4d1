import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bareCluster } from '../../../test/support/cluster-fixture';
import { deploymentManifest } from '../../../test/support/manifests';
import { networkCluster, sleeper, svc } from '../network.fixture';
import { connect, type ConnectRequest } from './connect';
import { EndpointSliceRouter } from './service-router';

const c = networkCluster();
const client = { kind: 'pod', namespace: 'default', name: 'client' } as const;
const go = (target: string, port: number | undefined, protocol: ConnectRequest['protocol'] = 'TCP', from: ConnectRequest['from'] = client) =>
  connect(c, { from, target, protocol, ...(port !== undefined ? { port } : {}) });
const webPods = () => c.store.list('Pod', 'default').filter((p) => p.metadata.labels?.app === 'web');

describe('connection outcomes', () => {
  it('a Service name with ready endpoints reaches one of its pods, keeping the client address', () => {
    const t = go('web', 80);
    expect(t.outcome).toBe('answered');
    expect(t.dns?.queries.map((q) => q.name)).toEqual(['web.default.svc.cluster.local']);
    expect(t.rulesNode).toBe(c.store.get('Pod', 'default', 'client')!.spec.nodeName);
    expect(webPods().map((p) => p.status?.podIP)).toContain(t.dnat?.ip);
    expect(t.destination).toMatchObject({ kind: 'pod', ip: t.dnat?.ip });
    expect(t.sourceSeen).toBe(c.store.get('Pod', 'default', 'client')!.status!.podIP);
  });

  it('records the crossing to another node: its podCIDR via its InternalIP', () => {
    const clientNode = c.store.get('Pod', 'default', 'client')!.spec.nodeName;
    const remote = webPods().find((p) => p.spec.nodeName !== clientNode)!;
    const node = c.config.nodes.find((n) => n.name === remote.spec.nodeName)!;
    expect(go(remote.status!.podIP!, 80).route).toEqual({ fromNode: clientNode, toNode: node.name, podCIDR: node.podCIDR, via: node.internalIP });
  });

  it('a pod reaching itself through its Service is masqueraded (hairpin)', () => {
    const db = { kind: 'pod', namespace: 'default', name: 'db-0' } as const;
    c.api.create(svc('db-vip', { selector: { app: 'db' }, ports: [{ port: 80, targetPort: 8080 }] }));
    c.advance(1000);
    const pod = c.store.get('Pod', 'default', 'db-0')!;
    const t = go('db-vip', 80, 'TCP', db);
    expect(t).toMatchObject({ outcome: 'answered', dnat: { ip: pod.status!.podIP, port: 8080 } });
    expect(t.sourceSeen).toBe(c.config.nodes.find((n) => n.name === pod.spec.nodeName)!.podCIDR.replace('0/24', '1'));
    c.api.delete('Service', 'default', 'db-vip');
    c.advance(1000);
  });

  it('a Service without endpoints refuses; an undefined port on a ClusterIP times out', () => {
    expect(go('empty', 80)).toMatchObject({ outcome: 'refused', service: { name: 'empty', port: 'http' } });
    expect(go('web', 81).outcome).toBe('timeout');
  });

  it('a pod port with nothing listening refuses; an address nobody owns times out', () => {
    const ip = webPods()[0]!.status!.podIP!;
    expect(go(ip, 80).outcome).toBe('answered');
    expect(go(ip, 8080).outcome).toBe('refused');
    expect(go('10.244.1.250', 80).outcome).toBe('timeout');
    expect(go('192.0.2.1', 80).outcome).toBe('timeout');
  });

  it('ping: a pod address answers, a ClusterIP does not', () => {
    expect(go(webPods()[0]!.status!.podIP!, undefined, 'ICMP').outcome).toBe('answered');
    expect(go('web', undefined, 'ICMP').outcome).toBe('timeout');
  });

  it('unknown names are NXDOMAIN after the whole search list', () => {
    const t = go('nosuch', 80);
    expect(t.outcome).toBe('nxdomain');
    expect(t.dns?.queries.map((q) => q.name)).toEqual(['nosuch.default.svc.cluster.local', 'nosuch.svc.cluster.local', 'nosuch.cluster.local', 'nosuch']);
  });

  it('a NodePort from outside is DNATed on the receiving node and masqueraded', () => {
    const t = go('172.18.0.4', 30080, 'TCP', { kind: 'outside' });
    expect(t).toMatchObject({ outcome: 'answered', rulesNode: 'worker-2' });
    const dest = t.destination!;
    expect(t.sourceSeen).toBe(dest.kind === 'pod' && dest.node === 'worker-2' ? '10.244.2.1' : '172.18.0.4');
    expect(go(c.store.get('Service', 'default', 'web')!.spec.clusterIP!, 80, 'TCP', { kind: 'outside' }).outcome).toBe('timeout');
  });

  it('a host-network pod answers on its node address', () => {
    expect(go('172.18.0.2', 6443, 'TCP', { kind: 'node', name: 'worker-1' })).toMatchObject({ outcome: 'answered', destination: { kind: 'node', name: 'control-plane' } });
    expect(go('172.18.0.2', 7777, 'TCP', { kind: 'node', name: 'worker-1' }).outcome).toBe('refused');
  });

  it('DNS times out once CoreDNS has no ready endpoints', () => {
    const down = networkCluster(11);
    down.api.delete('Deployment', 'kube-system', 'coredns');
    down.advance(60_000);
    const t = connect(down, { from: client, target: 'web', port: 80, protocol: 'TCP' });
    expect(t.outcome).toBe('dns-timeout');
    expect(t.dns?.queries).toEqual([{ name: 'web.default.svc.cluster.local', type: 'A', server: '10.96.0.10' }]);
  });

  it('a missing or unscheduled source is an error, not a throw', () => {
    expect(go('web', 80, 'TCP', { kind: 'pod', namespace: 'default', name: 'ghost' })).toMatchObject({ outcome: 'error', error: 'pods "ghost" not found' });
  });
});

describe('Service routing (property)', () => {
  it('every connection to a Service with ready endpoints reaches one of exactly those endpoints', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 2 }), fc.array(fc.constantFrom('client', 'worker-1', 'worker-2', 'control-plane'), { minLength: 1, maxLength: 8 }), (seed, ready, unready, froms) => {
        const b = bareCluster(seed);
        b.api.create(deploymentManifest('api', ready, 'registry.k8s.io/e2e-test-images/agnhost:2.53', { args: ['netexec', '--http-port=9376'] }));
        // Same label, but a readiness probe nginx fails: selected, never ready.
        const broken = deploymentManifest('api-broken', unready, 'nginx', { readinessProbe: { httpGet: { path: '/healthz', port: 80 } } }) as { spec: { template: { metadata: { labels: Record<string, string> } }; selector: { matchLabels: Record<string, string> } } };
        broken.spec.template.metadata.labels.app = 'api';
        broken.spec.selector.matchLabels = { app: 'api', tier: 'broken' };
        broken.spec.template.metadata.labels.tier = 'broken';
        if (unready > 0) b.api.create(broken);
        b.api.create(svc('api', { selector: { app: 'api' }, ports: [{ name: 'http', port: 80, targetPort: 9376 }] }));
        b.api.create(sleeper('client'));
        b.advance(30_000);
        const service = b.store.get('Service', 'default', 'api')!;
        const readyIPs = b.store.list('Pod', 'default').filter((p) => p.metadata.name.startsWith('api-') && !p.metadata.name.startsWith('api-broken') && p.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True')).map((p) => `${p.status!.podIP}:9376`);
        const routed = new EndpointSliceRouter(b).endpoints(service, service.spec.ports![0]!).map((e) => `${e.ip}:${e.port}`);
        expect([...routed].sort()).toEqual([...readyIPs].sort());
        for (const f of froms) {
          const from = f === 'client' ? client : ({ kind: 'node', name: f } as const);
          const t = connect(b, { from, target: service.spec.clusterIP!, port: 80, protocol: 'TCP' });
          expect(t.outcome).toBe('answered');
          expect(readyIPs).toContain(`${t.dnat!.ip}:${t.dnat!.port}`);
          expect(t.destination).toMatchObject({ kind: 'pod', ip: t.dnat!.ip });
        }
      }),
      { numRuns: 12 },
    );
  }, 60_000);
});
