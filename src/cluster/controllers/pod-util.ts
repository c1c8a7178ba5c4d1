import type { Condition, KubeObject, OwnerReference, Pod, Toleration, Taint } from '../api/types';

/** Pod helpers the controllers share, as k8s.io/kubernetes/pkg/api/v1/pod has them. */

export function isPodReady(pod: Pod): boolean {
  // An indexed loop (no iterator): every endpoint and owner check asks this of every pod write.
  const conditions = pod.status?.conditions ?? NO_CONDITIONS;
  for (let i = 0; i < conditions.length; i++) if (conditions[i]!.type === 'Ready') return conditions[i]!.status === 'True';
  return false;
}

const NO_CONDITIONS: readonly { type: string; status: string }[] = [];

/** Not finished and not being deleted: what a ReplicaSet counts. */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

export function controllerRef(obj: KubeObject): OwnerReference | undefined {
  // An indexed loop (no iterator): the scheduler and the controllers ask this of every pod write.
  const refs = obj.metadata.ownerReferences ?? NO_REFS;
  for (let i = 0; i < refs.length; i++) if (refs[i]!.controller) return refs[i];
  return undefined;
}

const NO_REFS: readonly OwnerReference[] = [];

export function ownerRefTo(owner: KubeObject): OwnerReference {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true };
}

/** The Ready condition's lastTransitionTime, for availability (minReadySeconds). */
export function readySince(pod: Pod): string | undefined {
  return pod.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'True')?.lastTransitionTime;
}

export function tolerates(tolerations: Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((t) => {
    if (t.effect && t.effect !== taint.effect) return false;
    if (t.operator === 'Exists') return t.key === undefined || t.key === '' || t.key === taint.key;
    return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
  });
}

/** Sets a condition, keeping lastTransitionTime when its status did not change. */
export function setCondition(conditions: Condition[], next: Condition): Condition[] {
  const old = conditions.find((c) => c.type === next.type);
  const merged = old && old.status === next.status ? { ...next, lastTransitionTime: old.lastTransitionTime } : next;
  return old ? conditions.map((c) => (c.type === next.type ? merged : c)) : [...conditions, merged];
}
