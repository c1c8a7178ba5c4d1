import { lookupResource, type ResourceInfo } from '../../cluster/api/resources';
import { message, type Message } from '../messages';

/**
 * What the resource arguments of get/delete name, in resource.Builder's
 * forms: `pods`, `pods web db`, `deploy,svc`, `all`, or `pod/web svc/db`.
 */
export type Targets =
  | { form: 'types'; types: ResourceInfo[]; names: string[] }
  | { form: 'pairs'; pairs: { info: ResourceInfo; name: string }[] };

export type TargetsResult = { ok: true; targets: Targets } | { ok: false; error: Message };

/** The `all` category as this cluster serves it, in the order `kubectl get all` prints it. */
export const ALL_CATEGORY = ['pods', 'services', 'daemonsets', 'deployments', 'replicasets'] as const;

function resolve(typed: string): ResourceInfo[] | Message {
  if (typed.toLowerCase() === 'all') return ALL_CATEGORY.map((r) => lookupResource(r)!);
  const info = lookupResource(typed);
  return info ? [info] : message('unknownResourceType', typed);
}

export function parseTargets(args: readonly string[]): TargetsResult {
  const withSlash = args.filter((a) => a.includes('/')).length;
  if (withSlash > 0 && withSlash !== args.length) return { ok: false, error: message('mixedResourceArgs') };
  if (withSlash > 0) {
    const pairs: { info: ResourceInfo; name: string }[] = [];
    for (const arg of args) {
      const slash = arg.indexOf('/');
      const type = arg.slice(0, slash);
      const name = arg.slice(slash + 1);
      if (type === '' || name === '' || name.includes('/')) return { ok: false, error: message('badResourceNameArg') };
      const info = lookupResource(type);
      if (!info) return { ok: false, error: message('unknownResourceType', type) };
      pairs.push({ info, name });
    }
    return { ok: true, targets: { form: 'pairs', pairs } };
  }
  const [typeArg, ...names] = args;
  const types: ResourceInfo[] = [];
  for (const typed of (typeArg ?? '').split(',')) {
    if (typed === '') continue;
    const found = resolve(typed);
    if (!Array.isArray(found)) return { ok: false, error: found };
    types.push(...found);
  }
  return { ok: true, targets: { form: 'types', types, names } };
}
