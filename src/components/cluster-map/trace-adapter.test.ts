import { describe, expect, it } from 'vitest';
import type { MapLayout } from './layout';
import { placeTrace } from './trace-adapter';

// A hand-made layout: one Service, two nodes, one visible pod.
const layout: MapLayout = {
  width: 500,
  height: 300,
  services: [{ key: 'default/web', namespace: 'default', name: 'web', type: 'ClusterIP', clusterIP: '10.96.12.34', ports: '80/TCP', x: 100, y: 16, w: 200, h: 52 }],
  nodes: [
    { name: 'worker-1', internalIP: '172.18.0.3', podCIDR: '10.244.1.0/24', x: 16, y: 128, w: 230, h: 120, pods: [{ key: 'default/client', namespace: 'default', name: 'client', ip: '10.244.1.4', state: 'ready', x: 24, y: 186, w: 214, h: 34 }] },
    { name: 'worker-2', internalIP: '172.18.0.4', podCIDR: '10.244.2.0/24', x: 270, y: 128, w: 230, h: 120, pods: [] },
  ],
  arrows: [],
};

describe('placeTrace', () => {
  it('places each hop at the thing it names, numbered in order', () => {
    const placed = placeTrace(
      {
        hops: [
          { kind: 'dns', serviceIP: '10.96.12.34', label: 'web.default.svc.cluster.local → 10.96.12.34' },
          { kind: 'rule', node: 'worker-1', serviceIP: '10.96.12.34', label: 'KUBE-SERVICES' },
          { kind: 'dnat', node: 'worker-1', serviceIP: '10.96.12.34', podIP: '10.244.2.9', label: 'DNAT to 10.244.2.9:8080' },
          { kind: 'route', node: 'worker-2', podIP: '10.244.2.9', label: 'via 172.18.0.4' },
          { kind: 'answer', podIP: '10.244.1.4', label: 'HTTP 200' },
        ],
      },
      layout,
    );
    expect(placed.points.map((p) => [p.step, p.kind, p.x, p.y])).toEqual([
      [1, 'dns', 200, 42],
      [2, 'rule', 131, 148],
      [3, 'dnat', 200, 42],
      [4, 'route', 385, 148],
      [5, 'answer', 131, 203],
    ]);
    expect(placed.unplaced).toEqual([]);
    // The DNAT happens at the Service the DNS answer named: its label goes one line lower.
    expect(placed.points.map((p) => p.stack)).toEqual([0, 0, 1, 0, 0]);
  });

  it('points at the node whose podCIDR holds a pod the map does not show', () => {
    const placed = placeTrace({ hops: [{ kind: 'answer', podIP: '10.244.2.9', label: 'reply' }] }, layout);
    expect(placed.points.map((p) => [p.x, p.y])).toEqual([[385, 148]]);
  });

  it('lists hops that name nothing on the map instead of dropping them', () => {
    const placed = placeTrace(
      { hops: [{ kind: 'dns', serviceIP: '10.96.0.10', label: 'kube-dns (hidden)' }, { kind: 'route', node: 'worker-9', label: 'gone' }] },
      layout,
    );
    expect(placed.points).toEqual([]);
    expect(placed.unplaced).toEqual([
      { step: 1, kind: 'dns', label: 'kube-dns (hidden)' },
      { step: 2, kind: 'route', label: 'gone' },
    ]);
  });
});
