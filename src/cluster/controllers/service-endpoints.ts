import type { Container, EndpointAddress, EndpointSliceEndpoint, Pod, Service, ServicePort } from '../api/types';
import { ipToInt } from '../ipam/ipv4';
import type { ObjectStore, WatchEvent } from '../store/object-store';
import { keyOf } from '../store/object-store';
import { isPodReady } from './pod-util';
import { LabelIndex } from './label-index';

/** One pod as an endpoint of a Service, with the port numbers it serves each Service port on. */
export interface PodEndpoint {
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  /** Resolved target port per Service port, in Service port order; undefined where a named port is missing. */
  ports: (number | undefined)[];
  /** The parts of the controllers' entries that do not depend on the conditions, shared by the pod's versions. */
  address: PodAddress;
}

/**
 * A pod's address as the endpoint controllers write it: the Endpoints
 * address, and the EndpointSlice entry for each set of conditions. Kept
 * while the pod's IP, node, hostname and uid stay (they change on no
 * ordinary status write), so a pod becoming ready builds one new entry
 * and the Endpoints object lists the same address object before and after.
 */
export class PodAddress {
  /** The IP as a number, what the Endpoints controller sorts by. */
  readonly ipInt: number;
  readonly address: EndpointAddress & { targetRef: NonNullable<EndpointAddress['targetRef']> };
  // What the entries are built from, not the pod itself: a pod's old versions are not kept alive.
  private readonly hostname: string | undefined;
  private readonly sliceAddresses: string[];
  private readonly sliceEntries: (EndpointSliceEndpoint | undefined)[] = [];

  constructor(pod: Pod) {
    const ip = pod.status!.podIP!;
    this.ipInt = ipToInt(ip);
    this.address = { ip, nodeName: pod.spec.nodeName, targetRef: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid } };
    this.hostname = pod.spec.hostname;
    this.sliceAddresses = [ip];
  }

  /** Whether this pod version's entries would be built alike. */
  fits(pod: Pod): boolean {
    const { address, hostname } = this;
    return (
      pod.status?.podIP === address.ip &&
      pod.spec.nodeName === address.nodeName &&
      pod.spec.hostname === hostname &&
      pod.metadata.uid === address.targetRef.uid &&
      pod.metadata.name === address.targetRef.name &&
      pod.metadata.namespace === address.targetRef.namespace
    );
  }

  /** The EndpointSlice entry with these conditions, built once. */
  sliceEntry(e: PodEndpoint): EndpointSliceEndpoint {
    const variant = conditionsVariant(e.ready, e.serving, e.terminating);
    return (this.sliceEntries[variant] ??= this.buildSliceEntry(variant));
  }

  private buildSliceEntry(variant: number): EndpointSliceEndpoint {
    const entry: EndpointSliceEndpoint = { addresses: this.sliceAddresses, conditions: sharedConditions(variant), nodeName: this.address.nodeName, targetRef: this.address.targetRef };
    if (this.hostname) entry.hostname = this.hostname;
    return entry;
  }
}

/** A pod version's endpoints before any is built: shared, never pushed to. */
const NO_ENDPOINTS: readonly PodEndpoint[] = [];

/** The latest version of one pod, and the endpoints built from it. */
interface TrackedPod {
  pod: Pod;
  /** This version's endpoints, one per conditions and port resolution: the Services that select it alike share one. */
  endpoints: readonly PodEndpoint[];
  address: PodAddress | undefined;
}

/**
 * What the EndpointSlice and Endpoints controllers share: the indexes from
 * pods to the Services that select them, and the per-pod endpoint facts
 * (podutil readiness, named targetPorts resolved in each pod's containers).
 */
