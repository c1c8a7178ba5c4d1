import { ApiError, notFound } from '../../cluster/api/errors';
import type { ResourceInfo } from '../../cluster/api/resources';
import type { KubeObject } from '../../cluster/api/types';
import { EventRecorder } from '../../cluster/runtime/event-recorder';
import type { KubectlEnv } from '../env';
import { apiError, clientError, type KubectlError } from '../errors';
import { message, renderMessage, type Message } from '../messages';
import type { GetCommand } from '../parse/command';
import { matchesFieldSelector, unsupportedField } from '../parse/field-selector';
import { matchesLabelQuery } from '../parse/selector';
import { refusedList } from './list-errors';
import { readManifestFiles, singleFilePath } from './manifests';
import { hasScale, scaleOf } from './scale-subresource';
import { sortObjects } from './sort';

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
  const fetch = (info: ResourceInfo, name: string, ns = scope(info)) => {
    const obj = lookup(env, info, ns, name);
    if (obj && command.filenames.length > 0 && command.selector && !matchesLabelQuery(command.selector, obj.metadata.labels)) return;
    if (obj) answers.push({ info, objects: [obj] });
    else if (!command.ignoreNotFound) missing.push(apiError(notFound(info, name)));
  };
  const targets = command.targets;
  // The builder's own refusals, before any request: nothing is printed but the error.
  const refused = (error: KubectlError): GetResult => ({ command, groups: [], withKind: false, singleItem: false, allNamespaced: true, namespace, warnings: [], error, now: env.cluster.clock.now() });
  // It serves a subresource only of objects named one by one (visitBySelector refuses it).
  if (command.subresource && command.filenames.length === 0 && targets.form === 'types' && targets.names.length === 0) return refused(clientError(message('subresourceBulk')));
  const fromFiles = command.filenames.length > 0 ? readManifestFiles(env, command.filenames, { fallback: namespace }) : undefined;
  if (fromFiles) {
    // The builder visits each file's objects and fetches the live one (Latest), in the manifests' namespaces.
    if (fromFiles.fatal) return refused(fromFiles.fatal);
    missing.push(...fromFiles.errors);
    for (const m of fromFiles.manifests) fetch(m.info, m.name, m.namespace);
  } else if (targets.form === 'pairs') {
    for (const { info, name } of targets.pairs) fetch(info, name);
  } else if (targets.names.length > 0) {
    for (const info of targets.types) for (const name of targets.names) fetch(info, name);
  } else {
    for (const info of targets.types) {
      const refused = refusedSelector(command, info);
      if (refused) {
        missing.push(apiError(refused));
        continue;
      }
      let objects = list(env, info, scope(info));
      if (command.selector) objects = objects.filter((o) => matchesLabelQuery(command.selector!, o.metadata.labels));
      if (command.fieldSelector) objects = objects.filter((o) => matchesFieldSelector(info, command.fieldSelector!, o));
      answers.push({ info, objects });
    }
  }

  if (command.subresource === 'scale') scaleAnswers(answers, missing);
  let groups: GetGroup[] = [];
  for (const a of answers) {
    const last = groups.at(-1);
    if (last && last.info === a.info) last.objects.push(...a.objects);
    else groups.push({ info: a.info, objects: [...a.objects] });
  }
  let sortError: KubectlError | undefined;
  if (command.sortBy) {
    const sorted = sortGroups(groups, command);
    if ('error' in sorted) {
      sortError = sorted.error;
      groups = [];
    } else groups = sorted.groups;
  }
  const requested = fromFiles ? fromFiles.manifests.map((m) => m.info) : targets.form === 'pairs' ? targets.pairs.map((p) => p.info) : targets.types;
  const result: GetResult = {
    command,
    groups,
    withKind: new Set(answers.map((a) => a.info.kind)).size > 1,
    singleItem: fromFiles ? singleFilePath(env, command.filenames) && answers.length === 1 : targets.form === 'pairs' ? targets.pairs.length === 1 : targets.names.length === 1 && targets.types.length === 1,
    allNamespaced: !command.allNamespaces && requested.every((i) => i.namespaced),
    namespace,
    // The apiserver warns on every v1 Endpoints request (v1.33+).
    warnings: requested.some((i) => i.kind === 'Endpoints') ? [message('endpointsDeprecated')] : [],
    now: env.cluster.clock.now(),
  };
  if (missing.length > 0) result.error = { type: 'aggregate', errors: missing };
  // watch.go: one resource type only.
  if (command.watch && new Set(answers.map((a) => a.info.kind)).size > 1) {
    result.groups = [];
    result.error = clientError(message('watchOneType'));
  }
  // A sort that fails ends the command before anything prints.
  if (sortError) result.error = sortError;
  return result;
}

/** --subresource=scale: each workload's Scale in its place; a kind without /scale is a path the apiserver does not have. */
function scaleAnswers(answers: Answer[], missing: KubectlError[]): void {
  const scaled: Answer[] = [];
  const noPath: KubectlError[] = [];
  for (const a of answers) {
    const obj = a.objects[0]!;
    if (hasScale(obj)) scaled.push({ ...a, objects: [scaleOf(obj)] });
    else noPath.push(apiError(new ApiError('NotFound', 404, renderMessage(message('noSuchPath')))));
  }
  answers.splice(0, answers.length, ...scaled);
  missing.unshift(...noPath);
}

/**
 * The apiserver refuses a list whose label or field selector it cannot
 * parse, or that selects by a field the kind does not offer; kubectl's
 * EnhanceListError says which request and selectors it was.
 */
function refusedSelector(command: GetCommand, info: ResourceInfo): ApiError | undefined {
  let detail = command.selectorError ?? command.fieldSelectorError;
  if (detail === undefined && command.fieldSelector) {
    const field = unsupportedField(info, command.fieldSelector);
    if (field !== undefined) detail = `field label not supported: ${field}`;
  }
  if (detail === undefined) return undefined;
  return refusedList(info, command.selectorText ?? '', command.fieldSelectorText ?? '', detail);
}

/**
 * --sort-by: tables sort the rows of each resource's table on their own;
 * the other formats sort the one list of every object.
 */
function sortGroups(groups: GetGroup[], command: GetCommand): { groups: GetGroup[] } | { error: KubectlError } {
  const human = command.output === '' || command.output === 'wide';
  if (human) {
    const out: GetGroup[] = [];
    for (const g of groups) {
      const sorted = sortObjects(g.objects, command.sortBy!, 'table');
      if (!sorted.ok) return { error: clientError(sorted.error) };
      out.push({ info: g.info, objects: sorted.objects });
    }
    return { groups: out };
  }
  const all = groups.flatMap((g) => g.objects.map((o) => ({ info: g.info, o })));
  const sorted = sortObjects(all.map((x) => x.o), command.sortBy!, 'list');
  if (!sorted.ok) return { error: clientError(sorted.error) };
  const infoOf = new Map(all.map((x) => [x.o, x.info]));
  const out: GetGroup[] = [];
  for (const o of sorted.objects) {
    const info = infoOf.get(o)!;
    const last = out.at(-1);
    if (last && last.info === info) last.objects.push(o);
    else out.push({ info, objects: [o] });
  }
  return { groups: out };
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
