import type { KindName, KindOf, Pod } from '../../cluster/api/types';
import type { Cluster } from '../../cluster/cluster';

/**
 * What the packet path looks up on every connection (the pod that owns an
 * address, the Services), kept per cluster and rebuilt only when the store
 * has changed since: a lesson traces many connections between changes, and
 * a 10,000-pod cluster should not be scanned for each one.
 */
interface Index {
  revision: number;
  lists: Map<KindName, unknown[]>;
  podsByIP?: Map<string, Pod>;
}

const indexes = new WeakMap<Cluster, Index>();

function indexOf(cluster: Cluster): Index {
  const revision = cluster.store.changeCount;
  let index = indexes.get(cluster);
  if (!index || index.revision !== revision) indexes.set(cluster, (index = { revision, lists: new Map() }));
  return index;
}

/** store.list(kind), in the store's order, computed once per store revision. Callers must not change it. */
export function listOf<K extends KindName>(cluster: Cluster, kind: K): readonly KindOf<K>[] {
  const index = indexOf(cluster);
  let list = index.lists.get(kind) as KindOf<K>[] | undefined;
  if (!list) index.lists.set(kind, (list = cluster.store.list(kind)));
  return list;
}

/** The running pod (not on the host network) whose IP this is: the first in the store's order, as a scan finds it. */
export function podByIP(cluster: Cluster, ip: string): Pod | undefined {
  const index = indexOf(cluster);
  if (!index.podsByIP) {
    index.podsByIP = new Map();
    for (const pod of listOf(cluster, 'Pod')) {
      const podIP = pod.status?.podIP;
      if (!podIP || pod.spec.hostNetwork || index.podsByIP.has(podIP)) continue;
      if (pod.status!.phase === 'Succeeded' || pod.status!.phase === 'Failed') continue;
      index.podsByIP.set(podIP, pod);
    }
  }
  return index.podsByIP.get(ip);
}
