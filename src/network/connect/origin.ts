import type { Cluster } from '../../cluster/cluster';
import type { Pod } from '../../cluster/api/types';
import { podResolvConf, nodeResolvConf, type ResolvConf } from '../dns/resolv-conf';
import type { HostsEntry } from '../dns/resolver';
import { hostsEntries } from './hosts-file';

/** Where traffic starts: inside a pod, on a node, or outside the cluster (the machine running kind). */
export type Origin = { kind: 'pod'; namespace: string; name: string } | { kind: 'node'; name: string } | { kind: 'outside' };

/** An origin made concrete: its address, its node, and its view of DNS. */
export interface Source {
  origin: Origin;
  /** `pod default/client`, `node worker-1`, `outside the cluster`. */
  label: string;
  ip: string;
  /** The node whose network stack the traffic leaves from; undefined outside the cluster. */
  node?: string;
  pod?: Pod;
  resolvConf: ResolvConf;
  hosts: HostsEntry[];
}

/**
 * The address of the machine that runs the cluster, on the nodes' network
 * (kind: the Docker bridge gateway). It reaches node addresses, not pod or
 * Service addresses.
 */
export function outsideAddress(cluster: Cluster): string {
  return (cluster.config.nodes[0]?.internalIP ?? '172.18.0.2').replace(/\.\d+$/, '.1');
}

/**
 * The workstation's resolver: systemd-resolved's stub, as a Debian or
 * Ubuntu desktop's /etc/resolv.conf names it. It knows the outside world's
 * names, not the cluster's (those live in CoreDNS, behind a ClusterIP).
 */
export const WORKSTATION_RESOLVER = '127.0.0.53';

/** The source for an origin, or why traffic cannot start there. */
export function sourceOf(cluster: Cluster, origin: Origin): Source | { error: string } {
  if (origin.kind === 'outside') {
    const resolvConf = { nameservers: [WORKSTATION_RESOLVER], searches: [], options: ['edns0', 'trust-ad'] };
    return { origin, label: 'outside the cluster', ip: outsideAddress(cluster), resolvConf, hosts: [{ ip: '127.0.0.1', names: ['localhost'] }] };
  }
  if (origin.kind === 'node') {
    const node = cluster.config.nodes.find((n) => n.name === origin.name);
    if (!node) return { error: `node "${origin.name}" not found` };
    return {
      origin,
      label: `node ${node.name}`,
      ip: node.internalIP,
      node: node.name,
      resolvConf: nodeResolvConf(cluster, node.name),
      hosts: [{ ip: '127.0.0.1', names: ['localhost'] }, { ip: node.internalIP, names: [node.name] }],
    };
  }
  const pod = cluster.store.get('Pod', origin.namespace, origin.name);
  if (!pod) return { error: `pods "${origin.name}" not found` };
  const ip = pod.status?.podIP;
  if (!ip || !pod.spec.nodeName || pod.status?.phase !== 'Running') {
    return { error: `pod ${origin.namespace}/${origin.name} is not running` };
  }
  return {
    origin,
    label: `pod ${origin.namespace}/${origin.name}`,
    ip,
    node: pod.spec.nodeName,
    pod,
    resolvConf: podResolvConf(cluster, pod),
    hosts: hostsEntries(cluster, pod),
  };
}
