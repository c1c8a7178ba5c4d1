import { stringify } from 'yaml';
import type { KubeObject } from '../../cluster/api/types';

/** Keys sorted at every level, as kubectl marshals unstructured objects (Go maps). */
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

/** `kubectl get -o yaml|json` of several objects: a v1 List, as printGeneric builds it. */
export function asList(objects: readonly KubeObject[]): unknown {
  return { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
}

/**
 * One document as sigs.k8s.io/yaml (go-yaml v2) writes it: keys sorted,
 * block style, `- ` lists not indented, and strings a YAML 1.1 reader would
 * take for something else quoted (`"2026-01-05T09:00:00Z"`, `"yes"`, `"0755"`).
 */
export function toYaml(doc: unknown): string {
  return stringify(sorted(doc), { version: '1.1', lineWidth: 0, defaultStringType: 'PLAIN', indentSeq: false, aliasDuplicateObjects: false });
}

/** One document as kubectl's JSON printer writes it: four-space indent, a final newline. */
export function toJson(doc: unknown): string {
  return `${JSON.stringify(sorted(doc), null, 4)}\n`;
}
