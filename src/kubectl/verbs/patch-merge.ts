import { threeWayMerge } from '../../cluster/api/apply-merge';
import type { KubeObject } from '../../cluster/api/types';
import { deepClone } from '../../cluster/util/clone';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** RFC 7386 JSON merge patch (`--type=merge`): objects merge, `null` deletes, anything else replaces. */
export function jsonMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return deepClone(patch);
  const out: Json = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = jsonMergePatch(out[key], value);
  }
  return out;
}

/**
 * Strategic merge patch (`--type=strategic`, kubectl patch's default): like
 * a merge patch, but lists with a merge key (containers by name, Service
 * ports by port…) merge item by item; `null` deletes a field. The
 * `$patch`/`$retainKeys` directives are not modelled.
 */
export function strategicMergePatch(live: KubeObject, patch: Json): KubeObject {
  const merged = threeWayMerge(live, undefined, withoutNulls(patch) as KubeObject) as unknown as Json;
  dropNulled(merged, patch);
  return merged as unknown as KubeObject;
}

function withoutNulls(patch: Json): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) continue;
    out[key] = isObject(value) ? withoutNulls(value) : value;
  }
  return out;
}

function dropNulled(target: Json, patch: Json): void {
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete target[key];
    else if (isObject(value) && isObject(target[key])) dropNulled(target[key] as Json, value);
  }
}
