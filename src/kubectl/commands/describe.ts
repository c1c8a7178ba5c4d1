import { notFound } from '../../cluster/api/errors';
import type { ResourceInfo } from '../../cluster/api/resources';
import type { Deployment, EndpointSlice, Event, KubeObject, Pod, ReplicaSet } from '../../cluster/api/types';
import { EventRecorder } from '../../cluster/runtime/event-recorder';
import type { KubectlEnv } from '../env';
import { apiError, type KubectlError } from '../errors';
import { message, type Message } from '../messages';
import type { DescribeCommand } from '../parse/describe';
import { matchesLabelQuery } from '../parse/selector';
import { refusedList } from './list-errors';
import { readManifestFiles } from './manifests';

/** The objects a describer reads besides the one it describes. */
export interface Related {
  /** Pods the object controls (ReplicaSet), or that run on it (Node). */
  pods?: Pod[];
  /** A Service's EndpointSlices (label kubernetes.io/service-name). */
  endpointSlices?: EndpointSlice[];
  /** A Deployment's ReplicaSets: the one of its current template, and the others. */
  newReplicaSet?: ReplicaSet;
  oldReplicaSets?: ReplicaSet[];
}

export interface DescribedObject {
  info: ResourceInfo;
  object: KubeObject;
  /** The object's events (by UID), or undefined with --show-events=false. */
  events?: Event[];
  related: Related;
}

/** What `kubectl describe` found, as plain data for the printers. */
export interface DescribeResult {
  command: DescribeCommand;
  items: DescribedObject[];
  /** Items found by name prefix print with a blank line after each (DescribeMatchingResources). */
  byPrefix: boolean;
  namespace: string;
  warnings: Message[];
  error?: KubectlError;
  now: number;
}

const compareNames = (a: KubeObject, b: KubeObject) => {
  const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name}`;
  const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

function eventsFor(env: KubectlEnv, obj: KubeObject): Event[] {
  return env.cluster.events.list({ uid: obj.metadata.uid }).map((e) => EventRecorder.toObject(e));
}

/** pod-template-hash aside, does the ReplicaSet run the Deployment's current template? (FindNewReplicaSet) */
function sameTemplate(d: Deployment, rs: ReplicaSet): boolean {
  const strip = (t: ReplicaSet['spec']['template']) => {
    const labels = { ...(t.metadata?.labels ?? {}) };
    delete labels['pod-template-hash'];
    return stableJson({ ...t, metadata: { ...(t.metadata ?? {}), labels } });
  };
  return strip(d.spec.template) === strip(rs.spec.template);
}

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
    .join(',')}}`;
}

function relatedOf(env: KubectlEnv, info: ResourceInfo, obj: KubeObject): Related {
  const store = env.cluster.store;
  const ns = obj.metadata.namespace;
  const ownedBy = (o: KubeObject) => o.metadata.ownerReferences?.some((r) => r.controller && r.uid === obj.metadata.uid) ?? false;
  switch (info.kind) {
    case 'ReplicaSet':
    case 'DaemonSet':
      return { pods: store.list('Pod', ns).filter(ownedBy) };
    case 'Node': {
      // Non-terminated pods bound to the node, in every namespace.
      const pods = store.list('Pod').filter((p) => p.spec.nodeName === obj.metadata.name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
      return { pods };
    }
    case 'Service':
      return { endpointSlices: store.list('EndpointSlice', ns).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === obj.metadata.name) };
    case 'Deployment': {
      const d = obj as Deployment;
      const owned = store.list('ReplicaSet', ns).filter(ownedBy);
      // The oldest ReplicaSet with the current template is the new one, as deploymentutil picks it.
      const byAge = [...owned].sort((a, b) => Date.parse(a.metadata.creationTimestamp) - Date.parse(b.metadata.creationTimestamp));
      const newRS = byAge.find((rs) => sameTemplate(d, rs));
      return { ...(newRS ? { newReplicaSet: newRS } : {}), oldReplicaSets: owned.filter((rs) => rs !== newRS) };
    }
    default:
      return {};
  }
}

function list(env: KubectlEnv, info: ResourceInfo, namespace: string | undefined): KubeObject[] {
  if (info.kind !== 'Event') return env.cluster.store.list(info.kind, namespace);
  return env.cluster.events
    .list(namespace === undefined ? undefined : { namespace })
    .map((e) => EventRecorder.toObject(e))
    .sort(compareNames);
}

/**
 * `kubectl describe`: finds the objects as the resource builder does (by
 * name, `type/name`, every object of a type, `-l`), then, when exactly
 * `TYPE NAME` was given and the name is not found, every object whose name
 * starts with it. Gathers what each describer reads; never formats text.
 */
export function executeDescribe(command: DescribeCommand, env: KubectlEnv): DescribeResult {
  const namespace = command.namespace ?? env.namespace ?? 'default';
  const scope = (info: ResourceInfo) => (info.namespaced && !command.allNamespaces ? namespace : undefined);
  const found: { info: ResourceInfo; object: KubeObject }[] = [];
  const errors: KubectlError[] = [];
  let byPrefix = false;
  const targets = command.targets;
  const fetch = (info: ResourceInfo, name: string, ns = scope(info)) => {
    const obj = info.kind === 'Event' ? list(env, info, ns).find((o) => o.metadata.name === name) : env.cluster.store.get(info.kind, ns, name);
    if (obj) found.push({ info, object: obj });
    else errors.push(apiError(notFound(info, name)));
  };
  const fromFiles = command.filenames.length > 0 ? readManifestFiles(env, command.filenames, { fallback: namespace }) : undefined;
  if (fromFiles) {
    if (fromFiles.fatal) errors.push(fromFiles.fatal);
    else {
      errors.push(...fromFiles.errors);
      for (const m of fromFiles.manifests) fetch(m.info, m.name, m.namespace);
    }
  } else if (targets.form === 'pairs') {
    for (const { info, name } of targets.pairs) fetch(info, name);
  } else if (targets.names.length > 0) {
    for (const info of targets.types) for (const name of targets.names) fetch(info, name);
    if (command.prefixFallback && errors.length > 0 && targets.types.length === 1) {
      const info = targets.types[0]!;
      const prefix = targets.names[0]!;
      const matches = list(env, info, scope(info)).filter((o) => o.metadata.name.startsWith(prefix));
      if (matches.length > 0) {
        errors.length = 0;
        byPrefix = true;
        for (const object of matches) found.push({ info, object });
      }
    }
  } else {
    for (const info of targets.types) {
      if (command.selectorError !== undefined) {
        errors.push(apiError(refusedList(info, command.selectorText ?? '', '', command.selectorError)));
        continue;
      }
      let objects = list(env, info, scope(info));
      if (command.selector) objects = objects.filter((o) => matchesLabelQuery(command.selector!, o.metadata.labels));
      for (const object of objects) found.push({ info, object });
    }
  }
  const items = found.map(({ info, object }) => ({
    info,
    object,
    ...(command.showEvents ? { events: eventsFor(env, object) } : {}),
    related: relatedOf(env, info, object),
  }));
  const requested = fromFiles ? fromFiles.manifests.map((m) => m.info) : targets.form === 'pairs' ? targets.pairs.map((p) => p.info) : targets.types;
  const result: DescribeResult = {
    command,
    items,
    byPrefix,
    namespace,
    warnings: requested.some((i) => i.kind === 'Endpoints') ? [message('endpointsDeprecated')] : [],
    now: env.cluster.clock.now(),
  };
  if (errors.length > 0) result.error = { type: 'aggregate', errors };
  return result;
}
