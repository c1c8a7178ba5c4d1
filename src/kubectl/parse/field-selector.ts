import type { ResourceInfo } from '../../cluster/api/resources';
import type { KubeObject } from '../../cluster/api/types';

/**
 * Field selectors as the apiserver takes them (k8s.io/apimachinery/pkg/fields):
 * `a=b`, `a==b`, `a!=b`, comma-separated and ANDed, `\,` escaping a comma.
 * Which fields a kind supports, and their values, follow each kind's
 * field-label conversion (pkg/apis/core/v1/conversion.go and friends).
 */
export interface FieldRequirement {
  field: string;
  op: '=' | '!=';
  value: string;
}

export type FieldSelectorResult = { ok: true; requirements: FieldRequirement[] } | { ok: false; detail: string };

/** splitTerms: commas not preceded by a backslash separate terms. */
function splitTerms(text: string): string[] {
  const terms: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      current += c + text[++i];
    } else if (c === ',') {
      terms.push(current);
      current = '';
    } else current += c;
  }
  terms.push(current);
  return terms;
}

/** UnescapeValue: `\\`, `\,` and `\=` are the only escapes. */
function unescape(value: string): string | undefined {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c !== '\\') {
      if (c === '=' || c === ',') return undefined;
      out += c;
      continue;
    }
    const n = value[++i];
    if (n !== '\\' && n !== ',' && n !== '=') return undefined;
    out += n;
  }
  return out;
}

export function parseFieldSelector(text: string): FieldSelectorResult {
  const requirements: FieldRequirement[] = [];
  // The apiserver sorts the terms before reading them.
  for (const term of splitTerms(text).sort()) {
    if (term === '') continue;
    let at = -1;
    let op: FieldRequirement['op'] = '=';
    let len = 1;
    for (let i = 0; i < term.length && at === -1; i++) {
      if (term.startsWith('!=', i)) [at, op, len] = [i, '!=', 2];
      else if (term.startsWith('==', i)) [at, op, len] = [i, '=', 2];
      else if (term[i] === '=') [at, op, len] = [i, '=', 1];
    }
    if (at === -1) return { ok: false, detail: `invalid selector: '${text}'; can't understand '${term}'` };
    const value = unescape(term.slice(at + len));
    if (value === undefined) return { ok: false, detail: `invalid field selector value: ${term.slice(at + len)}` };
    requirements.push({ field: term.slice(0, at), op, value });
  }
  return { ok: true, requirements };
}

type FieldGetter = (o: KubeObject) => string;
const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const at = (o: KubeObject, ...path: string[]) => str(path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), o));

const META: Record<string, FieldGetter> = {
  'metadata.name': (o) => o.metadata.name,
  'metadata.namespace': (o) => o.metadata.namespace ?? '',
};

/** The selectable fields of each kind, beyond metadata.name and metadata.namespace. */
const FIELDS: Partial<Record<string, Record<string, FieldGetter>>> = {
  Pod: {
    'spec.nodeName': (o) => at(o, 'spec', 'nodeName'),
    'spec.restartPolicy': (o) => at(o, 'spec', 'restartPolicy'),
    'spec.schedulerName': (o) => at(o, 'spec', 'schedulerName'),
    'spec.serviceAccountName': (o) => at(o, 'spec', 'serviceAccountName'),
    'spec.hostNetwork': (o) => String(at(o, 'spec', 'hostNetwork') === 'true'),
    'status.phase': (o) => at(o, 'status', 'phase'),
    'status.podIP': (o) => at(o, 'status', 'podIP'),
    'status.podIPs': (o) => at(o, 'status', 'podIP'),
    'status.nominatedNodeName': (o) => at(o, 'status', 'nominatedNodeName'),
  },
  Node: { 'spec.unschedulable': (o) => String(at(o, 'spec', 'unschedulable') === 'true') },
  Namespace: { 'status.phase': (o) => at(o, 'status', 'phase') },
  Service: { 'spec.clusterIP': (o) => at(o, 'spec', 'clusterIP'), 'spec.type': (o) => at(o, 'spec', 'type') },
  ReplicaSet: { 'status.replicas': (o) => at(o, 'status', 'replicas') },
  Event: {
    'involvedObject.kind': (o) => at(o, 'involvedObject', 'kind'),
    'involvedObject.namespace': (o) => at(o, 'involvedObject', 'namespace'),
    'involvedObject.name': (o) => at(o, 'involvedObject', 'name'),
    'involvedObject.uid': (o) => at(o, 'involvedObject', 'uid'),
    'involvedObject.apiVersion': (o) => at(o, 'involvedObject', 'apiVersion'),
    'involvedObject.resourceVersion': (o) => at(o, 'involvedObject', 'resourceVersion'),
    'involvedObject.fieldPath': (o) => at(o, 'involvedObject', 'fieldPath'),
    reason: (o) => at(o, 'reason'),
    reportingComponent: (o) => at(o, 'reportingComponent'),
    source: (o) => at(o, 'source', 'component'),
    type: (o) => at(o, 'type'),
  },
};

function getter(info: ResourceInfo, field: string): FieldGetter | undefined {
  // Namespace and Node have no metadata.namespace field label.
  const meta = info.namespaced ? META : { 'metadata.name': META['metadata.name']! };
  return meta[field] ?? FIELDS[info.kind]?.[field] ?? (field === 'spec.host' && info.kind === 'Pod' ? FIELDS.Pod!['spec.nodeName'] : undefined);
}

/** The first requirement naming a field this kind cannot select by (the apiserver's "field label not supported"). */
export function unsupportedField(info: ResourceInfo, requirements: readonly FieldRequirement[]): string | undefined {
  return requirements.find((r) => getter(info, r.field) === undefined)?.field;
}

export function matchesFieldSelector(info: ResourceInfo, requirements: readonly FieldRequirement[], obj: KubeObject): boolean {
  return requirements.every((r) => {
    const value = getter(info, r.field)?.(obj) ?? '';
    return r.op === '=' ? value === r.value : value !== r.value;
  });
}
