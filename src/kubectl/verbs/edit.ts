import { parse as parseYaml } from 'yaml';
import { isApiError, notFound } from '../../cluster/api/errors';
import { kindPrefix, qualifiedResource, resourceForKind } from '../../cluster/api/resources';
import type { KindName, KubeObject } from '../../cluster/api/types';
import { deepClone, deepEqual } from '../../cluster/util/clone';
import type { KubectlEnv } from '../env';
import { apiError } from '../errors';
import { message, renderMessage } from '../messages';
import { err, line, out, type EditRequest, type Printed } from '../output';
import { flagValue, type FlagDef } from '../parse/flags';
import { toJson, toYaml } from '../printers/documents';
import { renderError } from '../printers/errors';
import { fail, failWith, isPrinted, parseVerb, PRINT_EXTRAS, printed } from './common';
import { resolveFiles, resolveObjects } from './resolve';

const FLAGS: readonly FlagDef[] = [
  { name: 'output', short: 'o', type: 'string' },
  ...PRINT_EXTRAS,
  { name: 'filename', short: 'f', type: 'string' },
  { name: 'output-patch', type: 'bool', supported: false },
  { name: 'save-config', type: 'bool', supported: false },
  { name: 'windows-line-endings', type: 'bool', supported: false },
  { name: 'validate', type: 'string', bare: 'true', supported: false },
  { name: 'subresource', type: 'string', supported: false },
  { name: 'record', type: 'bool', supported: false },
];

/** editoptions.go's editHeader, written above a YAML file (a JSON file gets none). */
export const EDIT_HEADER =
  "# Please edit the object below. Lines beginning with a '#' will be ignored,\n" +
  '# and an empty file will abort the edit. If an error occurs while saving this file will be\n' +
  '# reopened with the relevant failures.\n' +
  '#\n';

/** One failure as editHeader lists it when it reopens the file. */
interface EditReason {
  head: string;
  other: string[];
}

/**
 * `kubectl edit TYPE NAME | TYPE/NAME | -f FILE [-n NS] [-o yaml|json]`. Where the host
 * has an editor (the lesson page), the result carries the file to open and
 * prints where it is; elsewhere (`podlab sim`) it says that plainly.
 */
export function runEdit(argv: readonly string[], env: KubectlEnv): Printed {
  const flags = parseVerb(argv, FLAGS, 'kubectl edit', env);
  if (isPrinted(flags)) return flags;
  // Edit's printer takes yaml and json only.
  const format = flagValue(flags.flags, 'output') ?? 'yaml';
  if (format !== 'yaml' && format !== 'json') return fail(message('unsupportedOutput', format, ['json', 'yaml']));
  const paths = flags.flags.values.get('filename') ?? [];
  const resolved = paths.length > 0 ? resolveFiles(flags, paths, flags.flags.positional) : resolveObjects(flags, flags.flags.positional);
  if (!resolved.ok) return failWith(resolved.error);
  if (resolved.found.length === 0) return fail(message('missingResource'));
  if (resolved.found.length > 1) return fail(message('editMany'));
  if (!env.editor) return fail(message('editNeedsEditor'));
  const { info, object } = resolved.found[0]!;
  const resource = `${kindPrefix(info)}/${object.metadata.name}`;
  const request: EditRequest = {
    path: `kubectl-edit-${info.kind.toLowerCase()}-${object.metadata.name}.${format}`,
    text: editFile(object, format, []),
    format,
    kind: object.kind,
    ...(object.metadata.namespace !== undefined ? { namespace: object.metadata.namespace } : {}),
    name: object.metadata.name,
    resource,
    original: deepClone(object),
  };
  return { ...printed([out(line(renderMessage(message('editOpened', resource))))], false), edit: request };
}

/** The file kubectl writes: the header (and any failures) above a YAML object; JSON bare. */
function editFile(object: unknown, format: 'yaml' | 'json', reasons: readonly EditReason[]): string {
  if (format === 'json') return toJson(object);
  let header = EDIT_HEADER;
  for (const r of reasons) {
    header += `# ${hashLines(r.head)}${r.other.length > 0 ? ':' : ''}\n`;
    for (const o of r.other) header += `# * ${hashLines(o)}\n`;
    header += '#\n';
  }
  return header + toYaml(object);
}

/** editHeader's hashOnLineBreak: a reason's later lines stay comments. */
const hashLines = (s: string) => s.replace(/\n/g, '\n# ');