export class ServiceSelection {
  private readonly pods = new LabelIndex();
  private readonly services = new LabelIndex();
  /** The latest version of every pod, by namespace and name: what compute reads instead of the store. */
  private readonly podObjects = new Map<string, Map<string, TrackedPod>>();
  /** Both endpoint controllers share one selection and see each event in turn: index it once. */
  private lastEvent: WatchEvent | undefined;
  private lastKeys: string[] = [];
  private fresh = false;
  /** Bumped by every pod change: a Service's endpoints computed at the same epoch are still right. */
  private podEpoch = 0;
  /**
   * Endpoints computed at one epoch, by what they are computed from
   * (namespace, selector, ports, publishNotReadyAddresses): Services that
   * select alike share one list, and both controllers ask for it.
   */
  private computed = new Map<string, PodEndpoint[]>();
  private computedAt = { epoch: -1, version: -1 };
  /** Each Service's selected pod names in order, kept until a pod joins, leaves or is relabelled. */
  private selected = new WeakMap<Service, { version: number; names: string[] }>();

  private readonly touchingCache = new WeakMap<NonNullable<Pod['metadata']['labels']>, { version: number; ns: string; keys: string[] }>();
  private readonly touchingByPairs = new Map<string, string[]>();
  private touchingAt = -1;
  private readonly serviceKeys = new Map<string, Map<string, string>>();

  constructor(private readonly store: ObjectStore) {}

  /** Keys of the Services an event may change, after the indexes are updated. */
  observe(event: WatchEvent): string[] {
    if (this.lastEvent === event) return this.lastKeys;
    this.fresh = false;
    this.lastKeys = this.index(event);
    this.lastEvent = event;
    return this.lastKeys;
  }

  private index(event: WatchEvent): string[] {
    const obj = event.object;
    const ns = obj.metadata.namespace ?? '';
    if (obj.kind === 'Service') {
      if (event.old) this.services.remove(ns, obj.metadata.name, (event.old as Service).spec.selector);
      if (event.type === 'DELETED') this.services.remove(ns, obj.metadata.name, (obj as Service).spec.selector);
      else this.services.add(ns, obj.metadata.name, (obj as Service).spec.selector);
      return [keyOf(obj)];
    }
    if (obj.kind !== 'Pod') return [];
    const old = event.old as Pod | undefined;
    const relabelled = !old || old.metadata.labels !== obj.metadata.labels;
    this.track(ns, obj as Pod, event.type === 'DELETED');
    if (old && relabelled) this.pods.remove(ns, old.metadata.name, old.metadata.labels);
    if (event.type === 'DELETED') this.pods.remove(ns, obj.metadata.name, obj.metadata.labels);
    else if (relabelled) this.pods.add(ns, obj.metadata.name, obj.metadata.labels);
    // A pod with no IP is no endpoint, before or after: creating and binding it changes no Service.
    if (!(obj as Pod).status?.podIP && !old?.status?.podIP) return [];
    // Most other pod writes (container states) change nothing an endpoint is built from.
    if (old && !relabelled && !endpointFactsChanged(old, obj as Pod)) return [];
    this.podEpoch++;
    if (old && relabelled) {
      const names = this.services.touching(ns, obj.metadata.labels);
      for (const n of this.services.touching(ns, old.metadata.labels)) names.add(n);
      return [...names].sort().map((n) => this.serviceKey(ns, n));
    }
    return this.servicesTouching(ns, obj.metadata.labels);
  }

  /**
   * The keys of the Services selecting on any of these labels, sorted;
   * kept per labels object, and per namespace and label pairs (a
   * ReplicaSet's pods carry alike labels), until a Service changes.
   */
  private servicesTouching(ns: string, labels: Pod['metadata']['labels']): string[] {
    if (!labels) return [];
    const version = this.services.version;
    const cached = this.touchingCache.get(labels);
    if (cached?.version === version && cached.ns === ns) return cached.keys;
    if (this.touchingAt !== version) {
      this.touchingByPairs.clear();
      this.touchingAt = version;
    }
    const pairsKey = `${ns}\n${Object.entries(labels).join('\n')}`;
    let keys = this.touchingByPairs.get(pairsKey);
    if (!keys) {
      keys = [...this.services.touching(ns, labels)].sort().map((n) => this.serviceKey(ns, n));
      this.touchingByPairs.set(pairsKey, keys);
    }
    this.touchingCache.set(labels, { version, ns, keys });
    return keys;
  }

