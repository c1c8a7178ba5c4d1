import { parseAllDocuments } from 'yaml';
import { isKnownKind, lookupResource, apiVersionOf } from '../cluster/api/resources';
import type { KubectlEnv } from './context';
import { messages } from './messages';

/** The largest manifest file kubectl here will read (the apiserver refuses request bodies over 3 MiB; we stop at 1 MiB). */
export const MAX_MANIFEST_BYTES = 1024 * 1024;
const MAX_DEPTH = 100;

export interface Manifest {
  source: string;
  object: Record<string, unknown>;
}

/** Files named by -f: a file, or the .yaml/.yml/.json files of a folder in name order. */
export function expandFilenames(env: KubectlEnv, paths: string[]): { files: string[]; error?: string } {
  const files: string[] = [];
  for (const path of paths) {
    const entries = env.listDir(path);
    if (entries) {
      for (const e of [...entries].sort()) if (/\.(ya?ml|json)$/.test(e)) files.push(`${path.replace(/\/$/, '')}/${e}`);
      continue;
    }
    if (env.readFile(path) === undefined) return { files, error: messages.pathMissing(path) };
    files.push(path);
  }
  return { files };
}

function depth(value: unknown, limit: number): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (d > max) max = d;
    if (max > limit) return max;
    if (v && typeof v === 'object') for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

/**
 * Reads manifests from one file: every YAML document (or a JSON object), a
 * `kind: List` expanded, empty documents skipped. Client-side checks as
 * kubectl makes them; the apiserver does the rest.
 */
export function readManifests(text: string, source: string): { manifests: Manifest[]; error?: string } {
  if (text.length > MAX_MANIFEST_BYTES) return { manifests: [], error: `error: ${source}: the file is larger than 1 MiB` };
  let docs;
  try {
    docs = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false });
  } catch (e) {
    return { manifests: [], error: messages.yamlError(source, (e as Error).message) };
  }
  const list = Array.isArray(docs) ? docs : [docs];
  const manifests: Manifest[] = [];
  for (const doc of list) {
    if (doc.errors.length > 0) {
      const err = doc.errors[0]!;
      const line = err.linePos?.[0]?.line;
      return { manifests, error: messages.yamlError(source, `${line ? `line ${line}: ` : ''}${err.message.split('\n')[0]}`) };
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      return { manifests, error: messages.yamlError(source, (e as Error).message) };
    }
    if (value === null || value === undefined) continue;
    if (depth(value, MAX_DEPTH) > MAX_DEPTH) return { manifests, error: `error: error parsing ${source}: the document is nested more than ${MAX_DEPTH} levels deep` };
    if (typeof value !== 'object' || Array.isArray(value)) {
      return { manifests, error: messages.yamlError(source, `cannot unmarshal ${Array.isArray(value) ? 'array' : typeof value} into Go value of type map[string]interface {}`) };
    }
    const obj = value as Record<string, unknown>;
    if (obj.kind === 'List' && Array.isArray(obj.items)) {
      for (const item of obj.items) if (item && typeof item === 'object') manifests.push({ source, object: item as Record<string, unknown> });
      continue;
    }
    manifests.push({ source, object: obj });
  }
  return { manifests };
}

/** kubectl's own checks before it sends anything: apiVersion and kind set, and a kind the server serves. */
export function checkManifest(m: Manifest): string | undefined {
  const { object, source } = m;
  if (typeof object.apiVersion !== 'string' || object.apiVersion === '') return messages.apiVersionNotSet(source);
  if (typeof object.kind !== 'string' || object.kind === '') return messages.kindNotSet(source);
  const meta = (object.metadata ?? {}) as Record<string, unknown>;
  const name = typeof meta.name === 'string' ? meta.name : '';
  const namespace = typeof meta.namespace === 'string' ? meta.namespace : '';
  const info = isKnownKind(object.kind) ? lookupResource(object.kind) : undefined;
  if (!info || apiVersionOf(info) !== object.apiVersion) {
    const slash = object.apiVersion.indexOf('/');
    return messages.noMatchForKind(name, namespace, source, object.kind, slash === -1 ? object.apiVersion : object.apiVersion);
  }
  return undefined;
}
