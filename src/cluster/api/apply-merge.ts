import type { KubeObject } from './types';

/**
 * STUB (replaced by the three-way merge): what `kubectl apply` makes of the
 * live object, the last applied configuration and the new manifest.
 */
export function threeWayMerge(live: KubeObject, _lastApplied: KubeObject | undefined, desired: KubeObject): KubeObject {
  return { ...live, ...desired, metadata: { ...live.metadata, ...desired.metadata } } as KubeObject;
}
