import type { Condition, Node, Pod, PodSpec } from '../api/types';
import type { Controller, ControllerContext } from '../runtime/controller';
import { WorkQueue } from '../runtime/work-queue';
import { keyOf, splitKey, type WatchEvent } from '../store/object-store';
import { controllerRef, tolerates } from './pod-util';

/** Back-off before a pod that fit nowhere is tried again, unless the cluster changes first. */
const RETRY_MS = 10_000;

/**
 * The default-scheduler: binds each pod without a node to a node that fits
 * (nodeSelector, DaemonSet node affinity, taints, cordons), preferring the
 * node with fewest pods of the same owner, then fewest pods, so replicas
 * spread across the workers.
 */
export class Scheduler implements Controller {
  readonly name = 'default-scheduler';
  readonly queue = new WorkQueue();
  /** Each node name's slot in the count arrays, kept for good: a cluster has few node names. */
  private readonly slots = new Map<string, number>();
  /** Pods per node, by slot. */
  private readonly podsOnNode: number[] = [];
  /** Pods per node (by slot) of each owner (by uid): the spreading score. */
  private readonly ownerOnNode = new Map<string, number[]>();
  private readonly unschedulable = new Set<string>();
  private scheduled: { at: string; statuses: Map<string | undefined, NonNullable<Pod['status']>> } | undefined;
  /** The nodes in name order, listed again only after a Node changed. */
  private nodes: Node[] | undefined;
  /** The filter's verdicts, until a Node changes. */
  private readonly filtered = new FilterCache((pod) => this.filter(pod, (this.nodes ??= this.ctx.store.list('Node'))));

  constructor(private readonly ctx: ControllerContext) {}

  observe(event: WatchEvent): void {
    const obj = event.object;
    if (obj.kind === 'Node') {
      this.nodes = undefined;
      this.filtered.clear();
      for (const key of [...this.unschedulable].sort()) this.queue.add(key);
      return;
    }
    if (obj.kind !== 'Pod') return;
    const before = event.old as Pod | undefined;
    // Status writes leave node and owner alone: the counts stand.
    const recount = !before || before.spec.nodeName !== (obj as Pod).spec.nodeName || before.metadata.ownerReferences !== obj.metadata.ownerReferences;
    if (before && recount) this.count(before, -1);
    if (event.type !== 'DELETED') {
      if (recount) this.count(obj as Pod, +1);
    } else {
      this.count(obj as Pod, -1);
      for (const key of [...this.unschedulable].sort()) this.queue.add(key);
    }
    const pod = obj as Pod;
    if (event.type !== 'DELETED' && !pod.spec.nodeName && !pod.metadata.deletionTimestamp) this.queue.add(keyOf(pod));
  }

  rebuild(): void {
    this.podsOnNode.fill(0);
    this.ownerOnNode.clear();
    this.nodes = undefined;
    this.filtered.clear();
    for (const pod of this.ctx.store.list('Pod')) {
      this.count(pod, +1);
      if (!pod.spec.nodeName) this.queue.add(keyOf(pod));
    }
  }

  sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const pod = this.ctx.store.get('Pod', namespace, name);
    this.unschedulable.delete(key);
    if (!pod || pod.spec.nodeName || pod.metadata.deletionTimestamp) return;
    const nodes = (this.nodes ??= this.ctx.store.list('Node'));
    const verdict = this.filtered.verdict(pod);
    if (verdict.fits.length === 0) {
      this.unschedulable.add(key);
      // FitError sorts the "<count> <reason>" strings themselves.
      const detail = [...verdict.reasons].map(([r, n]) => `${n} ${r}`).sort().join(', ');
      const message = `0/${nodes.length} nodes are available: ${detail}. preemption: 0/${nodes.length} nodes are available: ${nodes.length} Preemption is not helpful for scheduling.`;
      this.ctx.events.record(pod, 'Warning', 'FailedScheduling', message, this.name);
      this.setUnschedulable(pod, message);
      this.ctx.wakeAt(this.name, this.ctx.clock.now() + RETRY_MS, key);
      return;
    }
    const chosen = this.choose(verdict, this.ownerOnNode.get(controllerRef(pod)?.uid ?? ''));
    // The binding subresource sets the node and the PodScheduled condition in one write.
    this.ctx.api.bind(pod, chosen.metadata.name, this.scheduledStatus(pod.status?.qosClass));
    this.ctx.events.record(pod, 'Normal', 'Scheduled', `Successfully assigned ${namespace}/${name} to ${chosen.metadata.name}`, this.name);
  }

  /**
   * Fewest pods of the same owner first, then fewest pods; ties drawn at
   * random, in node order. Two passes over the counts rather than a list
   * of the tied nodes: this runs for every pod.
   */
  private choose(verdict: Verdict, ownerCounts: number[] | undefined): Node {
    const { fits, fitSlots } = verdict;
    let bestOwned = Infinity;
    let bestTotal = Infinity;
    let ties = 0;
    for (const slot of fitSlots) {
      const owned = ownerCounts?.[slot] ?? 0;
      const total = this.podsOnNode[slot] ?? 0;
      const cmp = owned - bestOwned || total - bestTotal;
      if (cmp < 0) {
        bestOwned = owned;
        bestTotal = total;
        ties = 1;
      } else if (cmp === 0) ties++;
    }
    let pick = this.ctx.rng.int(ties);
    for (let i = 0; i < fits.length; i++) {
      const slot = fitSlots[i]!;
      if ((ownerCounts?.[slot] ?? 0) === bestOwned && (this.podsOnNode[slot] ?? 0) === bestTotal && pick-- === 0) return fits[i]!;
    }
    throw new Error('scheduler: no tied node left to pick');
  }

  private filter(pod: Pod, nodes: Node[]): Verdict {
    const fit = fitFor(pod);
    const verdict: Verdict = { fits: [], fitSlots: [], reasons: new Map() };
    for (const n of nodes) {
      const reason = fit(n);
      if (reason) verdict.reasons.set(reason, (verdict.reasons.get(reason) ?? 0) + 1);
      else {
        verdict.fits.push(n);
        verdict.fitSlots.push(this.slot(n.metadata.name));
      }
    }
    return verdict;
  }

  /**
   * The binding's status as of this second: `PodScheduled: True`, one
   * object for every pod of a QoS class bound in it (stored objects are
   * never changed in place).
   */
  private scheduledStatus(qosClass: string | undefined): NonNullable<Pod['status']> {
    const now = this.ctx.clock.timestamp();
    if (this.scheduled?.at !== now) this.scheduled = { at: now, statuses: new Map() };
    let status = this.scheduled.statuses.get(qosClass);
    if (!status) {
      const conditions: Condition[] = [{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now }];
      status = { phase: 'Pending', conditions, qosClass } as NonNullable<Pod['status']>;
      this.scheduled.statuses.set(qosClass, status);
    }
    return status;
  }

  private setUnschedulable(pod: Pod, message: string): void {
    const conditions = [
      { type: 'PodScheduled', status: 'False' as const, lastProbeTime: null, lastTransitionTime: this.ctx.clock.timestamp(), reason: 'Unschedulable', message },
    ];
    const prev = pod.status?.conditions?.[0];
    if (prev?.message === message) return;
    this.ctx.api.updateStatus({ ...pod, status: { phase: 'Pending', conditions, qosClass: pod.status?.qosClass } });
  }

  /** The node name's slot in the count arrays, given on first sight. */
  private slot(node: string): number {
    let slot = this.slots.get(node);
    if (slot === undefined) {
      slot = this.slots.size;
      this.slots.set(node, slot);
      this.podsOnNode.push(0);
    }
    return slot;
  }

  private count(pod: Pod, delta: number): void {
    const node = pod.spec.nodeName;
    if (!node) return;
    const slot = this.slot(node);
    this.podsOnNode[slot]! += delta;
    const owner = controllerRef(pod)?.uid;
    if (!owner) return;
    let counts = this.ownerOnNode.get(owner);
    if (!counts) this.ownerOnNode.set(owner, (counts = []));
    // Slots given after the owner's first pod are missing until counted.
    while (counts.length <= slot) counts.push(0);
    counts[slot]! += delta;
  }
}

