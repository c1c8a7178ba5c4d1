import { draftMeta } from '../api/meta';
import type { DaemonSet, Node, Pod, Toleration } from '../api/types';
import type { Controller, ControllerContext } from '../runtime/controller';
import { WorkQueue } from '../runtime/work-queue';
import { keyOf, splitKey, type WatchEvent } from '../store/object-store';
import { deepClone } from '../util/clone';
import { OwnerIndex } from './owner-index';
import { controllerRef, isPodActive, isPodReady, ownerRefTo, tolerates } from './pod-util';

/** Tolerations the DaemonSet controller adds to every pod it makes (util.AddOrUpdateDaemonPodTolerations). */
const DAEMON_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
];

/**
 * The DaemonSet controller: one pod on every node the template fits,
 * pinned by node affinity on metadata.name and bound by the scheduler.
 */
export class DaemonSetController implements Controller {
  readonly name = 'daemonset-controller';
  readonly queue = new WorkQueue();

  constructor(
    private readonly ctx: ControllerContext,
    private readonly owned = new OwnerIndex(),
  ) {}

  observe(event: WatchEvent): void {
    this.owned.observeOnce(event);
    const obj = event.object;
    if (obj.kind === 'DaemonSet') this.queue.add(keyOf(obj));
    if (obj.kind === 'Node') for (const ds of this.ctx.store.list('DaemonSet')) this.queue.add(keyOf(ds));
    if (obj.kind !== 'Pod') return;
    const ref = controllerRef(obj);
    if (ref?.kind === 'DaemonSet') this.queue.add(`${obj.metadata.namespace}/${ref.name}`);
  }

  rebuild(): void {
    this.owned.rebuildOnce(this.ctx.store);
  }

  sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const ds = this.ctx.store.get('DaemonSet', namespace, name);
    if (!ds || ds.metadata.deletionTimestamp) return;
    const pods = this.owned.objects(this.ctx.store, ds.metadata.uid, 'Pod');
    const nodes = this.ctx.store.list('Node');
    const wanted = nodes.filter((n) => this.fits(ds, n));
    const generation = String(ds.metadata.generation ?? 1);
    for (const node of wanted) {
      const onNode = pods.filter((p) => podNode(p) === node.metadata.name && isPodActive(p));
      if (onNode.length === 0) this.createPod(ds, node, generation);
      // Rolling update: replace pods from an older template one at a time.
      const stale = onNode.filter((p) => p.metadata.labels?.['pod-template-generation'] !== generation);
      if (stale.length > 0 && pods.filter((p) => isPodActive(p) && !isPodReady(p)).length === 0) {
        this.ctx.api.delete('Pod', namespace, stale[0]!.metadata.name);
        this.ctx.events.record(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${stale[0]!.metadata.name}`, this.name);
      }
    }
    for (const p of pods) {
      if (isPodActive(p) && !wanted.some((n) => n.metadata.name === podNode(p))) this.ctx.api.delete('Pod', namespace, p.metadata.name);
    }
    this.updateStatus(ds, wanted.length, generation);
  }

  private fits(ds: DaemonSet, node: Node): boolean {
    const spec = ds.spec.template.spec;
    if (Object.entries(spec.nodeSelector ?? {}).some(([k, v]) => node.metadata.labels?.[k] !== v)) return false;
    const tolerations = [...(spec.tolerations ?? []), ...DAEMON_TOLERATIONS];
    return (node.spec.taints ?? []).every((t) => t.effect === 'PreferNoSchedule' || tolerates(tolerations, t));
  }

  private createPod(ds: DaemonSet, node: Node, generation: string): void {
    const template = deepClone(ds.spec.template);
    const spec = template.spec;
    spec.tolerations = [...(spec.tolerations ?? []), ...DAEMON_TOLERATIONS.filter((t) => !(spec.tolerations ?? []).some((x) => x.key === t.key))];
    spec.affinity = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node.metadata.name] }] }],
        },
      },
    };
    const pod = this.ctx.api.createSystem<Pod>({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: draftMeta({
        generateName: `${ds.metadata.name}-`,
        namespace: ds.metadata.namespace,
        labels: { ...template.metadata?.labels, 'controller-revision-hash': `${generation}`, 'pod-template-generation': generation },
        ownerReferences: [ownerRefTo(ds)],
      }),
      spec,
    });
    this.ctx.events.record(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, this.name);
  }

  private updateStatus(ds: DaemonSet, desired: number, generation: string): void {
    const pods = this.owned.objects(this.ctx.store, ds.metadata.uid, 'Pod').filter(isPodActive);
    const ready = pods.filter(isPodReady).length;
    const status = {
      currentNumberScheduled: pods.length,
      numberMisscheduled: 0,
      desiredNumberScheduled: desired,
      numberReady: ready,
      observedGeneration: ds.metadata.generation,
      updatedNumberScheduled: pods.filter((p) => p.metadata.labels?.['pod-template-generation'] === generation).length,
      numberAvailable: ready || undefined,
      numberUnavailable: desired - ready || undefined,
    };
    const current = this.ctx.store.get('DaemonSet', ds.metadata.namespace, ds.metadata.name)!;
    const clean = JSON.parse(JSON.stringify(status)) as DaemonSet['status'];
    if (JSON.stringify(current.status) !== JSON.stringify(clean)) this.ctx.api.updateStatus({ ...current, status: clean });
  }
}

function podNode(pod: Pod): string | undefined {
  if (pod.spec.nodeName) return pod.spec.nodeName;
  const affinity = pod.spec.affinity as { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: { matchFields?: { values?: string[] }[] }[] } } } | undefined;
  return affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms?.[0]?.matchFields?.[0]?.values?.[0];
}
