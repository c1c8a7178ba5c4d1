import type { Cluster } from '../../cluster/cluster';
import type { Pod, Service } from '../../cluster/api/types';
import { announcingNode } from '../../cluster/controllers/metallb-speaker';
import { AddressPool } from '../../cluster/ipam/address-pool';
import { cidrContains } from '../../cluster/ipam/ipv4';
import type { Listener } from '../../cluster/images/catalogue';
import type { Packet, Protocol, RouteResult, ServiceRef, ServiceRouter } from './service-router';
import { listOf, podByIP } from './address-index';
import type { Source } from './origin';

/**
 * Layer 3/4: where a packet from a source to an address and port ends up.
 * kube-proxy's rules (through the ServiceRouter) on the node the packet
 * leaves, then kindnet's routes (every node routes each podCIDR via that
 * node's InternalIP), then whatever owns the address: a pod, a node, or
 * nothing at all.
 */

export interface TraceHop {
  /** The node the hop happens on, when there is one. */
  node?: string;
  text: string;
}

export type Destination =
  | { kind: 'pod'; pod: Pod; namespace: string; name: string; node: string; ip: string }
  | { kind: 'node'; name: string; ip: string; pod?: Pod };

export interface Delivery {
  outcome: 'delivered' | 'refused' | 'timeout';
  hops: TraceHop[];
  /** The node whose Service rules matched the packet. */
  rulesNode?: string;
  service?: ServiceRef;
  dnat?: { ip: string; port: number };
  /** The source address the destination sees. */
  sourceSeen: string;
  destination?: Destination;
  /** The listening socket that took the packet (TCP/UDP). */
  listener?: Listener & { container: string };
  /** Why it failed, in a few words, for the trace. */
  reason?: string;
  /** The node whose rules DROPped the packet (its conntrack never confirms the connection). */
  droppedOn?: string;
  /** The hop between nodes, when the packet crossed to another node for a pod address. */
  route?: { fromNode: string; toNode: string; podCIDR: string; via: string };
}

/** Pods that own their address (not host-network), by IP. */
function isClusterIP(cluster: Cluster, ip: string): boolean {
  return listOf(cluster, 'Service').some((s) => s.spec.clusterIP === ip || s.spec.clusterIPs?.includes(ip));
}

/** The Service whose LoadBalancer address is `ip` and the node whose speaker announces it, if one does. */
function announcedLoadBalancer(cluster: Cluster, ip: string): { service: Service; node: string } | undefined {
  // Only a scenario with MetalLB has speakers, and they announce only their pool's addresses.
  const pool = cluster.config.loadBalancerPool;
  if (!pool || !new AddressPool(pool).contains(ip)) return undefined;
  for (const service of listOf(cluster, 'Service')) {
    if (!service.status?.loadBalancer?.ingress?.some((i) => i.ip === ip)) continue;
    const node = announcingNode(cluster.store, service);
    if (node) return { service, node };
  }
  return undefined;
}

/** What listens in a pod: the listeners of its running containers, from the image catalogue. */
export function podListeners(cluster: Cluster, pod: Pod): (Listener & { container: string })[] {
  const out: (Listener & { container: string })[] = [];
  for (const c of pod.spec.containers) {
    const status = pod.status?.containerStatuses?.find((s) => s.name === c.name);
    if (!status || !('running' in status.state)) continue;
    for (const l of cluster.catalogue.behaviour(c)?.listeners ?? []) out.push({ ...l, container: c.name });
  }
  return out;
}

/** What listens on a node itself: its host-network pods. */
function nodeListeners(cluster: Cluster, node: string): { listener: Listener & { container: string }; pod: Pod }[] {
  const out: { listener: Listener & { container: string }; pod: Pod }[] = [];
  for (const pod of listOf(cluster, 'Pod')) {
    if (!pod.spec.hostNetwork || pod.spec.nodeName !== node) continue;
    for (const listener of podListeners(cluster, pod)) out.push({ listener, pod });
  }
  return out;
}

/** A dropped packet gets no answer at all, so the sender waits until it gives up. */
const DROPPED = 'a DROP rule discards the packet, so nothing answers';

export interface DeliverOptions {
  router: ServiceRouter;
}

