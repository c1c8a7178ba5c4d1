import type { Cluster } from '../cluster/cluster';
import type { Deployment, Labels, Node, Pod, ReplicaSet } from '../cluster/api/types';
import { isPodReady } from '../cluster/controllers/pod-util';
import { cidrContains } from '../cluster/ipam/ipv4';

/** Read-only questions graders ask of a cluster, so graders stay short and read like the lesson. */

export function deployment(cluster: Cluster, namespace: string, name: string): Deployment | undefined {
  return cluster.store.get('Deployment', namespace, name);
}

/** Pods whose labels include every pair of `labels`, not being deleted. */
export function podsWithLabels(cluster: Cluster, namespace: string, labels: Labels): Pod[] {
  return cluster.store
    .list('Pod', namespace)
    .filter((p) => !p.metadata.deletionTimestamp && Object.entries(labels).every(([k, v]) => p.metadata.labels?.[k] === v));
}

/** Pods the Deployment's selector picks (matchLabels only, which is what lessons use). */
export function podsOfDeployment(cluster: Cluster, d: Deployment): Pod[] {
  return podsWithLabels(cluster, d.metadata.namespace ?? 'default', d.spec.selector.matchLabels ?? {});
}

export function isRunningAndReady(pod: Pod): boolean {
  return pod.status?.phase === 'Running' && isPodReady(pod);
}

export function node(cluster: Cluster, name: string): Node | undefined {
  return cluster.store.get('Node', undefined, name);
}

/** Whether the pod's IP lies in the podCIDR of the node it runs on. */
export function podIpInNodeCidr(cluster: Cluster, pod: Pod): boolean {
  const ip = pod.status?.podIP;
  const cidr = pod.spec.nodeName ? node(cluster, pod.spec.nodeName)?.spec.podCIDR : undefined;
  return ip !== undefined && cidr !== undefined && cidrContains(cidr, ip);
}

/** The ReplicaSet that owns a pod, if any. */
export function owningReplicaSet(cluster: Cluster, pod: Pod): ReplicaSet | undefined {
  const ref = pod.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'ReplicaSet');
  return ref ? cluster.store.get('ReplicaSet', pod.metadata.namespace, ref.name) : undefined;
}

/**
 * Whether a ReplicaSet made this pod after its first batch: a ReplicaSet
 * creates its first pods the moment it appears, so a pod born later
 * replaced one that went away (or came with a scale-up).
 */
export function isReplacement(cluster: Cluster, pod: Pod): boolean {
  const rs = owningReplicaSet(cluster, pod);
  return rs !== undefined && Date.parse(pod.metadata.creationTimestamp) > Date.parse(rs.metadata.creationTimestamp);
}