  /** `ns/name`, one string per Service: queues hash a string they have seen before, not a new one each time. */
  private serviceKey(ns: string, name: string): string {
    let m = this.serviceKeys.get(ns);
    if (!m) this.serviceKeys.set(ns, (m = new Map()));
    let key = m.get(name);
    if (key === undefined) {
      if (m.size > 100_000) m.clear();
      m.set(name, (key = `${ns}/${name}`));
    }
    return key;
  }

  private track(ns: string, pod: Pod, deleted: boolean): void {
    let m = this.podObjects.get(ns);
    if (!m) this.podObjects.set(ns, (m = new Map()));
    if (deleted) return void m.delete(pod.metadata.name);
    const tracked = m.get(pod.metadata.name);
    if (!tracked) m.set(pod.metadata.name, { pod, endpoints: NO_ENDPOINTS, address: undefined });
    else if (tracked.pod !== pod) {
      // Written in place: one record a pod, not one a write.
      tracked.pod = pod;
      tracked.endpoints = NO_ENDPOINTS;
    }
  }

  rebuild(): void {
    if (this.fresh) return;
    this.fresh = true;
    this.computed.clear();
    this.selected = new WeakMap();
    this.podEpoch++;
    this.pods.clear();
    this.services.clear();
    this.podObjects.clear();
    for (const p of this.store.list('Pod')) {
      this.pods.add(p.metadata.namespace ?? '', p.metadata.name, p.metadata.labels);
      this.track(p.metadata.namespace ?? '', p, false);
    }
    for (const s of this.store.list('Service')) this.services.add(s.metadata.namespace ?? '', s.metadata.name, s.spec.selector);
  }

  /**
   * The endpoints of a Service with a selector, pods in name order. The
   * EndpointSlice and Endpoints controllers ask in turn with no pod change
   * between them, so the second asks for what the first computed.
   */
  endpointsOf(svc: Service): PodEndpoint[] {
    if (this.computedAt.epoch !== this.podEpoch || this.computedAt.version !== this.pods.version) {
      this.computed.clear();
      this.computedAt = { epoch: this.podEpoch, version: this.pods.version };
    }
    const key = computeKey(svc);
    let endpoints = this.computed.get(key);
    if (!endpoints) this.computed.set(key, (endpoints = this.compute(svc)));
    return endpoints;
  }

  private compute(svc: Service): PodEndpoint[] {
    const ns = svc.metadata.namespace ?? '';
    const out: PodEndpoint[] = [];
    const pods = this.podObjects.get(ns);
    const ports = svc.spec.ports ?? [];
    // Numbered target ports resolve the same in every pod: one array for all of them.
    const numbered = ports.every((p) => typeof (p.targetPort ?? p.port) === 'number') ? internPorts(ports.map((p) => targetPortOf(p))) : undefined;
    for (const name of this.selectedNames(ns, svc)) {
      const tracked = pods?.get(name);
      const pod = tracked?.pod;
      if (!tracked || !pod?.status?.podIP) continue;
      if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') continue;
      const terminating = !!pod.metadata.deletionTimestamp;
      const serving = isPodReady(pod);
      const ready = svc.spec.publishNotReadyAddresses ? true : serving && !terminating;
      out.push(sharedEndpoint(tracked, ready, serving, terminating, numbered ?? internPorts(ports.map((p) => targetPortOf(p, pod)))));
    }
    return out;
  }

  private selectedNames(ns: string, svc: Service): string[] {
    const cached = this.selected.get(svc);
    if (cached?.version === this.pods.version) return cached.names;
    const names = this.pods.matching(ns, svc.spec.selector ?? {}).sort();
    this.selected.set(svc, { version: this.pods.version, names });
    return names;
  }

}

const computeKeys = new WeakMap<Service, string>();

