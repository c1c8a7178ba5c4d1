import { resourceForKind, type ResourceInfo } from '../../cluster/api/resources';
import type { KindName, KubeObject } from '../../cluster/api/types';
import { apiError, clientError, type KubectlError } from '../errors';
import { message } from '../messages';
import { parseLabelQuery, matchesLabelQuery } from '../parse/selector';
import { parseTargets } from '../parse/targets';
import { notFound } from '../../cluster/api/errors';
import { readManifestFiles } from '../commands/manifests';
import type { VerbContext } from './common';

export interface Found {
  info: ResourceInfo;
  object: KubeObject;
}

/**
 * The objects resource arguments name, as resource.Builder visits them:
 * `TYPE NAME...`, `TYPE/NAME...`, or `TYPE` with -l / --all. NotFound is
 * returned as the apiserver words it; kubectl stops at the first.
 */
export function resolveObjects(ctx: VerbContext, args: string[], opts: { selector?: string; all?: boolean } = {}): { ok: true; found: Found[] } | { ok: false; error: KubectlError } {
  if (args.length === 0) return { ok: false, error: clientError(message('missingResource')) };
  const parsed = parseTargets(args);
  if (!parsed.ok) return { ok: false, error: clientError(parsed.error) };
  const t = parsed.targets;
  const store = ctx.env.cluster.store;
  const get = (info: ResourceInfo, name: string): Found | KubectlError => {
    const object = store.get(info.kind, info.namespaced ? ctx.namespace : undefined, name);
    return object ? { info, object } : apiError(notFound(info, name));
  };
  const found: Found[] = [];
  const named = t.form === 'pairs' ? t.pairs : t.names.flatMap((name) => t.types.map((info) => ({ info, name })));
  if (named.length > 0) {
    if (opts.selector !== undefined) return { ok: false, error: clientError(message('nameWithSelector')) };
    for (const { info, name } of named) {
      const f = get(info, name);
      if ('type' in f) return { ok: false, error: f };
      found.push(f);
    }
    return { ok: true, found };
  }
  if (t.form !== 'types') return { ok: true, found };
  if (opts.selector === undefined && !opts.all) return { ok: false, error: clientError(message('noNameSpecified')) };
  const query = opts.selector !== undefined ? parseLabelQuery(opts.selector) : undefined;
  if (query && !query.ok) return { ok: false, error: clientError(message('selectorParse', query.detail)) };
  for (const info of t.types) {
    for (const object of store.list(info.kind, info.namespaced ? ctx.namespace : undefined)) {
      if (query?.ok && !matchesLabelQuery(query.requirements, object.metadata.labels)) continue;
      found.push({ info, object });
    }
  }
  return { ok: true, found };
}

/**
 * The live objects that `-f` files name (the builder's path visitor with
 * Latest): each manifest's kind, namespace and name looked up in the
 * cluster. Resource arguments beside -f are refused, as the builder does.
 */
export function resolveFiles(ctx: VerbContext, paths: readonly string[], args: readonly string[]): { ok: true; found: Found[] } | { ok: false; error: KubectlError } {
  if (args.length > 0) return { ok: false, error: clientError(message('pathsWithResources')) };
  const read = readManifestFiles(ctx.env, paths, { fallback: ctx.namespace });
  const first = read.fatal ?? read.errors[0];
  if (first) return { ok: false, error: first };
  const found: Found[] = [];
  for (const m of read.manifests) {
    const object = ctx.env.cluster.store.get(m.info.kind, m.namespace, m.name);
    if (!object) return { ok: false, error: apiError(notFound(m.info, m.name)) };
    found.push({ info: m.info, object });
  }
  return { ok: true, found };
}

export function infoOf(obj: KubeObject): ResourceInfo {
  return resourceForKind(obj.kind as KindName);
}
