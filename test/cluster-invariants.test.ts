import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Deployment, EndpointSlice, KubeObject, Pod, Service } from '../src/cluster/api/types';
import { Cluster } from '../src/cluster/cluster';
import { matchesMap } from '../src/cluster/labels';
import { bareCluster, testCatalogue } from './support/cluster-fixture';

/**
 * Invariants that must hold after every step of any sequence of learner
 * actions: apply, scale, relabel, delete, pod failure and time passing.
 */

const names = ['web', 'api', 'db'] as const;
const apps = ['web', 'api', 'db'] as const;
const images = ['nginx:1.27', 'httpd', 'registry.k8s.io/e2e-test-images/agnhost:2.53', 'busybox:1.36', 'no-such-image'] as const;

type Step =
  | { op: 'deploy'; name: (typeof names)[number]; app: (typeof apps)[number]; replicas: number; image: (typeof images)[number] }
  | { op: 'service'; name: (typeof names)[number]; app: (typeof apps)[number]; type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' }
  | { op: 'scale'; name: (typeof names)[number]; replicas: number }
  | { op: 'relabel'; pick: number; app: (typeof apps)[number] }
  | { op: 'deleteDeployment'; name: (typeof names)[number] }
  | { op: 'deleteService'; name: (typeof names)[number] }
  | { op: 'deletePod'; pick: number }
  | { op: 'failPod'; pick: number }
  | { op: 'wait'; seconds: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('deploy' as const), name: fc.constantFrom(...names), app: fc.constantFrom(...apps), replicas: fc.integer({ min: 0, max: 6 }), image: fc.constantFrom(...images) }),
  fc.record({ op: fc.constant('service' as const), name: fc.constantFrom(...names), app: fc.constantFrom(...apps), type: fc.constantFrom('ClusterIP' as const, 'NodePort' as const, 'LoadBalancer' as const) }),
  fc.record({ op: fc.constant('scale' as const), name: fc.constantFrom(...names), replicas: fc.integer({ min: 0, max: 8 }) }),
  fc.record({ op: fc.constant('relabel' as const), pick: fc.nat(), app: fc.constantFrom(...apps) }),
  fc.record({ op: fc.constant('deleteDeployment' as const), name: fc.constantFrom(...names) }),
  fc.record({ op: fc.constant('deleteService' as const), name: fc.constantFrom(...names) }),
  fc.record({ op: fc.constant('deletePod' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('failPod' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('wait' as const), seconds: fc.integer({ min: 0, max: 40 }) }),
);

function deploymentManifest(s: Extract<Step, { op: 'deploy' }>): unknown {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: s.name },
    spec: {
      replicas: s.replicas,
      selector: { matchLabels: { deploy: s.name } },
      template: {
        metadata: { labels: { deploy: s.name, app: s.app } },
        spec: { containers: [{ name: 'main', image: s.image, ...(s.image.startsWith('busybox') ? { command: ['sleep', '3600'] } : {}) }] },
      },
    },
  };
}

function serviceManifest(s: Extract<Step, { op: 'service' }>): unknown {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: s.name },
    spec: { type: s.type, selector: { app: s.app }, ports: [{ name: 'http', port: 80, targetPort: 80 }] },
  };
}

function userPods(cluster: Cluster): Pod[] {
  return cluster.store.list('Pod', 'default');
}

/** Applies one step; a step the cluster refuses (say, scaling a missing Deployment) must leave it unchanged. */
function run(cluster: Cluster, s: Step): void {
  const api = cluster.api;
  const pods = userPods(cluster);
  const pick = (n: number) => (pods.length > 0 ? pods[n % pods.length] : undefined);
  switch (s.op) {
    case 'deploy':
      api.apply(deploymentManifest(s));
      break;
    case 'service':
      api.apply(serviceManifest(s));
      break;
    case 'scale': {
      const d = cluster.store.get('Deployment', 'default', s.name);
      if (d) api.update({ ...d, spec: { ...d.spec, replicas: s.replicas } } as Deployment);
      break;
    }
    case 'relabel': {
      const p = pick(s.pick);
      if (p && !p.metadata.deletionTimestamp) api.update({ ...p, metadata: { ...p.metadata, labels: { ...p.metadata.labels, app: s.app } } });
      break;
    }
    case 'deleteDeployment':
      if (cluster.store.get('Deployment', 'default', s.name)) api.delete('Deployment', 'default', s.name);
      break;
    case 'deleteService':
      if (cluster.store.get('Service', 'default', s.name)) api.delete('Service', 'default', s.name);
      break;
    case 'deletePod': {
      const p = pick(s.pick);
      if (p) api.delete('Pod', 'default', p.metadata.name);
      break;
    }
    case 'failPod': {
      // The node's view of a crash: the pod's phase becomes Failed (as after an eviction).
      const p = pick(s.pick);
      if (p?.status && !p.metadata.deletionTimestamp) api.updateStatus({ ...p, status: { ...p.status, phase: 'Failed', reason: 'Evicted', conditions: [] } });
      break;
    }
    case 'wait':
      cluster.advance(s.seconds * 1000);
      return;
  }
  cluster.settle();
}

function ipToInt(ip: string): number {
  return ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
}

function inCidr(ip: string, cidr: string): boolean {
  const [base, bits] = cidr.split('/') as [string, string];
  const size = 2 ** (32 - Number(bits));
  const start = ipToInt(base);
  return ipToInt(ip) >= start && ipToInt(ip) < start + size;
}