/** Everything compute reads from a Service, as one string; worked out once per Service object. */
function computeKey(svc: Service): string {
  let key = computeKeys.get(svc);
  if (key === undefined) {
    const selector = Object.entries(svc.spec.selector ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const ports = (svc.spec.ports ?? []).map((p) => [p.targetPort ?? p.port, p.protocol]);
    key = JSON.stringify([svc.metadata.namespace ?? '', selector, ports, !!svc.spec.publishNotReadyAddresses]);
    computeKeys.set(svc, key);
  }
  return key;
}

/** One array per distinct list of target ports, so the Services and pods that share one share it (a handful in any cluster). */
const portLists = new Map<string, (number | undefined)[]>();

function internPorts(ports: (number | undefined)[]): (number | undefined)[] {
  const key = ports.join(',');
  let shared = portLists.get(key);
  if (!shared) {
    if (portLists.size > 4096) portLists.clear();
    portLists.set(key, (shared = ports));
  }
  return shared;
}

/** The endpoint of a pod's latest version, built once and shared by every Service that selects it alike. */
function sharedEndpoint(tracked: TrackedPod, ready: boolean, serving: boolean, terminating: boolean, ports: (number | undefined)[]): PodEndpoint {
  for (const e of tracked.endpoints) if (e.ports === ports && e.ready === ready && e.serving === serving && e.terminating === terminating) return e;
  if (!tracked.address?.fits(tracked.pod)) tracked.address = new PodAddress(tracked.pod);
  // No pod reference: the lists the controllers keep do not hold a pod's old versions alive.
  const e: PodEndpoint = { ready, serving, terminating, ports, address: tracked.address };
  // A one-element array, not a push into an empty one (which reserves room for seventeen): almost every pod version has one endpoint.
  if (tracked.endpoints === NO_ENDPOINTS) tracked.endpoints = [e];
  else tracked.endpoints = [...tracked.endpoints, e];
  return e;
}

/**
 * Whether a pod's change can change an endpoint built from it, as the
 * EndpointSlice controller's podEndpointsChanged asks: its address, its
 * readiness, its deletion, its node and hostname, its containers' ports.
 */
function endpointFactsChanged(old: Pod, pod: Pod): boolean {
  return (
    old.status?.podIP !== pod.status?.podIP ||
    old.status?.phase !== pod.status?.phase ||
    old.metadata.deletionTimestamp !== pod.metadata.deletionTimestamp ||
    isPodReady(old) !== isPodReady(pod) ||
    old.spec.nodeName !== pod.spec.nodeName ||
    old.spec.hostname !== pod.spec.hostname ||
    old.spec.subdomain !== pod.spec.subdomain ||
    old.spec.containers !== pod.spec.containers
  );
}

/** podutil.FindPort: a number as is, a name looked up in the pod's container ports. */
export function targetPortOf(port: ServicePort, pod?: Pod): number | undefined {
  const target = port.targetPort ?? port.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  for (const c of (pod?.spec.containers ?? []) as Container[]) {
    for (const cp of c.ports ?? []) if (cp.name === target && (cp.protocol ?? 'TCP') === port.protocol) return cp.containerPort;
  }
  return undefined;
}

/**
 * The EndpointSlice entry of an endpoint. Stored objects are never changed
 * in place, so the ten Services that select one pod share one entry, and
 * an unchanged slice compares equal by identity.
 */
export function toSliceEndpoint(e: PodEndpoint): EndpointSliceEndpoint {
  return e.address.sliceEntry(e);
}

function conditionsVariant(ready: boolean, serving: boolean, terminating: boolean): number {
  return Number(ready) | (Number(serving) << 1) | (Number(terminating) << 2);
}

/** One conditions object per combination, shared by every slice entry (never changed in place). */
const conditionsByVariant: EndpointSliceEndpoint['conditions'][] = [];

function sharedConditions(variant: number): EndpointSliceEndpoint['conditions'] {
  return (conditionsByVariant[variant] ??= { ready: (variant & 1) !== 0, serving: (variant & 2) !== 0, terminating: (variant & 4) !== 0 });
}
