import type { Condition, Node, Pod } from '../api/types';
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
  private readonly podsOnNode = new Map<string, number>();
  /** Pods per node of each owner (by uid): the spreading score. */
  private readonly ownerOnNode = new Map<string, Map<string, number>>();
  private readonly unschedulable = new Set<string>();
  private scheduled: { at: string; conditions: Condition[] } | undefined;
  /** The nodes in name order, listed again only after a Node changed. */
  private nodes: Node[] | undefined;
  /**
   * The filter's verdict on every node, by what the filter reads of a pod:
   * a Deployment's replicas share one, until a Node changes.
   */
  private readonly filtered = new Map<string, { fits: Node[]; reasons: Map<string, number> }>();

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
    this.podsOnNode.clear();
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
    const { fits, reasons } = this.filter(pod, nodes);
    if (fits.length === 0) {
      this.unschedulable.add(key);
      // FitError sorts the "<count> <reason>" strings themselves.
      const detail = [...reasons].map(([r, n]) => `${n} ${r}`).sort().join(', ');
      const message = `0/${nodes.length} nodes are available: ${detail}. preemption: 0/${nodes.length} nodes are available: ${nodes.length} Preemption is not helpful for scheduling.`;
      this.ctx.events.record(pod, 'Warning', 'FailedScheduling', message, this.name);
      this.setUnschedulable(pod, message);
      this.ctx.wakeAt(this.name, this.ctx.clock.now() + RETRY_MS, key);
      return;
    }
    // Fewest pods of the same owner first, then fewest pods; ties drawn at random.
    const ownerCounts = this.ownerOnNode.get(controllerRef(pod)?.uid ?? '');
    let best: Node[] = [];
    let bestOwned = Infinity;
    let bestTotal = Infinity;
    for (const n of fits) {
      const owned = ownerCounts?.get(n.metadata.name) ?? 0;
      const total = this.podsOnNode.get(n.metadata.name) ?? 0;
      const cmp = owned - bestOwned || total - bestTotal;
      if (cmp < 0) {
        best = [n];
        bestOwned = owned;
        bestTotal = total;
      } else if (cmp === 0) best.push(n);
    }
    const chosen = best[this.ctx.rng.int(best.length)]!;
    // The binding subresource sets the node and the PodScheduled condition in one write.
    const conditions = this.scheduledConditions();
    this.ctx.api.bind(pod, chosen.metadata.name, { phase: 'Pending', conditions, qosClass: pod.status?.qosClass });
    this.ctx.events.record(pod, 'Normal', 'Scheduled', `Successfully assigned ${namespace}/${name} to ${chosen.metadata.name}`, this.name);
  }

  private filter(pod: Pod, nodes: Node[]): { fits: Node[]; reasons: Map<string, number> } {
    const key = filterKey(pod);
    let verdict = this.filtered.get(key);
    if (!verdict) {
      const fit = fitFor(pod);
      verdict = { fits: [], reasons: new Map() };
      for (const n of nodes) {
        const reason = fit(n);
        if (reason) verdict.reasons.set(reason, (verdict.reasons.get(reason) ?? 0) + 1);
        else verdict.fits.push(n);
      }
      if (this.filtered.size > 1000) this.filtered.clear();
      this.filtered.set(key, verdict);
    }
    return verdict;
  }

  /** `PodScheduled: True` as of this second: one array for every pod bound in it (stored objects are never changed in place). */
  private scheduledConditions(): Condition[] {
    const now = this.ctx.clock.timestamp();
    if (this.scheduled?.at !== now) this.scheduled = { at: now, conditions: [{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now }] };
    return this.scheduled.conditions;
  }

  private setUnschedulable(pod: Pod, message: string): void {
    const conditions = [
      { type: 'PodScheduled', status: 'False' as const, lastProbeTime: null, lastTransitionTime: this.ctx.clock.timestamp(), reason: 'Unschedulable', message },
    ];
    const prev = pod.status?.conditions?.[0];
    if (prev?.message === message) return;
    this.ctx.api.updateStatus({ ...pod, status: { phase: 'Pending', conditions, qosClass: pod.status?.qosClass } });
  }

  private count(pod: Pod, delta: number): void {
    const node = pod.spec.nodeName;
    if (!node) return;
    this.podsOnNode.set(node, (this.podsOnNode.get(node) ?? 0) + delta);
    const owner = controllerRef(pod)?.uid;
    if (!owner) return;
    let counts = this.ownerOnNode.get(owner);
    if (!counts) this.ownerOnNode.set(owner, (counts = new Map()));
    counts.set(node, (counts.get(node) ?? 0) + delta);
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
