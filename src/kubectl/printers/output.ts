import { stringify } from 'yaml';
import type { KubeObject } from '../../cluster/api/types';

/** Keys sorted at every level, as kubectl's printers marshal unstructured objects. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = sorted(v);
  }
  return out;
}

/** One object as itself; several as a v1 List, as `kubectl get -o yaml` prints them. */
function document(objects: KubeObject[], single: boolean): unknown {
  if (single && objects.length === 1) return sorted(objects[0]);
  return sorted({ apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } });
}

export function toYaml(objects: KubeObject[], single: boolean): string {
  return stringify(document(objects, single), { lineWidth: 0, defaultStringType: 'PLAIN', indentSeq: false, aliasDuplicateObjects: false });
}

export function toJson(objects: KubeObject[], single: boolean): string {
  return `${JSON.stringify(document(objects, single), null, 4)}\n`;
}
