import { isApiError } from '../../cluster/api/errors';
import type { ResourceInfo } from '../../cluster/api/resources';
import type { DeleteOptions } from '../../cluster/apiserver/api-server';
import type { KubectlEnv } from '../env';
import { apiError, clientError, combineErrors, type KubectlError } from '../errors';
import { message, type Message } from '../messages';
import type { DeleteCommand } from '../parse/command';
import { matchesLabelQuery } from '../parse/selector';
import { readManifestFiles } from './manifests';

/** kubectl delete waits for objects to go; the simulation gives up after this much virtual time. */
export const DELETE_WAIT_LIMIT_MS = 10 * 60 * 1000;

interface Target {
  info: ResourceInfo;
  namespace?: string;
  name: string;
  /** The file it came from, for `error when deleting "f.yaml"`. */
  source?: string;
}

/** What happened, in the order kubectl prints it: deletions on stdout, warnings on stderr. */
export type DeleteEvent = { type: 'deleted'; info: ResourceInfo; namespace?: string; name: string } | { type: 'warning'; message: Message };

export interface DeleteResult {
  command: DeleteCommand;
  /** Validation warnings kubectl prints before anything else (--force). */
  preface: Message[];
  events: DeleteEvent[];
  /** Nothing matched a selector or --all: `No resources found` on stdout. */
  nothingFound: boolean;
  error?: KubectlError;
}

/**
 * `kubectl delete`: by name, by -f, by -l or --all. Each object is deleted
 * and reported in turn; then, as with --wait=true, virtual time runs until
 * every deleted object is gone (pods take their grace period).
 */
export function executeDelete(command: DeleteCommand, env: KubectlEnv): DeleteResult {
  const result: DeleteResult = { command, preface: [], events: [], nothingFound: false };
  if (command.force && command.gracePeriod === 0) result.preface.push(message('forceDeleteWarning'));
  const namespace = command.namespace ?? env.namespace ?? 'default';
  const errors: KubectlError[] = [];
  let targets: Target[];
  if (command.targets) {
    targets = resolveTargets(command, env, namespace);
  } else {
    const read = readManifestFiles(env, command.filenames, { explicit: command.namespace, fallback: namespace });
    if (read.fatal) return { ...result, error: read.fatal };
    errors.push(...read.errors);
    targets = read.manifests.map((m) => ({ info: m.info, namespace: m.namespace, name: m.name, source: m.source }));
  }

  const options: DeleteOptions = { propagationPolicy: 'Background', dryRun: command.dryRun === 'server' };
  if (command.gracePeriod >= 0) options.gracePeriodSeconds = command.gracePeriod;
  let warnClusterScope = command.namespace !== undefined && !command.allNamespaces;
  const deleted: { target: Target; uid: string }[] = [];
  for (const t of targets) {
    if (warnClusterScope && !t.info.namespaced) {
      result.events.push({ type: 'warning', message: message('clusterScopeWarning') });
      warnClusterScope = false;
    }
    if (command.dryRun === 'client') {
      result.events.push({ type: 'deleted', info: t.info, namespace: t.namespace, name: t.name });
      continue;
    }
    try {
      const obj = env.cluster.api.delete(t.info.kind, t.namespace, t.name, options);
      env.cluster.settle();
      deleted.push({ target: t, uid: obj.metadata.uid });
      result.events.push({ type: 'deleted', info: t.info, namespace: t.namespace, name: t.name });
    } catch (e) {
      if (!isApiError(e)) throw e;
      if (e.reason === 'NotFound' && command.ignoreNotFound) continue;
      errors.push(apiError(e, t.source ? { verb: 'deleting', file: t.source } : undefined));
    }
  }
  const error = combineErrors(errors);
  if (error) return { ...result, error };
  // kubectl counts what it visited, whether or not an ignored NotFound followed.
  if (targets.length === 0) return { ...result, nothingFound: true };
  if (!command.wait || command.dryRun !== 'none') return result;
  const store = env.cluster.store;
  const gone = (d: { target: Target; uid: string }) => store.get(d.target.info.kind, d.target.namespace, d.target.name)?.metadata.uid !== d.uid;
  if (!env.cluster.advanceUntil(() => deleted.every(gone), DELETE_WAIT_LIMIT_MS)) {
    const stuck = deleted.find((d) => !gone(d))!;
    return { ...result, error: clientError(message('waitTimedOut', stuck.target.info.plural, stuck.target.name)) };
  }
  return result;
}

/** Named objects, or every object of the types that -l or --all selects. */
function resolveTargets(command: DeleteCommand, env: KubectlEnv, namespace: string): Target[] {
  const targets = command.targets!;
  const named = (info: ResourceInfo, name: string): Target => ({ info, namespace: info.namespaced ? namespace : undefined, name });
  if (targets.form === 'pairs') return targets.pairs.map(({ info, name }) => named(info, name));
  if (targets.names.length > 0) return targets.types.flatMap((info) => targets.names.map((name) => named(info, name)));
  const out: Target[] = [];
  for (const info of targets.types) {
    for (const obj of env.cluster.store.list(info.kind, info.namespaced && !command.allNamespaces ? namespace : undefined)) {
      if (command.selector && !matchesLabelQuery(command.selector, obj.metadata.labels)) continue;
      out.push({ info, namespace: obj.metadata.namespace, name: obj.metadata.name });
    }
  }
  return out;
}