function isReady(p: Pod): boolean {
  return p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

function checkInvariants(cluster: Cluster): void {
  const pods = cluster.store.list('Pod');
  const nodes = new Map(cluster.config.nodes.map((n) => [n.name, n]));

  // Pod IPs: unique, inside the podCIDR of the pod's node (host-network pods share the node's IP).
  const seen = new Map<string, string>();
  for (const p of pods) {
    const ip = p.status?.podIP;
    if (!ip || p.spec.hostNetwork) continue;
    const node = nodes.get(p.spec.nodeName ?? '');
    expect(node, `pod ${p.metadata.name} has an IP but no node`).toBeDefined();
    expect(inCidr(ip, node!.podCIDR), `${ip} of ${p.metadata.name} outside ${node!.podCIDR}`).toBe(true);
    expect(seen.get(ip), `${ip} given to ${seen.get(ip)} and ${p.metadata.name}`).toBeUndefined();
    seen.set(ip, p.metadata.name);
  }

  // ClusterIPs: unique, inside the Service CIDR.
  const services = cluster.store.list('Service');
  const ips = new Set<string>();
  for (const s of services) {
    const ip = s.spec.clusterIP;
    if (!ip || ip === 'None') continue;
    expect(inCidr(ip, cluster.config.serviceCIDR), `${ip} outside ${cluster.config.serviceCIDR}`).toBe(true);
    expect(ips.has(ip), `ClusterIP ${ip} given twice`).toBe(false);
    ips.add(ip);
  }

  // NodePorts: unique across Services, inside the range.
  const nodePorts = new Set<number>();
  for (const s of services) {
    for (const port of s.spec.ports ?? []) {
      if (port.nodePort === undefined) continue;
      expect(port.nodePort).toBeGreaterThanOrEqual(cluster.config.nodePortRange.min);
      expect(port.nodePort).toBeLessThanOrEqual(cluster.config.nodePortRange.max);
      expect(nodePorts.has(port.nodePort), `nodePort ${port.nodePort} given twice`).toBe(false);
      nodePorts.add(port.nodePort);
    }
  }

  // EndpointSlices list exactly the ready pods their Service selects.
  for (const svc of services.filter((s): s is Service => !!s.spec.selector && s.metadata.namespace === 'default')) {
    const slices = cluster.store
      .list('EndpointSlice', 'default')
      .filter((e: EndpointSlice) => e.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name);
    const readyInSlices = slices.flatMap((e) => (e.endpoints ?? []).filter((ep) => ep.conditions.ready).flatMap((ep) => ep.addresses)).sort();
    const expected = pods
      .filter((p) => p.metadata.namespace === 'default' && matchesMap(svc.spec.selector, p.metadata.labels))
      .filter((p) => isReady(p) && !p.metadata.deletionTimestamp && p.status?.podIP && p.status.phase !== 'Failed' && p.status.phase !== 'Succeeded')
      .map((p) => p.status!.podIP!)
      .sort();
    expect(readyInSlices, `endpoints of service ${svc.metadata.name}`).toEqual(expected);
  }

  // Owner references point at live owners of the named kind (objects being
  // deleted may outlive their owner for their grace period, as on a real cluster).
  const byUid = new Map<string, KubeObject>(cluster.store.all().map((o) => [o.metadata.uid, o]));
  for (const obj of cluster.store.all()) {
    if (obj.metadata.deletionTimestamp) continue;
    for (const ref of obj.metadata.ownerReferences ?? []) {
      const owner = byUid.get(ref.uid);
      expect(owner, `${obj.kind} ${obj.metadata.name} owned by missing ${ref.kind} ${ref.name}`).toBeDefined();
      expect(owner!.kind).toBe(ref.kind);
      expect(owner!.metadata.name).toBe(ref.name);
    }
  }
}

describe('cluster invariants under random learner actions', () => {
  it('hold after every step', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), fc.integer({ min: 1, max: 1000 }), (steps, seed) => {
        const cluster = bareCluster(seed);
        for (const s of steps) {
          run(cluster, s);
          checkInvariants(cluster);
        }
      }),
      { numRuns: 120 },
    );
  });

  it('replay to the same snapshot for the same seed, and survive snapshot/restore', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 20 }), fc.array(step, { maxLength: 10 }), fc.integer({ min: 1, max: 1000 }), (before, after, seed) => {
        const a = bareCluster(seed);
        const b = bareCluster(seed);
        for (const s of before) {
          run(a, s);
          run(b, s);
        }
        expect(b.snapshotJson()).toBe(a.snapshotJson());

        // Snapshots share the stored objects; if any code changed a stored
        // object in place, the snapshot taken here would change with it.
        const snapshot = a.snapshot();
        const frozenText = JSON.stringify(snapshot);
        const restored = Cluster.restore(snapshot, testCatalogue());
        expect(restored.snapshotJson()).toBe(a.snapshotJson());
        for (const s of after) {
          run(a, s);
          run(restored, s);
        }
        expect(restored.snapshotJson()).toBe(a.snapshotJson());
        expect(JSON.stringify(snapshot)).toBe(frozenText);
        // A restore from the JSON text continues the same way as one from memory.
        const fromText = Cluster.restore(JSON.parse(frozenText), testCatalogue());
        for (const s of after) run(fromText, s);
        expect(fromText.snapshotJson()).toBe(a.snapshotJson());
      }),
      { numRuns: 60 },
    );
  });
});
