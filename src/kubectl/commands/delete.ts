import { isApiError, notFound } from '../../cluster/api/errors';
import { kindPrefix, lookupResource, type ResourceInfo } from '../../cluster/api/resources';
import type { KubeObject } from '../../cluster/api/types';
import { boolFlag, flag, type ParsedArgs } from '../args';
import type { KubectlEnv, Output } from '../context';
import { checkManifest, expandFilenames, readManifests } from '../manifests';
import { formatApiError, messages } from '../messages';
import { matchesLabelQuery, parseLabelQuery } from '../selector';

/** How long kubectl delete waits for an object to go (its --timeout default is effectively unbounded; pods take at most their grace period). */
const WAIT_LIMIT_MS = 10 * 60 * 1000;

/**
 * `kubectl delete`: by name, `-f`, `-l` or `--all`. v1.34 prints
 * `pod "web" deleted from default namespace`, and waits (in virtual time)
 * until the objects are gone, as `--wait=true` does.
 */
export function runDelete(args: ParsedArgs, env: KubectlEnv, out: Output): void {
  const namespace = flag(args, 'namespace') ?? env.namespace ?? 'default';
  const targets: { info: ResourceInfo; namespace?: string; name: string }[] = [];
  const filenames = args.flags.get('filename') ?? [];
  if (filenames.length > 0) {
    const { files, error } = expandFilenames(env, filenames);
    if (error) return out.err(`${error}\n`);
    for (const file of files) {
      const { manifests, error: readError } = readManifests(env.readFile(file) ?? '', file);
      if (readError) return out.err(`${readError}\n`);
      for (const m of manifests) {
        const problem = checkManifest(m);
        if (problem) return out.err(`${problem}\n`);
        const meta = (m.object.metadata ?? {}) as Record<string, unknown>;
        const info = lookupResource(String(m.object.kind))!;
        targets.push({ info, namespace: info.namespaced ? String(meta.namespace ?? namespace) : undefined, name: String(meta.name ?? '') });
      }
    }
  } else {
    const positional = args.positional;
    if (positional.length === 0) return out.err(`error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n`);
    const pairs: [string, string | undefined][] = positional[0]!.includes('/')
      ? positional.map((p) => p.split('/', 2) as [string, string])
      : positional.length > 1
        ? positional.slice(1).map((n) => [positional[0]!, n])
        : [[positional[0]!, undefined]];
    const selectorText = flag(args, 'selector');
    const selector = selectorText !== undefined ? parseLabelQuery(selectorText) : undefined;
    if (selector instanceof Error) return out.err(`error: ${selector.message}\n`);
    for (const [type, name] of pairs) {
      for (const t of type.split(',')) {
        const info = lookupResource(t);
        if (!info) return out.err(`${messages.unknownResourceType(t)}\n`);
        const ns = info.namespaced ? namespace : undefined;
        if (name !== undefined) {
          targets.push({ info, namespace: ns, name });
        } else if (selector || boolFlag(args, 'all')) {
          for (const o of env.cluster.store.list(info.kind, ns)) {
            if (!selector || matchesLabelQuery(selector, o.metadata.labels)) targets.push({ info, namespace: ns, name: o.metadata.name });
          }
        } else {
          return out.err(`${messages.deleteNeedsTarget()}\n`);
        }
      }
    }
    if (targets.length === 0) {
      out.out('No resources found\n');
      return;
    }
  }

  const grace = flag(args, 'grace-period');
  const now = boolFlag(args, 'now');
  const force = boolFlag(args, 'force');
  const wait = flag(args, 'wait') !== 'false';
  let gracePeriodSeconds = grace !== undefined ? Number(grace) : now ? 1 : undefined;
  if (gracePeriodSeconds !== undefined && (!Number.isInteger(gracePeriodSeconds) || gracePeriodSeconds < -1)) {
    return out.err(`error: invalid argument "${grace}" for "--grace-period" flag: strconv.ParseInt: parsing "${grace}": invalid syntax\n`);
  }
  if (gracePeriodSeconds === 0 && !force) gracePeriodSeconds = 1;
  if (gracePeriodSeconds === -1) gracePeriodSeconds = undefined;
  if (force) out.note('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');

  const deleted: { info: ResourceInfo; namespace?: string; name: string; uid: string }[] = [];
  for (const t of targets) {
    try {
      const obj: KubeObject = env.cluster.api.delete(t.info.kind, t.namespace, t.name, { gracePeriodSeconds: force ? 0 : gracePeriodSeconds });
      env.cluster.settle();
      deleted.push({ ...t, uid: obj.metadata.uid });
      const where = t.namespace ? ` from ${t.namespace} namespace` : '';
      out.out(`${kindPrefix(t.info)} "${t.name}" ${force ? 'force deleted' : 'deleted'}${where}\n`);
    } catch (e) {
      if (!isApiError(e)) throw e;
      out.err(`${formatApiError(e)}\n`);
    }
  }
  if (wait) {
    const gone = () => deleted.every((d) => env.cluster.store.get(d.info.kind, d.namespace, d.name)?.metadata.uid !== d.uid);
    env.cluster.advanceUntil(gone, WAIT_LIMIT_MS);
  }
}

export { notFound };