export function deliver(cluster: Cluster, source: Source, dstIP: string, dstPort: number | undefined, protocol: Protocol, options: DeliverOptions): Delivery {
  const hops: TraceHop[] = [];
  const packet: Packet = { srcIP: source.ip, dstIP, protocol, ...(dstPort !== undefined ? { dstPort } : {}) };
  const d: Delivery = { outcome: 'timeout', hops, sourceSeen: source.ip };
  let at = source.node;
  let ip = dstIP;
  let port = dstPort;

  const applyRoute = (r: RouteResult, node: string) => {
    d.rulesNode = node;
    d.service = r.service;
    for (const h of r.hops) hops.push({ node: h.node, text: h.rule });
    if (r.dnat) {
      d.dnat = r.dnat;
      ip = r.dnat.ip;
      port = r.dnat.port;
    }
    if (r.snat) d.sourceSeen = r.snat;
  };
  // The rules that matched on `node`; the delivery ends there when they reject or drop the packet.
  const throughRules = (r: RouteResult, node: string): Delivery | undefined => {
    applyRoute(r, node);
    if (r.rejected) return { ...d, outcome: 'refused', reason: 'the Service has no endpoints: kube-proxy rejects' };
    if (r.dropped) return { ...d, reason: DROPPED, droppedOn: node };
    return undefined;
  };
  const noRuleMatches = (node: string) => hops.push({ node, text: `no Service rule matches ${ip}${port !== undefined ? `:${port}/${protocol}` : ` (${protocol})`}` });

  // Service rules on the node the packet leaves (OUTPUT for the node, PREROUTING for its pods).
  if (at) {
    const r = options.router.route(at, packet, cluster.rng);
    if (r) {
      const ended = throughRules(r, at);
      if (ended) return ended;
    } else if (isClusterIP(cluster, ip)) {
      noRuleMatches(at);
      return { ...d, reason: 'a ClusterIP answers only on its Service ports; nothing owns the address itself' };
    }
  }

  // A pod's own loopback stays in the pod.
  if (source.pod && !source.pod.spec.hostNetwork && ip.startsWith('127.')) ip = source.ip;

  // A node address: maybe a NodePort on that node, else the node's own sockets.
  const node = cluster.config.nodes.find((n) => n.internalIP === ip || (ip.startsWith('127.') && n.name === at));
  if (node) {
    if (at !== node.name) hops.push({ ...(at ? { node: at } : {}), text: `to ${node.name} (${node.internalIP}) on the node network` });
    if (!d.rulesNode) {
      const r = options.router.route(node.name, { ...packet, dstIP: ip }, cluster.rng);
      const ended = r && throughRules(r, node.name);
      if (ended) return ended;
    }
    at = node.name;
    if (!d.dnat || (d.dnat.ip === node.internalIP)) {
      d.destination = { kind: 'node', name: node.name, ip: node.internalIP };
      if (protocol === 'ICMP') return { ...d, outcome: 'delivered' };
      const found = nodeListeners(cluster, node.name).find((x) => x.listener.port === port && x.listener.protocol === protocol);
      if (!found) return { ...d, outcome: 'refused', reason: `nothing listens on ${node.name} port ${port}/${protocol}` };
      d.destination.pod = found.pod;
      return { ...d, outcome: 'delivered', listener: found.listener };
    }
  }

  // From outside, a LoadBalancer address reaches the node whose MetalLB speaker answers ARP for it.
  if (!at) {
    const announced = announcedLoadBalancer(cluster, ip);
    if (announced) {
      const entry = cluster.config.nodes.find((n) => n.name === announced.node);
      hops.push({ text: `to ${announced.node} (${entry?.internalIP}) on the node network, which answers ARP for ${ip} (MetalLB layer2)` });
      at = announced.node;
      const r = options.router.route(at, { ...packet, dstIP: ip }, cluster.rng);
      if (!r) {
        noRuleMatches(at);
        return { ...d, reason: 'a LoadBalancer address answers only on its Service ports' };
      }
      const ended = throughRules(r, at);
      if (ended) return ended;
    }
  }

  // From here on the address is a pod's, or nobody's.
  if (!at) {
    if (listOf(cluster, 'Service').some((svc) => svc.status?.loadBalancer?.ingress?.some((i) => i.ip === ip))) {
      hops.push({ text: `no node answers ARP for ${ip}` });
      return { ...d, reason: 'no load balancer announces this LoadBalancer address' };
    }
    hops.push({ text: `no route from outside the cluster to ${ip}` });
    return { ...d, reason: 'pod and Service addresses are not routed outside the cluster' };
  }
  const owner = cluster.config.nodes.find((n) => cidrContains(n.podCIDR, ip));
  if (!owner) {
    hops.push({ node: at, text: `${ip} is on no node's podCIDR: the packet leaves by the default route and is lost` });
    return { ...d, reason: `nothing in the cluster owns ${ip}` };
  }
  if (owner.name !== at) {
    hops.push({ node: at, text: `route ${owner.podCIDR} via ${owner.internalIP} (${owner.name})` });
    d.route = { fromNode: at, toNode: owner.name, podCIDR: owner.podCIDR, via: owner.internalIP };
  }
  const pod = podByIP(cluster, ip);
  if (!pod || pod.spec.nodeName !== owner.name) {
    hops.push({ node: owner.name, text: `no pod has ${ip}` });
    return { ...d, reason: `no pod has the address ${ip}` };
  }
  const ns = pod.metadata.namespace ?? 'default';
  hops.push({ node: owner.name, text: `into pod ${ns}/${pod.metadata.name} (${ip})` });
  d.destination = { kind: 'pod', pod, namespace: ns, name: pod.metadata.name, node: owner.name, ip };
  if (protocol === 'ICMP') return { ...d, outcome: 'delivered' };
  const listener = podListeners(cluster, pod).find((l) => l.port === port && l.protocol === protocol);
  if (!listener) return { ...d, outcome: 'refused', reason: `nothing listens on port ${port}/${protocol} in pod ${ns}/${pod.metadata.name}` };
  return { ...d, outcome: 'delivered', listener };
}
