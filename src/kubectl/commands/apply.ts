import { isApiError, type ApiError } from '../../cluster/api/errors';
import { kindPrefix, lookupResource } from '../../cluster/api/resources';
import { flag, type ParsedArgs } from '../args';
import type { KubectlEnv, Output } from '../context';
import { checkManifest, expandFilenames, readManifests } from '../manifests';
import { formatApiError, messages } from '../messages';
import { toJson, toYaml } from '../printers/output';

/**
 * `kubectl apply -f` (and `create -f`): every manifest of every file, in
 * order, each reported as `service/web created|configured|unchanged`; a
 * failure is reported and the rest still go, as kubectl does.
 */
export function runApply(args: ParsedArgs, env: KubectlEnv, out: Output, verb: 'apply' | 'create'): void {
  const filenames = args.flags.get('filename') ?? [];
  if (filenames.length === 0) return out.err(`${messages.needFilename()}\n`);
  const dryRun = flag(args, 'dry-run');
  if (dryRun !== undefined && !['none', 'client', 'server'].includes(dryRun)) {
    return out.err(`error: Invalid dry-run value (${dryRun}). Must be "none", "server", or "client".\n`);
  }
  const output = flag(args, 'output');
  const { files, error } = expandFilenames(env, filenames);
  if (error) return out.err(`${error}\n`);
  const namespaceFlag = flag(args, 'namespace');
  const printed = [];
  // Server errors are printed after the objects that went through, as kubectl aggregates them.
  const failures: { error: ApiError; source: { verb: string; file: string } }[] = [];
  for (const file of files) {
    const { manifests, error: readError } = readManifests(env.readFile(file) ?? '', file);
    for (const m of manifests) {
      const problem = checkManifest(m);
      if (problem) {
        out.err(`${problem}\n`);
        continue;
      }
      const meta = (m.object.metadata ?? {}) as Record<string, unknown>;
      const info = lookupResource(String(m.object.kind))!;
      if (namespaceFlag && info.namespaced) {
        if (meta.namespace && meta.namespace !== namespaceFlag) {
          out.err(`error: the namespace from the provided object "${String(meta.namespace)}" does not match the namespace "${namespaceFlag}". You must pass '--namespace=${String(meta.namespace)}' to perform this operation.\n`);
          continue;
        }
        m.object = { ...m.object, metadata: { ...meta, namespace: namespaceFlag } };
      } else if (info.namespaced && !meta.namespace && env.namespace) {
        m.object = { ...m.object, metadata: { ...meta, namespace: env.namespace } };
      }
      try {
        const api = env.cluster.api;
        const opts = { dryRun: dryRun === 'server' || dryRun === 'client' };
        let result: string;
        let object;
        if (verb === 'create') {
          object = api.create(m.object, opts);
          result = 'created';
        } else {
          ({ result, object } = api.apply(m.object, opts));
        }
        env.cluster.settle();
        if (output === 'yaml' || output === 'json') printed.push(object);
        else out.out(`${kindPrefix(info)}/${object.metadata.name} ${result}${dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : ''}\n`);
      } catch (e) {
        if (!isApiError(e)) throw e;
        const exists = verb === 'apply' && env.cluster.store.get(info.kind, info.namespaced ? String(meta.namespace ?? 'default') : undefined, String(meta.name ?? ''));
        failures.push({ error: e, source: { verb: exists ? 'patching' : 'creating', file } });
      }
    }
    if (readError) out.err(`${readError}\n`);
  }
  for (const f of failures) out.err(`${formatApiError(f.error, f.source, failures.length > 1)}\n`);
  if (printed.length > 0) out.out(output === 'yaml' ? toYaml(printed, printed.length === 1) : toJson(printed, printed.length === 1));
}
