import { deepClone } from '../util/clone';
import type { KubeObject } from './types';

/**
 * The merge keys of strategic merge patch: lists of these are merged item
 * by item, matched on the key, instead of replaced (from the `patchMergeKey`
 * tags of the Kubernetes API types).
 */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  imagePullSecrets: 'name',
  // Container ports merge on containerPort, Service ports on port.
  ports: '',
};

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function mergeKeyFor(field: string, items: unknown[]): string | undefined {
  if (!(field in MERGE_KEYS)) return undefined;
  if (field !== 'ports') return MERGE_KEYS[field];
  const first = items.find(isObject);
  return first && 'containerPort' in first ? 'containerPort' : 'port';
}

/**
 * kubectl's client-side apply, as a three-way merge of the live object,
 * the last applied manifest and the new manifest: what the new manifest
 * says wins; what the last one said and the new one drops is removed;
 * everything else on the live object (defaults, a ClusterIP, an allocated
 * nodePort, status) stays.
 */
export function threeWayMerge(live: KubeObject, lastApplied: KubeObject | undefined, desired: KubeObject): KubeObject {
  return mergeObject(deepClone(live) as Json, (lastApplied ?? {}) as Json, desired as Json) as KubeObject;
}

function mergeObject(live: Json, last: Json, desired: Json): Json {
  const out: Json = { ...live };
  for (const key of Object.keys(last)) {
    if (!(key in desired)) delete out[key];
  }
  for (const [key, value] of Object.entries(desired)) {
    const current = out[key];
    if (isObject(value) && isObject(current)) {
      out[key] = mergeObject(current, isObject(last[key]) ? (last[key] as Json) : {}, value);
    } else if (Array.isArray(value) && Array.isArray(current)) {
      out[key] = mergeList(key, current, Array.isArray(last[key]) ? (last[key] as unknown[]) : [], value);
    } else {
      out[key] = deepClone(value);
    }
  }
  return out;
}

function mergeList(field: string, live: unknown[], last: unknown[], desired: unknown[]): unknown[] {
  const key = mergeKeyFor(field, [...desired, ...live]);
  if (!key) return deepClone(desired);
  const liveByKey = new Map(live.filter(isObject).map((item) => [String(item[key]), item]));
  const lastByKey = new Map(last.filter(isObject).map((item) => [String(item[key]), item]));
  // Items keep the new manifest's order; items the manifest never named stay after them.
  const out: unknown[] = [];
  const named = new Set<string>();
  for (const item of desired) {
    if (!isObject(item)) {
      out.push(deepClone(item));
      continue;
    }
    const id = String(item[key]);
    named.add(id);
    const current = liveByKey.get(id);
    out.push(current ? mergeObject(current, lastByKey.get(id) ?? {}, item) : deepClone(item));
  }
  for (const item of live) {
    if (!isObject(item)) continue;
    const id = String(item[key]);
    if (!named.has(id) && !lastByKey.has(id)) out.push(item);
  }
  return out;
}
