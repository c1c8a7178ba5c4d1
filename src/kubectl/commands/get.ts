import { notFound } from '../../cluster/api/errors';
import type { ResourceInfo } from '../../cluster/api/resources';
import type { KubeObject } from '../../cluster/api/types';
import { EventRecorder } from '../../cluster/runtime/event-recorder';
import type { KubectlEnv } from '../env';
import { apiError, type KubectlError } from '../errors';
import { message, type Message } from '../messages';
import type { GetCommand } from '../parse/command';
import { matchesLabelQuery } from '../parse/selector';

/** Objects of one resource, printed under one header. */
export interface GetGroup {
  info: ResourceInfo;
  objects: KubeObject[];
}

/** What `kubectl get` found, as plain data for the printers. */
export interface GetResult {
  command: GetCommand;
  /** Runs of one resource in request order: a new header starts where the resource changes. */
  groups: GetGroup[];
  /** kubectl prefixes names with the kind (`service/web`) when the answer mixes resources. */
  withKind: boolean;
  /** A single object asked for by name: -o yaml prints it bare rather than in a List. */
  singleItem: boolean;
  /** Whether every resource asked for is namespaced (for the wording of "No resources found"). */
  allNamespaced: boolean;
  namespace: string;
  warnings: Message[];
  error?: KubectlError;
  /** The cluster's time, for AGE columns. */
  now: number;
}

interface Answer {
  info: ResourceInfo;
  objects: KubeObject[];
}

export function executeGet(command: GetCommand, env: KubectlEnv): GetResult {
  const namespace = command.namespace ?? env.namespace ?? 'default';
  const scope = (info: ResourceInfo) => (info.namespaced && !command.allNamespaces ? namespace : undefined);
  // One answer per list request (even an empty one) and per object found by name, as the builder's infos are.
  const answers: Answer[] = [];
  const missing: KubectlError[] = [];
  const fetch = (info: ResourceInfo, name: string) => {
    const obj = lookup(env, info, scope(info), name);
    if (obj) answers.push({ info, objects: [obj] });
    else if (!command.ignoreNotFound) missing.push(apiError(notFound(info, name)));
  };
  const targets = command.targets;
  if (targets.form === 'pairs') {
    for (const { info, name } of targets.pairs) fetch(info, name);
  } else if (targets.names.length > 0) {
    for (const info of targets.types) for (const name of targets.names) fetch(info, name);
  } else {
    for (const info of targets.types) {
      let objects = list(env, info, scope(info));
      if (command.selector) objects = objects.filter((o) => matchesLabelQuery(command.selector!, o.metadata.labels));
      answers.push({ info, objects });
    }
  }

  const groups: GetGroup[] = [];
  for (const a of answers) {
    const last = groups.at(-1);
    if (last && last.info === a.info) last.objects.push(...a.objects);
    else groups.push({ info: a.info, objects: [...a.objects] });
  }
  const requested = targets.form === 'pairs' ? targets.pairs.map((p) => p.info) : targets.types;
  const result: GetResult = {
    command,
    groups,
    withKind: new Set(answers.map((a) => a.info.kind)).size > 1,
    singleItem: targets.form === 'pairs' ? targets.pairs.length === 1 : targets.names.length === 1 && targets.types.length === 1,
    allNamespaced: !command.allNamespaces && requested.every((i) => i.namespaced),
    namespace,
    // The apiserver warns on every v1 Endpoints request (v1.33+).
    warnings: requested.some((i) => i.kind === 'Endpoints') ? [message('endpointsDeprecated')] : [],
    now: env.cluster.clock.now(),
  };
  if (missing.length > 0) result.error = { type: 'aggregate', errors: missing };
  return result;
}

function lookup(env: KubectlEnv, info: ResourceInfo, namespace: string | undefined, name: string): KubeObject | undefined {
  if (info.kind === 'Event') return list(env, info, namespace).find((e) => e.metadata.name === name);
  return env.cluster.store.get(info.kind, namespace, name);
}

function list(env: KubectlEnv, info: ResourceInfo, namespace: string | undefined): KubeObject[] {
  if (info.kind !== 'Event') return env.cluster.store.list(info.kind, namespace);
  // Events live beside the store; they list in etcd key order, namespace then name.
  const key = (o: KubeObject) => `${o.metadata.namespace}/${o.metadata.name}`;
  return env.cluster.events
    .list(namespace === undefined ? undefined : { namespace })
    .map((e) => EventRecorder.toObject(e))
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
