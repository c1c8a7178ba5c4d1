import { draftMeta } from '../api/meta';
import type { Condition, Deployment, IntOrString, ReplicaSet } from '../api/types';
import type { Controller, ControllerContext } from '../runtime/controller';
import { WorkQueue } from '../runtime/work-queue';
import { keyOf, splitKey, type WatchEvent } from '../store/object-store';
import { deepClone, stableStringify } from '../util/clone';
import { fnv32a, safeEncodeString } from '../util/names';
import { OwnerIndex } from './owner-index';
import { controllerRef, ownerRefTo, setCondition } from './pod-util';

const REVISION = 'deployment.kubernetes.io/revision';

/** pod-template-hash: SafeEncodeString of the FNV-32a hash of the template (and collision count). */
export function podTemplateHash(template: unknown, collisionCount = 0): string {
  return safeEncodeString(String(fnv32a(stableStringify(template) + (collisionCount ? String(collisionCount) : ''))));
}

/**
 * Each template's hash as last computed: a Deployment is synced on every
 * write of its ReplicaSets, and its versions share the template object
 * until the spec changes (stored objects are never changed in place).
 */
const templateHashes = new WeakMap<object, { collisionCount: number; hash: string }>();

function templateHashOf(template: object, collisionCount = 0): string {
  const known = templateHashes.get(template);
  if (known?.collisionCount === collisionCount) return known.hash;
  const hash = podTemplateHash(template, collisionCount);
  templateHashes.set(template, { collisionCount, hash });
  return hash;
}

/** intstr.GetScaledValueFromIntOrPercent: surge rounds up, unavailability down. */
function scaled(value: IntOrString | undefined, total: number, roundUp: boolean, fallback: string): number {
  const v = value ?? fallback;
  if (typeof v === 'number') return v;
  const pct = Number(v.replace('%', ''));
  return roundUp ? Math.ceil((pct * total) / 100) : Math.floor((pct * total) / 100);
}

/**
 * The Deployment controller: one ReplicaSet per pod template, named
 * `<deployment>-<pod-template-hash>`, and rolling updates (or Recreate)
 * between them within maxSurge and maxUnavailable.
 */
export class DeploymentController implements Controller {
  readonly name = 'deployment-controller';
  readonly queue = new WorkQueue();

  constructor(
    private readonly ctx: ControllerContext,
    private readonly owned = new OwnerIndex(),
  ) {}

  observe(event: WatchEvent): void {
    this.owned.observeOnce(event);
    const obj = event.object;
    if (obj.kind === 'Deployment') this.queue.add(keyOf(obj));
    if (obj.kind !== 'ReplicaSet') return;
    const ref = controllerRef(obj);
    if (ref?.kind === 'Deployment') this.queue.add(`${obj.metadata.namespace}/${ref.name}`);
  }

  rebuild(): void {
    this.owned.rebuildOnce(this.ctx.store);
  }

  sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const d = this.ctx.store.get('Deployment', namespace, name);
    if (!d || d.metadata.deletionTimestamp) return;
    const all = this.owned.objects(this.ctx.store, d.metadata.uid, 'ReplicaSet');
    const hash = templateHashOf(d.spec.template, d.status?.collisionCount);
    let newRS = all.find((r) => r.metadata.labels?.['pod-template-hash'] === hash);
    const olds = all.filter((r) => r !== newRS);
    const desired = d.spec.replicas ?? 1;
    if (!d.spec.paused) {
      if (!newRS) newRS = this.createReplicaSet(d, hash, olds);
      else newRS = this.bumpRevision(newRS, olds);
      if ((d.spec.strategy?.type ?? 'RollingUpdate') === 'Recreate') this.recreate(d, newRS, olds, desired);
      else this.rollingUpdate(d, newRS, olds, desired);
    }
    this.updateStatus(d, newRS, olds);
  }

  /**
   * A rollback makes an old ReplicaSet the new one again: like the real
   * controller (SetNewReplicaSetAnnotations), it takes the next revision,
   * so `kubectl rollout history` lists it last.
   */
  private bumpRevision(rs: ReplicaSet, olds: ReplicaSet[]): ReplicaSet {
    const max = Math.max(0, ...olds.map((r) => Number(r.metadata.annotations?.[REVISION] ?? 0)));
    if (Number(rs.metadata.annotations?.[REVISION] ?? 0) > max) return rs;
    return this.ctx.api.updateSystem<ReplicaSet>({ ...rs, metadata: { ...rs.metadata, annotations: { ...rs.metadata.annotations, [REVISION]: String(max + 1) } } });
  }

  private createReplicaSet(d: Deployment, hash: string, olds: ReplicaSet[]): ReplicaSet {
    const template = deepClone(d.spec.template);
    template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, 'pod-template-hash': hash } };
    const revision = Math.max(0, ...olds.map((r) => Number(r.metadata.annotations?.[REVISION] ?? 0))) + 1;
    const desired = d.spec.replicas ?? 1;
    const surge = scaled(d.spec.strategy?.rollingUpdate?.maxSurge, desired, true, '25%');
    return this.ctx.api.createSystem<ReplicaSet>({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: draftMeta({
        name: `${d.metadata.name}-${hash}`,
        namespace: d.metadata.namespace,
        labels: template.metadata.labels,
        annotations: {
          'deployment.kubernetes.io/desired-replicas': String(desired),
          'deployment.kubernetes.io/max-replicas': String(desired + surge),
          [REVISION]: String(revision),
        },
        ownerReferences: [ownerRefTo(d)],
      }),
      spec: {
        replicas: 0,
        minReadySeconds: d.spec.minReadySeconds,
        selector: { ...d.spec.selector, matchLabels: { ...d.spec.selector.matchLabels, 'pod-template-hash': hash } },
        template,
      },
    });
  }

  private rollingUpdate(d: Deployment, newRS: ReplicaSet, olds: ReplicaSet[], desired: number): void {
    const surge = scaled(d.spec.strategy?.rollingUpdate?.maxSurge, desired, true, '25%');
    let unavailable = scaled(d.spec.strategy?.rollingUpdate?.maxUnavailable, desired, false, '25%');
    if (surge === 0 && unavailable === 0) unavailable = 1;
    const replicasOf = (r: ReplicaSet) => r.spec.replicas ?? 0;
    const total = replicasOf(newRS) + olds.reduce((n, r) => n + replicasOf(r), 0);

    // Scale up the new ReplicaSet as far as maxSurge allows.
    if (replicasOf(newRS) < desired) {
      const room = desired + surge - total;
      if (room > 0) this.scale(d, newRS, Math.min(desired, replicasOf(newRS) + room));
    } else if (replicasOf(newRS) > desired) {
      this.scale(d, newRS, desired);
    }
    // Scale down old ReplicaSets as far as maxUnavailable allows (reconcileOldReplicaSets).
    const fresh = this.ctx.store.get('ReplicaSet', newRS.metadata.namespace, newRS.metadata.name)!;
    // A ReplicaSet whose controller has not yet acted on a scale-down still reports the pods it had:
    // never count more available pods than it is meant to keep.
    const available = (r: ReplicaSet) => Math.min(r.status?.availableReplicas ?? 0, replicasOf(r));
    const minAvailable = desired - unavailable;
    const byAge = [...olds].sort((a, b) => Date.parse(a.metadata.creationTimestamp) - Date.parse(b.metadata.creationTimestamp));
    const allPods = replicasOf(fresh) + olds.reduce((n, r) => n + replicasOf(r), 0);
    let unhealthyBudget = allPods - minAvailable - (replicasOf(fresh) - available(fresh));
    const remaining = new Map(byAge.map((r) => [r, replicasOf(r)]));
    // First old pods that are not available: removing them costs no availability.
    for (const old of byAge) {
      if (unhealthyBudget <= 0) break;
      const cut = Math.min(unhealthyBudget, remaining.get(old)! - available(old));
      if (cut <= 0) continue;
      remaining.set(old, remaining.get(old)! - cut);
      unhealthyBudget -= cut;
    }
    // Then available ones, down to minAvailable across all ReplicaSets.
    let budget = available(fresh) + olds.reduce((n, r) => n + available(r), 0) - minAvailable;
    for (const old of byAge) {
      if (budget <= 0) break;
      const cut = Math.min(budget, remaining.get(old)!);
      remaining.set(old, remaining.get(old)! - cut);
      budget -= cut;
    }
    for (const old of byAge) if (remaining.get(old)! !== replicasOf(old)) this.scale(d, old, remaining.get(old)!);
    this.cleanup(d, olds);
  }

  private recreate(d: Deployment, newRS: ReplicaSet, olds: ReplicaSet[], desired: number): void {
    const oldPods = olds.reduce((n, r) => n + (r.status?.replicas ?? 0), 0);
    for (const old of olds) if ((old.spec.replicas ?? 0) > 0) this.scale(d, old, 0);
    if (oldPods === 0 && (newRS.spec.replicas ?? 0) !== desired) this.scale(d, newRS, desired);
    this.cleanup(d, olds);
  }

  private scale(d: Deployment, rs: ReplicaSet, to: number): void {
    const current = this.ctx.store.get('ReplicaSet', rs.metadata.namespace, rs.metadata.name);
    if (!current) return;
    const from = current.spec.replicas ?? 0;
    if (from === to) return;
    this.ctx.api.updateSystem({
      ...current,
      metadata: { ...current.metadata, annotations: { ...current.metadata.annotations, 'deployment.kubernetes.io/desired-replicas': String(d.spec.replicas ?? 1) } },
      spec: { ...current.spec, replicas: to },
    });
    const verb = to > from ? 'up' : 'down';
    this.ctx.events.record(d, 'Normal', 'ScalingReplicaSet', `Scaled ${verb} replica set ${rs.metadata.name} from ${from} to ${to}`, this.name);
  }

  /** Keeps revisionHistoryLimit old ReplicaSets that are scaled to zero; deletes older ones. */
  private cleanup(d: Deployment, olds: ReplicaSet[]): void {
    const limit = d.spec.revisionHistoryLimit ?? 10;
    const idle = olds
      .map((r) => this.ctx.store.get('ReplicaSet', r.metadata.namespace, r.metadata.name))
      .filter((r): r is ReplicaSet => !!r && (r.spec.replicas ?? 0) === 0 && (r.status?.replicas ?? 0) === 0)
      .sort((a, b) => Number(a.metadata.annotations?.[REVISION] ?? 0) - Number(b.metadata.annotations?.[REVISION] ?? 0));
    for (const r of idle.slice(0, Math.max(0, idle.length - limit))) this.ctx.api.delete('ReplicaSet', r.metadata.namespace, r.metadata.name);
  }

  private updateStatus(d: Deployment, newRS: ReplicaSet | undefined, olds: ReplicaSet[]): void {
    const rss = [newRS, ...olds]
      .filter((r): r is ReplicaSet => !!r)
      .map((r) => this.ctx.store.get('ReplicaSet', r.metadata.namespace, r.metadata.name))
      .filter((r): r is ReplicaSet => !!r);
    const sum = (f: (r: ReplicaSet) => number | undefined) => rss.reduce((n, r) => n + (f(r) ?? 0), 0);
    const fresh = newRS && this.ctx.store.get('ReplicaSet', newRS.metadata.namespace, newRS.metadata.name);
    const desired = d.spec.replicas ?? 1;
    const replicas = sum((r) => r.status?.replicas);
    const available = sum((r) => r.status?.availableReplicas);
    const updated = fresh?.status?.replicas ?? 0;
    const now = this.ctx.clock.timestamp();
    const unavailableAllowed = scaled(d.spec.strategy?.rollingUpdate?.maxUnavailable, desired, false, '25%');
    const minAvailable = (d.spec.strategy?.type ?? 'RollingUpdate') === 'Recreate' ? desired : desired - unavailableAllowed;
    let conditions: Condition[] = d.status?.conditions ?? [];
    const isAvailable = available >= minAvailable;
    conditions = setCondition(conditions, {
      type: 'Available',
      status: isAvailable ? 'True' : 'False',
      lastUpdateTime: now,
      lastTransitionTime: now,
      reason: isAvailable ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable',
      message: isAvailable ? 'Deployment has minimum availability.' : 'Deployment does not have minimum availability.',
    });
    const complete = fresh && updated === desired && (fresh.status?.availableReplicas ?? 0) === desired && replicas === desired;
    const rsName = fresh?.metadata.name ?? '';
    conditions = setCondition(conditions, {
      type: 'Progressing',
      status: 'True',
      lastUpdateTime: now,
      lastTransitionTime: now,
      reason: complete ? 'NewReplicaSetAvailable' : 'ReplicaSetUpdated',
      message: complete ? `ReplicaSet "${rsName}" has successfully progressed.` : `ReplicaSet "${rsName}" is progressing.`,
    });
    // Keep the Progressing condition first as the controller writes Available after it on creation.
    conditions = [...conditions].sort((a, b) => (a.type === 'Available' ? 1 : 0) - (b.type === 'Available' ? 1 : 0));
    const status: Record<string, unknown> = {
      observedGeneration: d.metadata.generation,
      replicas: replicas || undefined,
      updatedReplicas: updated || undefined,
      readyReplicas: sum((r) => r.status?.readyReplicas) || undefined,
      availableReplicas: available || undefined,
      unavailableReplicas: Math.max(0, desired - available) || undefined,
      terminatingReplicas: sum((r) => r.status?.terminatingReplicas) || undefined,
      conditions,
      collisionCount: d.status?.collisionCount,
    };
    for (const k of Object.keys(status)) if (status[k] === undefined) delete status[k];
    const current = this.ctx.store.get('Deployment', d.metadata.namespace, d.metadata.name)!;
    if (!sameJson(current.status, status, CONDITION_TIMES)) this.ctx.api.updateStatus({ ...current, status: status as Deployment['status'] });
  }
}