/** cmdutil.StripComments: the lines that are not comments. */
function stripComments(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('#'))
    .join('\n');
}

export interface EditSaved {
  printed: Printed;
  /** The edit failed: the file to show instead, with the failures in its header. Absent when the edit is over. */
  reopen?: EditRequest;
}

/**
 * Saving `kubectl edit`'s file, as editoptions.go's loop does once the
 * editor closes: unchanged or empty cancels; otherwise the changes from
 * the original are applied to the live object (a patch, so what the
 * cluster changed meanwhile stays) and sent as an update. A failure
 * leaves the cluster as it was and reopens the file with the reasons.
 */
export function saveEdit(env: KubectlEnv, request: EditRequest, edited: string): EditSaved {
  const body = stripComments(edited);
  if (body === stripComments(request.text)) {
    if (request.failed) return { printed: fail(message('editNoValidChanges')) };
    return { printed: printed([err(line(renderMessage(message('editUnchanged'))))], false) };
  }
  if (body.trim() === '') return { printed: printed([err(line(renderMessage(message('editEmpty'))))], false) };
  const reopen = (reasons: EditReason[], doc: unknown, chunks: Printed['chunks']): EditSaved => ({
    printed: printed(chunks, true),
    reopen: { ...request, text: editFile(doc, request.format, reasons), failed: true },
  });
  let doc: unknown;
  try {
    doc = parseYaml(body);
  } catch (e) {
    // Syntax errors reopen the file without a word on the terminal, as kubectl does.
    const text = (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
    return { printed: printed([], true), reopen: { ...request, text: prependReason(request, edited, { head: `The edited file had a syntax error: ${text}`, other: [] }), failed: true } };
  }
  const original = request.original as KubeObject;
  const changed = doc as Partial<KubeObject> | null;
  if (typeof changed !== 'object' || changed === null || changed.apiVersion !== original.apiVersion || changed.kind !== original.kind || changed.metadata?.name !== original.metadata.name) {
    return { printed: printed([], true), reopen: { ...request, text: prependReason(request, edited, { head: 'At least one of apiVersion, kind and name was changed', other: [] }), failed: true } };
  }
  if (deepEqual(changed, original)) return { printed: printed([out(line(`${request.resource} skipped`))], false) };
  const info = resourceForKind(original.kind as KindName);
  const live = env.cluster.store.get(info.kind, request.namespace, request.name);
  if (!live) return { printed: failWith(apiError(notFound(info, request.name))) };
  const next = patchLive(live, original, changed) as KubeObject;
  try {
    env.cluster.api.update(next);
  } catch (e) {
    if (!isApiError(e)) throw e;
    const resource = qualifiedResource(info);
    if (e.reason === 'Invalid') {
      const causes = (e.details?.causes ?? []).map((c) => `${c.field}: ${c.message}`);
      return reopen([{ head: `${resource} "${request.name}" was not valid`, other: causes.length > 0 ? causes : [e.message] }], changed, [err(line(`error: ${renderMessage(message('editInvalid', resource, request.name))}`))]);
    }
    return reopen([{ head: e.message, other: [] }], changed, [err(renderError(apiError(e)))]);
  }
  env.cluster.settle();
  return { printed: printed([out(line(`${request.resource} edited`))], false) };
}

/** The reason above the learner's own text, header kept first, for failures found before the object is read. */
function prependReason(request: EditRequest, edited: string, reason: EditReason): string {
  if (request.format === 'json') return edited;
  const body = edited.split('\n').filter((l, i, all) => !(l.startsWith('#') && all.slice(0, i).every((x) => x.startsWith('#'))));
  return `${EDIT_HEADER}# ${hashLines(reason.head)}\n#\n${body.join('\n')}`;
}


type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The learner's changes (original → edited) applied to the live object:
 * fields they did not touch keep the live value (status, resourceVersion
 * and whatever controllers wrote meanwhile); changed fields and lists take
 * the edited value; fields they removed go.
 */
export function patchLive(live: unknown, original: unknown, edited: unknown): unknown {
  if (deepEqual(original, edited)) return deepClone(live);
  if (!isObject(original) || !isObject(edited) || !isObject(live)) return deepClone(edited);
  const out: Json = deepClone(live);
  for (const key of Object.keys(original)) if (!(key in edited)) delete out[key];
  for (const [key, value] of Object.entries(edited)) {
    if (key in original) out[key] = patchLive(live[key], original[key], value);
    else out[key] = deepClone(value);
  }
  return out;
}
