import { DECODE_SHAPES, type Fields, type Shape } from '../../cluster/api/decode';
import { isFields, isMapOf, isNamed } from '../../cluster/api/shapes/shape';
import { apiVersionOf, lookupResource } from '../../cluster/api/resources';
import type { KubectlEnv } from '../env';
import { message } from '../messages';
import { out, type Printed } from '../output';
import { fail, isPrinted, parseVerb, printed, usage } from './common';

/**
 * `kubectl explain TYPE[.field.path]` in kubectl v1.34's plain-text layout
 * (KIND, VERSION, FIELD, DESCRIPTION, FIELDS with `name<TAB><type>`), built
 * from the shapes the simulated apiserver decodes. Field descriptions are
 * not part of the model: a field lists its name and type only, and the
 * DESCRIPTION says so, pointing to the API reference.
 */
const KIND_SUMMARY: Record<string, string> = {
  Pod: 'A group of containers that share a network namespace and run together on one node.',
  Deployment: 'Declares how many replicas of a pod template should run, and rolls them out through ReplicaSets.',
  ReplicaSet: 'Keeps a number of pods matching its selector running.',
  DaemonSet: 'Runs one copy of a pod on every (selected) node.',
  Service: 'A stable virtual IP and DNS name in front of the pods its selector matches.',
  ConfigMap: 'Holds configuration data as key-value pairs for pods to consume.',
  Namespace: 'A scope for names; most objects live in one.',
  Node: 'A machine of the cluster, on which the kubelet runs pods.',
  Endpoints: 'The addresses behind a Service (legacy API; see EndpointSlice).',
  EndpointSlice: 'A slice of the addresses and ports behind a Service.',
  NetworkPolicy: 'Which traffic may reach, or leave, the pods its podSelector matches.',
};

/** Types of the fields the decoder accepts without a declared shape. */
const KNOWN_TYPES: Record<string, string> = { apiVersion: 'string', kind: 'string', fieldsV1: 'FieldsV1' };

function typeName(shape: Shape): string {
  if (shape === 'string') return 'string';
  if (shape === 'int' || shape === 'int64') return 'integer';
  if (shape === 'quantity') return 'Quantity';
  if (isNamed(shape)) return 'string';
  if (isMapOf(shape)) return `map[string]${typeName(shape.map)}`;
  if (shape === 'bool') return 'boolean';
  if (shape === 'map') return 'map[string]string';
  if (shape === 'intOrString') return 'IntOrString';
  if (shape === 'object') return 'Object';
  if ('array' in shape) return `[]${typeName(shape.array)}`;
  return shape.goType.replace(/^v1\./, '');
}

function fieldsOf(shape: Fields, kind: string, top: boolean): [string, string][] {
  const rows: [string, string][] = Object.entries(shape.fields).map(([name, s]) => [name, typeName(s)]);
  for (const name of shape.known ?? []) rows.push([name, name === 'status' && top ? `${kind}Status` : KNOWN_TYPES[name] ?? 'not modelled']);
  return rows.sort(([a], [b]) => a.localeCompare(b));
}

export function runExplain(argv: readonly string[], env: KubectlEnv): Printed {
  const ctx = parseVerb(argv, [{ name: 'recursive', type: 'bool', supported: false }, { name: 'api-version', type: 'string', supported: false }, { name: 'output', short: 'o', type: 'string', supported: false }], 'kubectl explain', env);
  if (isPrinted(ctx)) return ctx;
  const [arg, ...extra] = ctx.flags.positional;
  if (arg === undefined) return usage('You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.', 'kubectl explain');
  if (extra.length > 0) return usage('We accept only this format: explain RESOURCE', 'kubectl explain');
  const [typed, ...path] = arg.split('.');
  const info = lookupResource(typed!);
  if (!info) return fail(message('unknownResourceType', typed!));
  let shape: Shape = DECODE_SHAPES[info.kind]!;
  let fieldLine = '';
  for (let i = 0; i < path.length; i++) {
    const name = path[i]!;
    const inner: Shape = typeof shape === 'object' && 'array' in shape ? shape.array : shape;
    const fields = isFields(inner) ? fieldsOf(inner, info.kind, i === 0) : [];
    const found = fields.find(([n]) => n === name);
    if (!found) return fail(message('explainNoField', name));
    fieldLine = `FIELD: ${name} <${found[1]}>\n\n`;
    shape = isFields(inner) ? (inner.fields[name] ?? 'object') : 'object';
  }
  const inner: Shape = typeof shape === 'object' && 'array' in shape ? shape.array : shape;
  const fields = isFields(inner) ? fieldsOf(inner, info.kind, path.length === 0) : [];
  const description = path.length === 0 ? KIND_SUMMARY[info.kind] ?? '' : `The ${path.join('.')} field of a ${info.kind}.`;
  let text = `KIND:       ${info.kind}\nVERSION:    ${apiVersionOf(info)}\n\n${fieldLine}DESCRIPTION:\n    ${description}\n    (Field descriptions are not part of this simulation: see https://kubernetes.io/docs/reference/kubernetes-api/)\n    \n`;
  if (fields.length > 0) text += `FIELDS:\n${fields.map(([n, t]) => `  ${n}\t<${t}>\n`).join('')}\n`;
  return printed([out(text)], false);
}