/** What a status comparison leaves out: a condition's times change on every sync. */
const CONDITION_TIMES: ReadonlySet<string> = new Set(['lastUpdateTime', 'lastTransitionTime']);

/**
 * Whether two plain JSON values serialize alike, leaving out the members
 * named `skip` at any depth: JSON.stringify's rules (key order counts,
 * undefined members are dropped, undefined in arrays is null), compared
 * in place rather than by building both texts on every sync.
 */
export function sameJson(a: unknown, b: unknown, skip: ReadonlySet<string>): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return JSON.stringify(a) === JSON.stringify(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(inArray(a[i]), inArray(b[i]), skip)) return false;
    return true;
  }
  const ka = jsonKeys(a as Record<string, unknown>, skip);
  const kb = jsonKeys(b as Record<string, unknown>, skip);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i]!;
    if (k !== kb[i] || !sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], skip)) return false;
  }
  return true;
}

/** The keys JSON.stringify writes, in its order. */
function jsonKeys(o: Record<string, unknown>, skip: ReadonlySet<string>): string[] {
  return Object.keys(o).filter((k) => !skip.has(k) && isWritten(o[k]));
}

function isWritten(v: unknown): boolean {
  return v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';
}

function inArray(v: unknown): unknown {
  return isWritten(v) ? v : null;
}
