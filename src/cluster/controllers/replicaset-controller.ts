import { draftMeta } from '../api/meta';
import type { KubeObject, OwnerReference, Pod, PodSpec, ReplicaSet } from '../api/types';
import type { Controller, ControllerContext } from '../runtime/controller';
import { WorkQueue } from '../runtime/work-queue';
import { keyOf, splitKey, type WatchEvent } from '../store/object-store';
import { OwnerIndex } from './owner-index';
import { isPodActive, isPodReady, ownerRefTo, readySince } from './pod-util';

const ownerKeys = new WeakMap<OwnerReference[], string>();

/**
 * The ReplicaSet controller: keeps `spec.replicas` active pods from the
 * template, named `<rs>-<5 chars>`, and reports what it counts in status.
 */
export class ReplicaSetController implements Controller {
  readonly name = 'replicaset-controller';
  readonly queue = new WorkQueue();
  private lastOwnerRefs: OwnerReference[] | undefined;

  constructor(
    private readonly ctx: ControllerContext,
    private readonly owned = new OwnerIndex(),
  ) {}

  observe(event: WatchEvent): void {
    this.owned.observeOnce(event);
    const obj = event.object;
    if (obj.kind === 'ReplicaSet') this.queue.add(keyOf(obj));
    if (obj.kind !== 'Pod') return;
    const old = event.old as Pod | undefined;
    const sameOwners = old?.metadata.ownerReferences === obj.metadata.ownerReferences;
    // A write that changes nothing the ReplicaSet counts (a binding, a sandbox's IP) would leave its status as it is.
    if (old && sameOwners && !countedFactsChanged(old, obj as Pod)) return;
    this.queueOwner(obj);
    // A status write keeps the owner references: the owner is already queued.
    if (old && !sameOwners) this.queueOwner(old);
  }

  private queueOwner(pod: KubeObject): void {
    const refs = pod.metadata.ownerReferences;
    if (!refs) return;
    // One key string per owner references array (shared by every version of the pod), not one per event.
    let key = ownerKeys.get(refs);
    if (key === undefined) {
      const ref = refs.find((r) => r.controller);
      key = ref?.kind === 'ReplicaSet' ? `${pod.metadata.namespace}/${ref.name}` : '';
      ownerKeys.set(refs, key);
    }
    if (key) this.queue.add(key);
  }

  rebuild(): void {
    this.owned.rebuildOnce(this.ctx.store);
  }

  sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const rs = this.ctx.store.get('ReplicaSet', namespace, name);
    if (!rs || rs.metadata.deletionTimestamp) return;
    const pods = this.owned.objects(this.ctx.store, rs.metadata.uid, 'Pod');
    const active = pods.filter(isPodActive);
    const desired = rs.spec.replicas ?? 1;
    const writes = active.length !== desired;
    if (active.length < desired) {
      for (let i = active.length; i < desired; i++) active.push(this.createPod(rs));
    } else if (active.length > desired) {
      for (const pod of rankForDeletion(active).slice(0, active.length - desired)) {
        this.ctx.api.delete('Pod', namespace, pod.metadata.name);
        this.ctx.events.record(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, this.name);
      }
    }
    // Most syncs only count: without a create or delete the pods listed above are still the stored ones.
    this.updateStatus(rs, writes ? this.owned.objects(this.ctx.store, rs.metadata.uid, 'Pod') : pods);
  }

  private createPod(rs: ReplicaSet): Pod {
    const template = rs.spec.template;
    const pod = this.ctx.api.createSystem<Pod>({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: draftMeta({
        generateName: `${rs.metadata.name}-`,
        namespace: rs.metadata.namespace,
        labels: template.metadata?.labels,
        annotations: template.metadata?.annotations,
        ownerReferences: this.ownerRefsTo(rs),
      }),
      spec: podSpecFrom(template.spec),
    });
    this.ctx.events.record(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, this.name);
    return pod;
  }

  /**
   * The owner references of a new pod: one array for every pod of a burst
   * (stored objects are never changed in place), which also keeps the
   * per-array caches keyed by them (queueOwner's) to one entry a burst.
   */
  private ownerRefsTo(rs: ReplicaSet): OwnerReference[] {
    const ref = this.lastOwnerRefs?.[0];
    if (!ref || ref.uid !== rs.metadata.uid || ref.name !== rs.metadata.name || ref.apiVersion !== rs.apiVersion || ref.kind !== rs.kind) {
      this.lastOwnerRefs = [ownerRefTo(rs)];
    }
    return this.lastOwnerRefs!;
  }

  private updateStatus(rs: ReplicaSet, pods: Pod[]): void {
    const now = this.ctx.clock.now();
    const minReady = (rs.spec.minReadySeconds ?? 0) * 1000;
    const templateLabels = Object.entries(rs.spec.template.metadata?.labels ?? {});
    // One pass over the pods: a ReplicaSet is synced after every burst of its pods' writes.
    const ready: Pod[] = [];
    let active = 0;
    let fullyLabeled = 0;
    let available = 0;
    let terminating = 0;
    for (const p of pods) {
      if (p.metadata.deletionTimestamp) terminating++;
      if (!isPodActive(p)) continue;
      active++;
      if (hasLabels(p, templateLabels)) fullyLabeled++;
      if (!isPodReady(p)) continue;
      ready.push(p);
      if (minReady === 0 || now - Date.parse(readySince(p) ?? '') >= minReady) available++;
    }
    const status = {
      replicas: active,
      fullyLabeledReplicas: fullyLabeled,
      readyReplicas: ready.length,
      availableReplicas: available,
      terminatingReplicas: terminating,
      observedGeneration: rs.metadata.generation,
    };
    if (minReady > 0 && ready.length > available) {
      for (const p of ready) this.ctx.wakeAt(this.name, Date.parse(readySince(p) ?? '') + minReady, keyOf(rs));
    }
    const current = this.ctx.store.get('ReplicaSet', rs.metadata.namespace, rs.metadata.name);
    const next = stripZeros(status);
    if (current && JSON.stringify(current.status) !== JSON.stringify(next)) this.ctx.api.updateStatus({ ...current, status: next });
  }
}

