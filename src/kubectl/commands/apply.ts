import { isApiError } from '../../cluster/api/errors';
import { qualifiedResource, type ResourceInfo } from '../../cluster/api/resources';
import { LAST_APPLIED } from '../../cluster/apiserver/api-server';
import type { KubeObject } from '../../cluster/api/types';
import type { KubectlEnv } from '../env';
import { apiError, clientError, combineErrors, type KubectlError } from '../errors';
import { message, type Message } from '../messages';
import type { WriteCommand } from '../parse/command';
import { readManifestFiles } from './manifests';

/** One object written, in the order kubectl wrote it. */
export interface Written {
  type: 'written';
  info: ResourceInfo;
  object: KubeObject;
  operation: 'created' | 'configured' | 'unchanged';
}

/** What happened, in order: objects written (stdout) and warnings (stderr) between them. */
export type WriteEvent = Written | { type: 'warning'; message: Message };

export interface WriteResult {
  command: WriteCommand;
  events: WriteEvent[];
  error?: KubectlError;
}

/**
 * `kubectl apply -f` and `kubectl create -f`: every object of every file,
 * in order. Problems reading the files and failed writes do not stop the
 * rest; they are returned together, as kubectl reports them at the end.
 */
export function executeWrite(command: WriteCommand, env: KubectlEnv): WriteResult {
  const result: WriteResult = { command, events: [] };
  const read = readManifestFiles(env, command.filenames, { explicit: command.namespace, fallback: env.namespace ?? 'default' });
  if (read.fatal) return { ...result, error: read.fatal };
  // apply gathers the builder's errors as one aggregate before writing; create visits and reports them flat.
  const errors: KubectlError[] =
    read.errors.length === 0 ? [] : command.verb === 'apply' ? [{ type: 'aggregate', errors: read.errors }] : [...read.errors];
  if (read.manifests.length === 0 && errors.length === 0) return { ...result, error: clientError(message('noObjectsPassedTo', command.verb)) };
  const api = env.cluster.api;
  const dryRun = command.dryRun !== 'none';
  for (const m of read.manifests) {
    const live = m.name !== '' ? env.cluster.store.get(m.info.kind, m.namespace, m.name) : undefined;
    const exists = live !== undefined;
    if (command.verb === 'apply' && live && live.metadata.annotations?.[LAST_APPLIED] === undefined) {
      result.events.push({ type: 'warning', message: message('missingLastApplied', `${qualifiedResource(m.info)}/${m.name}`) });
    }
    try {
      if (command.verb === 'create') {
        result.events.push({ type: 'written', info: m.info, object: api.create(m.object, { dryRun }), operation: 'created' });
      } else {
        const { result: operation, object } = api.apply(m.object, { dryRun });
        result.events.push({ type: 'written', info: m.info, object, operation });
      }
      // Controllers react at the same instant, before the next object is written.
      env.cluster.settle();
    } catch (e) {
      if (!isApiError(e)) throw e;
      errors.push(apiError(e, { verb: exists && command.verb === 'apply' ? 'patching' : 'creating', file: m.source }));
    }
  }
  const error = combineErrors(errors);
  return error ? { ...result, error } : result;
}
