import { describe, expect, it } from 'vitest';
import type { Pod } from '../../cluster/api/types';
import { connect } from '../../network/connect/connect';
import { bootCluster } from '../../../test/support/cluster-fixture';
import { deploymentManifest } from '../../../test/support/manifests';
import { layoutClusterMap, type MapLayout } from './layout';
import { mapObjectsOf } from './map-source';
import { mapTraceOf, placeTrace } from './trace-adapter';

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
      [5, 'answer', 222, 203],
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

describe('mapTraceOf', () => {
  /** Two web pods behind a Service, on a booted cluster. */
  function webCluster() {
    const cluster = bootCluster();
    cluster.api.create(deploymentManifest('web', 2));
    cluster.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80 }] } });
    cluster.advance(60_000);
    const pods = (cluster.store.list('Pod', 'default') as Pod[]).filter((p) => p.status?.podIP).sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
    return { cluster, pods };
  }

  it('follows a pod → Service name → pod connection: source, DNS, rule, DNAT, answer, each placed on the map', () => {
    const { cluster, pods } = webCluster();
    const client = pods[0]!;
    const trace = connect(cluster, { from: { kind: 'pod', namespace: 'default', name: client.metadata.name }, target: 'web', port: 80, protocol: 'TCP' });
    const svcIP = trace.target.ip!;
    const mapTrace = mapTraceOf(trace)!;
    const kinds = mapTrace.hops.map((h) => h.kind);
    expect(kinds.slice(0, 4)).toEqual(['source', 'dns', 'rule', 'dnat']);
    expect(kinds.at(-1)).toBe('answer');
    expect(mapTrace.hops[0]).toEqual({ kind: 'source', podIP: client.status!.podIP, node: client.spec.nodeName, label: `from pod default/${client.metadata.name}` });
    expect(mapTrace.hops[1]!.label).toBe(`DNS web → ${svcIP}`);
    expect(mapTrace.hops[2]!.label).toMatch(/^KUBE-SVC-[A-Z0-9]{16} → KUBE-SEP-[A-Z0-9]{16}$/);
    expect(mapTrace.hops[3]!.label).toBe(`DNAT ${svcIP}:80 → ${trace.dnat!.ip}:80`);
    const answer = mapTrace.hops.at(-1)!;
    expect(answer.podIP).toBe(trace.dnat!.ip);
    expect(answer.label).toMatch(/^answered by web-\S+ :80$/);
    // A cross-node answer shows the route; a same-node one does not.
    expect(kinds.includes('route')).toBe(trace.route !== undefined);

    const placed = placeTrace(mapTrace, layoutClusterMap(mapObjectsOf(cluster.store)));
    expect(placed.unplaced).toEqual([]);
    expect(placed.points.map((p) => p.step)).toEqual(mapTrace.hops.map((_, i) => i + 1));
  });

  it('stops at DNS when the name does not resolve', () => {
    const { cluster, pods } = webCluster();
    const trace = connect(cluster, { from: { kind: 'pod', namespace: 'default', name: pods[0]!.metadata.name }, target: 'nosuch', port: 80, protocol: 'TCP' });
    expect(mapTraceOf(trace)!.hops.map((h) => [h.kind, h.label])).toEqual([
      ['source', `from pod default/${pods[0]!.metadata.name}`],
      ['dns', 'DNS nosuch → NXDOMAIN'],
    ]);
  });

  it('ends in the failure when nothing answers, and draws nothing for an unknown source', () => {
    const { cluster, pods } = webCluster();
    const refused = connect(cluster, { from: { kind: 'pod', namespace: 'default', name: pods[0]!.metadata.name }, target: pods[1]!.status!.podIP!, port: 9999, protocol: 'TCP' });
    expect(refused.outcome).toBe('refused');
    expect(mapTraceOf(refused)!.hops.at(-1)).toMatchObject({ kind: 'answer', podIP: pods[1]!.status!.podIP, label: 'connection refused' });
    expect(mapTraceOf(connect(cluster, { from: { kind: 'pod', namespace: 'default', name: 'ghost' }, target: 'web', port: 80, protocol: 'TCP' }))).toBeUndefined();
  });
});