/**
 * A new pod's spec from its template's, sharing what the apiserver will
 * not change: stored objects are never changed in place, so the pods of a
 * ReplicaSet share its template's labels, ports, probes and resources
 * rather than each holding a deep copy. The spec and its containers are
 * the pod's own, as defaulting and admission write to them (the token
 * volume's mount, the pod-only defaults), and defaulting copies anything
 * deeper that it would fill in.
 */
function podSpecFrom(template: PodSpec): PodSpec {
  const spec: PodSpec = { ...template, containers: template.containers.map((c) => ({ ...c })) };
  if (template.initContainers) spec.initContainers = template.initContainers.map((c) => ({ ...c }));
  return spec;
}

/** Whether a pod's write changes what updateStatus counts of it, or whether sync would create or delete for it. */
function countedFactsChanged(old: Pod, pod: Pod): boolean {
  if (isPodActive(old) !== isPodActive(pod) || old.metadata.deletionTimestamp !== pod.metadata.deletionTimestamp || old.metadata.labels !== pod.metadata.labels) return true;
  const ready = isPodReady(pod);
  return ready !== isPodReady(old) || (ready && readySince(old) !== readySince(pod));
}

/** Whether the pod carries every one of the labels. */
function hasLabels(pod: Pod, labels: [string, string][]): boolean {
  const have = pod.metadata.labels;
  // Indexed, not destructured: this runs for every pod on every sync.
  for (let i = 0; i < labels.length; i++) if (have?.[labels[i]![0]] !== labels[i]![1]) return false;
  return true;
}

/** Omits zero counts as the API's omitempty does (replicas is always written). */
function stripZeros(status: ReplicaSet['status'] & object): NonNullable<ReplicaSet['status']> {
  const out: Record<string, number | undefined> = { replicas: status.replicas };
  for (const [k, v] of Object.entries(status)) if (k !== 'replicas' && v) out[k] = v as number;
  return out as unknown as NonNullable<ReplicaSet['status']>;
}

/**
 * Which pods go first when scaling down (controller.ActivePodsWithRanks):
 * unscheduled before scheduled, pending before running, not ready before
 * ready, more restarts first, newer before older.
 */
export function rankForDeletion(pods: Pod[]): Pod[] {
  const phaseRank = (p: Pod) => (p.status?.phase === 'Pending' || !p.status ? 0 : p.status.phase === 'Unknown' ? 1 : 2);
  const restarts = (p: Pod) => (p.status?.containerStatuses ?? []).reduce((n, c) => n + c.restartCount, 0);
  return [...pods].sort(
    (a, b) =>
      Number(!!a.spec.nodeName) - Number(!!b.spec.nodeName) ||
      phaseRank(a) - phaseRank(b) ||
      Number(isPodReady(a)) - Number(isPodReady(b)) ||
      restarts(b) - restarts(a) ||
      Date.parse(b.metadata.creationTimestamp) - Date.parse(a.metadata.creationTimestamp) ||
      (a.metadata.name < b.metadata.name ? -1 : 1),
  );
}
