import { parseAllDocuments } from 'yaml';
import { apiVersionOf, isKnownKind, lookupResource, type ResourceInfo } from '../../cluster/api/resources';
import type { KubectlEnv } from '../env';
import { clientError, type KubectlError } from '../errors';
import { message } from '../messages';

/** The largest manifest file read (the apiserver refuses request bodies over 3 MiB; we stop at 1 MiB). */
export const MAX_MANIFEST_BYTES = 1024 * 1024;
const MAX_DEPTH = 100;

/** One object from a file, with the resource it maps to and the namespace kubectl resolved for it. */
export interface Manifest {
  source: string;
  object: Record<string, unknown>;
  info: ResourceInfo;
  name: string;
  /** Set for namespaced kinds: the manifest's, the -n flag's, or the context's. */
  namespace?: string;
}

/**
 * What `-f` names, read as kubectl's resource builder reads it: each file,
 * or a folder's .json/.yaml/.yml files in name order; a missing path stops
 * everything (`fatal`); problems in a file are collected as the builder
 * collects them with ContinueOnError (`errors`), and the rest still go.
 */
export interface ManifestSet {
  manifests: Manifest[];
  errors: KubectlError[];
  fatal?: KubectlError;
}

export interface NamespaceChoice {
  /** -n as given; it must agree with the manifests' own namespaces. */
  explicit?: string;
  /** The namespace used when neither the manifest nor -n has one. */
  fallback: string;
}

export function readManifestFiles(env: KubectlEnv, paths: readonly string[], ns: NamespaceChoice): ManifestSet {
  const files: string[] = [];
  for (const path of paths) {
    // `-f -`: what the shell piped in, named STDIN in kubectl's messages.
    if (path === '-') {
      files.push(path);
      continue;
    }
    // kubectl fetches a URL; this simulated cluster has no network outside it, and says so.
    if (/^https?:\/\//.test(path)) return { manifests: [], errors: [], fatal: clientError(message('urlManifest', path)) };
    // An empty path names no file (os.Stat fails), though the shell would read it as the current folder.
    if (path === '') return { manifests: [], errors: [], fatal: clientError(message('pathMissing', path)) };
    const entries = env.listDir(path);
    if (entries) {
      const dir = path.replace(/\/+$/, '');
      for (const entry of [...entries].sort()) if (/\.(json|ya?ml)$/.test(entry)) files.push(`${dir}/${entry}`);
      continue;
    }
    if (env.readFile(path) === undefined) return { manifests: [], errors: [], fatal: clientError(message('pathMissing', path)) };
    files.push(path);
  }
  const set: ManifestSet = { manifests: [], errors: [] };
  for (const file of files) readFile(file === '-' ? (env.stdin ?? '') : (env.readFile(file) ?? ''), file === '-' ? 'STDIN' : file, ns, set);
  return set;
}

/**
 * The builder's singleItemImplied for -f: one path that is neither a
 * folder nor stdin, so one object found prints bare rather than as a List.
 */
export function singleFilePath(env: KubectlEnv, paths: readonly string[]): boolean {
  return paths.length === 1 && paths[0] !== '-' && env.listDir(paths[0]!) === undefined;
}

function depthExceeds(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (d > limit) return true;
    if (v && typeof v === 'object') for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return false;
}

/** One file: its YAML documents (or JSON), `kind: List` flattened, empty documents skipped. */
function readFile(text: string, source: string, ns: NamespaceChoice, set: ManifestSet): void {
  const stop = (detail: string): void => {
    set.errors.push(clientError(message('yamlToJson', source, detail)));
  };
  if (text.length > MAX_MANIFEST_BYTES) {
    set.errors.push(clientError(message('fileTooLarge', source, '1 MiB')));
    return;
  }
  let docs;
  try {
    docs = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false });
  } catch (e) {
    return stop((e as Error).message);
  }
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    if (doc.errors.length > 0) {
      const first = doc.errors[0]!;
      const line = first.linePos?.[0]?.line;
      return stop(`${line ? `line ${line}: ` : ''}${first.message.split('\n')[0]}`);
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      return stop((e as Error).message);
    }
    if (value === null || value === undefined) continue;
    if (depthExceeds(value, MAX_DEPTH)) {
      set.errors.push(clientError(message('nestedTooDeep', source, MAX_DEPTH)));
      return;
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
      return stop(`cannot unmarshal ${Array.isArray(value) ? 'array' : typeof value} into Go value of type map[string]interface {}`);
    }
    const obj = value as Record<string, unknown>;
    const items = obj.kind === 'List' && Array.isArray(obj.items) ? obj.items : [obj];
    for (const item of items) {
      if (!item || typeof item !== 'object' || Array.isArray(item)) continue;
      // A manifest without apiVersion or kind stops its file, as the schema check does.
      if (!addManifest(item as Record<string, unknown>, source, ns, set)) return;
    }
  }
}

function addManifest(object: Record<string, unknown>, source: string, ns: NamespaceChoice, set: ManifestSet): boolean {
  const problems: string[] = [];
  const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : '';
  const kind = typeof object.kind === 'string' ? object.kind : '';
  if (apiVersion === '') problems.push('apiVersion not set');
  if (kind === '') problems.push('kind not set');
  if (problems.length > 0) {
    set.errors.push(clientError(message('validationFailed', source, problems)));
    return false;
  }
  const meta = object.metadata && typeof object.metadata === 'object' ? (object.metadata as Record<string, unknown>) : {};
  const name = typeof meta.name === 'string' ? meta.name : '';
  const own = typeof meta.namespace === 'string' ? meta.namespace : '';
  const info = isKnownKind(kind) ? lookupResource(kind) : undefined;
  if (!info || apiVersionOf(info) !== apiVersion) {
    set.errors.push(clientError(message('noMatchForKind', name, own, source, kind, apiVersion)));
    return true;
  }
  if (!info.namespaced) {
    set.manifests.push({ source, object, info, name });
    return true;
  }
  if (ns.explicit && own && own !== ns.explicit) {
    set.errors.push(clientError(message('namespaceMismatch', own, ns.explicit)));
    return true;
  }
  const namespace = own || ns.explicit || ns.fallback;
  // kubectl sends the object with the namespace it resolved.
  const withNamespace = own ? object : { ...object, metadata: { ...meta, namespace } };
  set.manifests.push({ source, object: withNamespace, info, name, namespace });
  return true;
}