/** The filter's verdict on every node: the nodes that fit (with their count slots) and how many failed for each reason. */
interface Verdict {
  fits: Node[];
  fitSlots: number[];
  reasons: Map<string, number>;
}

/**
 * Verdicts by what the filter reads of a pod (node selector, tolerations,
 * affinity): a Deployment's replicas share one. Those are shared objects
 * among a ReplicaSet's pods, so the last pod's are checked by identity
 * before the text key is built.
 */
class FilterCache {
  private readonly byKey = new Map<string, Verdict>();
  private last: { spec: Pick<PodSpec, 'nodeSelector' | 'tolerations' | 'affinity'>; verdict: Verdict } | undefined;

  constructor(private readonly compute: (pod: Pod) => Verdict) {}

  verdict(pod: Pod): Verdict {
    const spec = pod.spec;
    const last = this.last;
    if (last && last.spec.nodeSelector === spec.nodeSelector && last.spec.tolerations === spec.tolerations && last.spec.affinity === spec.affinity) return last.verdict;
    const key = filterKey(pod);
    let verdict = this.byKey.get(key);
    if (!verdict) {
      verdict = this.compute(pod);
      if (this.byKey.size > 1000) this.byKey.clear();
      this.byKey.set(key, verdict);
    }
    this.last = { spec: { nodeSelector: spec.nodeSelector, tolerations: spec.tolerations, affinity: spec.affinity }, verdict };
    return verdict;
  }

  clear(): void {
    this.byKey.clear();
    this.last = undefined;
  }
}

/** Everything fitFor reads of a pod, as one string. */
function filterKey(pod: Pod): string {
  return JSON.stringify([pod.spec.nodeSelector, pod.spec.tolerations, daemonSetNodeName(pod)]);
}

/**
 * Why a pod does not fit a node, worded as the scheduler's filter plugins
 * word it; undefined when it fits. The pod's side is read once, then
 * checked against each node.
 */
function fitFor(pod: Pod): (node: Node) => string | undefined {
  const selector = Object.entries(pod.spec.nodeSelector ?? {});
  const pinned = daemonSetNodeName(pod);
  return (node) => {
    if (node.spec.unschedulable) return 'node(s) were unschedulable';
    // Filter plugins run in the scheduler's order: TaintToleration before NodeAffinity.
    for (const taint of node.spec.taints ?? []) {
      if (taint.effect === 'PreferNoSchedule') continue;
      if (!tolerates(pod.spec.tolerations, taint)) return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
    }
    for (const [k, v] of selector) if (node.metadata.labels?.[k] !== v) return "node(s) didn't match Pod's node affinity/selector";
    if (pinned !== undefined && pinned !== node.metadata.name) return "node(s) didn't match Pod's node affinity/selector";
    return undefined;
  };
}

/** The node a DaemonSet pod is pinned to by its matchFields metadata.name affinity. */
function daemonSetNodeName(pod: Pod): string | undefined {
  const affinity = pod.spec.affinity as
    | { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: { matchFields?: { key: string; values?: string[] }[] }[] } } }
    | undefined;
  const terms = affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const t of terms) for (const f of t.matchFields ?? []) if (f.key === 'metadata.name') return f.values?.[0];
  return undefined;
}
