import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EndpointSlice, Node, Pod, Service } from '../../cluster/api/types';
import { bareCluster } from '../../../test/support/cluster-fixture';
import { deploymentManifest } from '../../../test/support/manifests';
import { GEOMETRY, layoutClusterMap, podState, type MapObjects } from './layout';
import { mapObjectsOf } from './map-source';

function node(name: string, podCIDR: string, ip: string): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, uid: name, resourceVersion: '1', creationTimestamp: '' },
    spec: { podCIDR },
    status: { addresses: [{ type: 'InternalIP', address: ip }] },
  };
}

function pod(name: string, nodeName: string, ip: string | undefined, opts: { phase?: 'Pending' | 'Running' | 'Failed'; ready?: boolean; ns?: string; deleting?: boolean } = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: opts.ns ?? 'default', uid: name, resourceVersion: '1', creationTimestamp: '', ...(opts.deleting ? { deletionTimestamp: 't' } : {}) },
    spec: { containers: [], nodeName },
    status: {
      phase: opts.phase ?? 'Running',
      ...(ip ? { podIP: ip } : {}),
      conditions: [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True' }],
    },
  };
}

function service(name: string, clusterIP: string, ns = 'default'): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: ns, uid: name, resourceVersion: '1', creationTimestamp: '' },
    spec: { type: 'ClusterIP', clusterIP, ports: [{ port: 80, protocol: 'TCP', targetPort: 8080 }] },
  };
}

function slice(svc: string, endpoints: { ip: string; pod?: string; node?: string; ready?: boolean }[]): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: `${svc}-abc`, namespace: 'default', uid: svc, resourceVersion: '1', creationTimestamp: '', labels: { 'kubernetes.io/service-name': svc } },
    addressType: 'IPv4',
    endpoints: endpoints.map((e) => ({
      addresses: [e.ip],
      conditions: { ready: e.ready ?? true },
      ...(e.node ? { nodeName: e.node } : {}),
      ...(e.pod ? { targetRef: { kind: 'Pod', namespace: 'default', name: e.pod, uid: e.pod } } : {}),
    })),
    ports: [{ port: 8080, protocol: 'TCP' }],
  };
}

const objects: MapObjects = {
  nodes: [node('worker-2', '10.244.2.0/24', '172.18.0.4'), node('worker-1', '10.244.1.0/24', '172.18.0.3')],
  pods: [
    pod('web-b', 'worker-2', '10.244.2.5'),
    pod('web-a', 'worker-1', '10.244.1.7'),
    pod('web-c', 'worker-1', '10.244.1.8', { ready: false }),
    pod('coredns-1', 'worker-1', '10.244.1.2', { ns: 'kube-system' }),
  ],
  services: [service('web', '10.96.12.34'), service('kube-dns', '10.96.0.10', 'kube-system')],
  endpointSlices: [
    slice('web', [
      { ip: '10.244.1.7', pod: 'web-a' },
      { ip: '10.244.2.5', pod: 'web-b' },
      { ip: '10.244.1.8', pod: 'web-c', ready: false },
    ]),
  ],
};

