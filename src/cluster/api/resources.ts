import type { KindName } from './types';

/**
 * The API resources this cluster serves, as `kubectl api-resources` lists
 * them. One row a kind: everything that maps a kind to a resource name
 * (store keys, error texts such as `pods "x" not found`, kubectl's short
 * names) reads it from here.
 */
export interface ResourceInfo {
  kind: KindName;
  /** Lower-case plural, as in URLs and errors: `pods`, `endpointslices`. */
  plural: string;
  singular: string;
  shortNames: string[];
  /** API group; '' for the core group. */
  group: string;
  version: string;
  namespaced: boolean;
}

export const RESOURCES: readonly ResourceInfo[] = [
  { kind: 'ConfigMap', plural: 'configmaps', singular: 'configmap', shortNames: ['cm'], group: '', version: 'v1', namespaced: true },
  { kind: 'Endpoints', plural: 'endpoints', singular: 'endpoints', shortNames: ['ep'], group: '', version: 'v1', namespaced: true },
  { kind: 'Event', plural: 'events', singular: 'event', shortNames: ['ev'], group: '', version: 'v1', namespaced: true },
  { kind: 'Namespace', plural: 'namespaces', singular: 'namespace', shortNames: ['ns'], group: '', version: 'v1', namespaced: false },
  { kind: 'Node', plural: 'nodes', singular: 'node', shortNames: ['no'], group: '', version: 'v1', namespaced: false },
  { kind: 'Pod', plural: 'pods', singular: 'pod', shortNames: ['po'], group: '', version: 'v1', namespaced: true },
  { kind: 'Service', plural: 'services', singular: 'service', shortNames: ['svc'], group: '', version: 'v1', namespaced: true },
  { kind: 'DaemonSet', plural: 'daemonsets', singular: 'daemonset', shortNames: ['ds'], group: 'apps', version: 'v1', namespaced: true },
  { kind: 'Deployment', plural: 'deployments', singular: 'deployment', shortNames: ['deploy'], group: 'apps', version: 'v1', namespaced: true },
  { kind: 'ReplicaSet', plural: 'replicasets', singular: 'replicaset', shortNames: ['rs'], group: 'apps', version: 'v1', namespaced: true },
  { kind: 'EndpointSlice', plural: 'endpointslices', singular: 'endpointslice', shortNames: [], group: 'discovery.k8s.io', version: 'v1', namespaced: true },
  { kind: 'NetworkPolicy', plural: 'networkpolicies', singular: 'networkpolicy', shortNames: ['netpol'], group: 'networking.k8s.io', version: 'v1', namespaced: true },
];

const byKind = new Map(RESOURCES.map((r) => [r.kind, r]));

export function resourceForKind(kind: KindName): ResourceInfo {
  const info = byKind.get(kind);
  if (!info) throw new Error(`no resource for kind ${kind}`);
  return info;
}

export function isKnownKind(kind: string): kind is KindName {
  return byKind.has(kind as KindName);
}

/** `apps/v1` for grouped kinds, `v1` for the core group. */
export function apiVersionOf(info: ResourceInfo): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}

/** `pods`, `deployments.apps`: the resource as apiserver errors name it. */
export function qualifiedResource(info: ResourceInfo): string {
  return info.group ? `${info.plural}.${info.group}` : info.plural;
}

/** `service`, `deployment.apps`: the prefix of kubectl's `service/web created`. */
export function kindPrefix(info: ResourceInfo): string {
  const kind = info.kind.toLowerCase();
  return info.group ? `${kind}.${info.group}` : kind;
}

/**
 * Finds a resource the way kubectl resolves what a learner typed: plural,
 * singular, short name or kind, any case, optionally with `.group`.
 */
export function lookupResource(typed: string): ResourceInfo | undefined {
  const lower = typed.toLowerCase();
  const dot = lower.indexOf('.');
  const name = dot === -1 ? lower : lower.slice(0, dot);
  const group = dot === -1 ? undefined : lower.slice(dot + 1);
  return RESOURCES.find(
    (r) =>
      (group === undefined || r.group === group || `${r.version}.${r.group}` === group || (group === r.version && r.group === '')) &&
      (r.plural === name || r.singular === name || r.shortNames.includes(name) || r.kind.toLowerCase() === name),
  );
}