describe('layoutClusterMap', () => {
  const layout = layoutClusterMap(objects);

  it('puts nodes in name order, left to right, with their podCIDR and InternalIP', () => {
    expect(layout.nodes.map((n) => [n.name, n.podCIDR, n.internalIP, n.x])).toEqual([
      ['worker-1', '10.244.1.0/24', '172.18.0.3', GEOMETRY.margin],
      ['worker-2', '10.244.2.0/24', '172.18.0.4', GEOMETRY.margin + GEOMETRY.nodeWidth + GEOMETRY.gap],
    ]);
    expect(layout.width).toBe(2 * GEOMETRY.margin + 2 * GEOMETRY.nodeWidth + GEOMETRY.gap);
  });

  it('lists each pod inside its node, in name order, with IP and state; system pods hidden by default', () => {
    const [w1, w2] = layout.nodes;
    expect(w1!.pods.map((p) => [p.name, p.ip, p.state])).toEqual([
      ['web-a', '10.244.1.7', 'ready'],
      ['web-c', '10.244.1.8', 'unready'],
    ]);
    expect(w2!.pods.map((p) => p.name)).toEqual(['web-b']);
    for (const n of layout.nodes) {
      for (const p of n.pods) {
        expect(p.x).toBeGreaterThanOrEqual(n.x);
        expect(p.x + p.w).toBeLessThanOrEqual(n.x + n.w);
        expect(p.y).toBeGreaterThanOrEqual(n.y + GEOMETRY.nodeHeader);
        expect(p.y + p.h).toBeLessThanOrEqual(n.y + n.h);
      }
    }
    expect(w1!.h).toBe(w2!.h);
  });

  it('draws Services above the nodes with their ClusterIP and ports', () => {
    expect(layout.services.map((s) => [s.key, s.clusterIP, s.ports])).toEqual([['default/web', '10.96.12.34', '80/TCP']]);
    expect(layout.services[0]!.y + layout.services[0]!.h).toBeLessThan(layout.nodes[0]!.y);
  });

  it('arrows run from a Service to its ready endpoints only', () => {
    expect(layout.arrows.map((a) => [a.service, a.target, a.ip])).toEqual([
      ['default/web', { pod: 'default/web-a' }, '10.244.1.7'],
      ['default/web', { pod: 'default/web-b' }, '10.244.2.5'],
    ]);
    const a = layout.arrows[0]!;
    const webA = layout.nodes[0]!.pods[0]!;
    expect([a.x2, a.y2]).toEqual([webA.x, webA.y + webA.h / 2]);
  });

  it('points endpoints no shown pod owns at their node', () => {
    const l = layoutClusterMap({ ...objects, endpointSlices: [slice('web', [{ ip: '172.18.0.4', node: 'worker-2' }])] });
    expect(l.arrows.map((a) => a.target)).toEqual([{ node: 'worker-2' }]);
    const byIP = layoutClusterMap({ ...objects, endpointSlices: [slice('web', [{ ip: '172.18.0.3' }])] });
    expect(byIP.arrows.map((a) => a.target)).toEqual([{ node: 'worker-1' }]);
  });

  it('shows system namespaces when asked', () => {
    const l = layoutClusterMap(objects, { showNamespace: () => true });
    expect(l.services.map((s) => s.key)).toEqual(['default/web', 'kube-system/kube-dns']);
    expect(l.nodes[0]!.pods.map((p) => p.name)).toEqual(['web-a', 'web-c', 'coredns-1']);
  });

  it('gives the same picture whatever order the objects arrive in', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(objects.pods as Pod[], { minLength: objects.pods.length }),
        fc.shuffledSubarray(objects.nodes as Node[], { minLength: objects.nodes.length }),
        fc.shuffledSubarray(objects.services as Service[], { minLength: objects.services.length }),
        (pods, nodes, services) => {
          expect(layoutClusterMap({ ...objects, pods, nodes, services })).toEqual(layout);
        },
      ),
    );
  });

  it('never overlaps two boxes', () => {
    const l = layoutClusterMap({
      ...objects,
      services: Array.from({ length: 7 }, (_, i) => service(`s${i}`, `10.96.0.${i + 20}`)),
    });
    const boxes = [...l.services, ...l.nodes];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
        expect(overlap, `${JSON.stringify(a)} / ${JSON.stringify(b)}`).toBe(false);
      }
      expect(boxes[i]!.x + boxes[i]!.w).toBeLessThanOrEqual(l.width);
    }
  });
});

describe('podState', () => {
  it.each([
    [pod('p', 'n', undefined, { phase: 'Pending' }), 'pending'],
    [pod('p', 'n', '10.0.0.1'), 'ready'],
    [pod('p', 'n', '10.0.0.1', { ready: false }), 'unready'],
    [pod('p', 'n', '10.0.0.1', { deleting: true }), 'terminating'],
    [pod('p', 'n', undefined, { phase: 'Failed' }), 'failed'],
  ] as const)('%#: %s', (p, state) => expect(podState(p)).toBe(state));
});

describe('the map of a live cluster', () => {
  it('follows a Deployment and its Service to running pods with IPs in their node’s podCIDR', () => {
    const cluster = bareCluster(3, 2);
    cluster.api.create(deploymentManifest('web', 3));
    cluster.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    cluster.advance(60_000);
    const layout = layoutClusterMap(mapObjectsOf(cluster.store));
    const pods = layout.nodes.flatMap((n) => n.pods.map((p) => ({ node: n, pod: p })));
    expect(pods).toHaveLength(3);
    for (const { node: n, pod: p } of pods) {
      expect(p.state).toBe('ready');
      expect(p.ip!.startsWith(n.podCIDR!.replace(/0\/24$/, ''))).toBe(true);
    }
    const web = layout.services.find((s) => s.key === 'default/web')!;
    expect(web.clusterIP).toMatch(/^10\.(9[6-9]|1[01][0-9])\./);
    expect(layout.arrows.filter((a) => a.service === 'default/web').map((a) => a.ip).sort()).toEqual(pods.map((p) => p.pod.ip).sort());
  });
});
