import type { Cluster } from '../../cluster/cluster';
import type { Service, ServicePort } from '../../cluster/api/types';
import { cidrContains } from '../../cluster/ipam/ipv4';
import type { SeededRandom } from '../../cluster/random';
import { slicesOf } from '../dns/records';
import { listOf } from './address-index';

/**
 * How a packet to a Service address finds an endpoint. kube-proxy's rules
 * do this on a real node; the default router here reads EndpointSlices
 * directly. A router built on the generated iptables rules can replace it
 * without the connection engine noticing.
 */

export type Protocol = 'TCP' | 'UDP' | 'ICMP';

export interface Packet {
  srcIP: string;
  dstIP: string;
  /** Absent for ICMP. */
  dstPort?: number;
  protocol: Protocol;
}

export interface RouteHop {
  node: string;
  /** What happened there, in kube-proxy's terms: `KUBE-SERVICES: default/web:http cluster IP`. */
  rule: string;
}

export interface ServiceRef {
  namespace: string;
  name: string;
  /** The Service port's name, '' when unnamed. */
  port: string;
}

export interface RouteResult {
  hops: RouteHop[];
  service: ServiceRef;
  /** Where the packet is rewritten to. */
  dnat?: { ip: string; port: number };
  /** The source the endpoint sees after masquerade, if masqueraded. */
  snat?: string;
  /** The Service has no endpoints: kube-proxy's REJECT (TCP RST / ICMP port unreachable). */
  rejected?: boolean;
  /** A rule DROPs the packet (no local endpoints, a source range, KUBE-FIREWALL): the sender hears nothing. */
  dropped?: boolean;
}

export interface ServiceRouter {
  /**
   * What the Service rules of `fromNode` (the node whose netfilter sees the
   * packet first) do with it; undefined when no Service rule matches.
   */
  route(fromNode: string, packet: Packet, rng: SeededRandom): RouteResult | undefined;
}

/** kube-proxy's service port name: `ns/name:port`, or `ns/name` for an unnamed port. */
export function servicePortName(ref: ServiceRef): string {
  return `${ref.namespace}/${ref.name}${ref.port ? `:${ref.port}` : ''}`;
}

export interface ServicePortMatch {
  svc: Service;
  port: ServicePort;
  via: 'cluster IP' | 'nodePort' | 'external IP' | 'loadbalancer IP';
}

/**
 * The default router: the Service port the packet is addressed to, then
 * one of its ready endpoints picked uniformly with the cluster's seeded
 * generator, as kube-proxy's `statistic --mode random` chain does.
 * Not modelled: sessionAffinity, internal/externalTrafficPolicy Local,
 * terminating-endpoint fallback.
 */
export class EndpointSliceRouter implements ServiceRouter {
  constructor(private readonly cluster: Cluster) {}

  route(fromNode: string, packet: Packet, rng: SeededRandom): RouteResult | undefined {
    if (packet.protocol === 'ICMP' || packet.dstPort === undefined) return undefined;
    const match = matchServicePort(this.cluster, fromNode, packet);
    if (!match) return undefined;
    const ref: ServiceRef = { namespace: match.svc.metadata.namespace ?? '', name: match.svc.metadata.name, port: match.port.name ?? '' };
    const spn = servicePortName(ref);
    const entry: RouteHop = { node: fromNode, rule: match.via === 'nodePort' ? `KUBE-NODEPORTS: ${spn} nodePort ${packet.dstPort}` : `KUBE-SERVICES: ${spn} ${match.via}` };
    const endpoints = this.endpoints(match.svc, match.port);
    if (endpoints.length === 0) return { hops: [{ node: fromNode, rule: `KUBE-SERVICES: ${spn} has no endpoints (REJECT)` }], service: ref, rejected: true };
    const chosen = endpoints.length === 1 ? endpoints[0]! : endpoints[rng.int(endpoints.length)]!;
    const hops: RouteHop[] = [entry, { node: fromNode, rule: `KUBE-SVC: ${spn} -> ${chosen.ip}:${chosen.port} (1 of ${endpoints.length})` }];
    // KUBE-SEP's `-s <endpoint> -j KUBE-MARK-MASQ`: a pod reaching itself through its Service is masqueraded (hairpin).
    const hairpin = packet.srcIP === chosen.ip;
    const masquerade = hairpin || match.via !== 'cluster IP' || !cidrContains(this.cluster.config.clusterCIDR, packet.srcIP);
    if (masquerade) hops.push({ node: fromNode, rule: hairpin ? 'KUBE-MARK-MASQ: hairpin (the client is the endpoint)' : 'KUBE-MARK-MASQ: masquerade on the way out' });
    hops.push({ node: fromNode, rule: `KUBE-SEP: DNAT to ${chosen.ip}:${chosen.port}` });
    const result: RouteResult = { hops, service: ref, dnat: { ip: chosen.ip, port: chosen.port } };
    if (masquerade) result.snat = masqueradeSource(this.cluster, fromNode, chosen.ip);
    return result;
  }

  /** Ready endpoints of one Service port, in kube-proxy's order (`ip:port` as strings). */
  endpoints(svc: Service, port: ServicePort): { ip: string; port: number; nodeName?: string }[] {
    const out = new Map<string, { ip: string; port: number; nodeName?: string }>();
    for (const slice of slicesOf(this.cluster, svc)) {
      const sp = slice.ports?.find((p) => (p.name ?? '') === (port.name ?? '') && (p.protocol ?? 'TCP') === port.protocol);
      if (sp?.port === undefined) continue;
      for (const e of slice.endpoints ?? []) {
        if (e.conditions.ready === false) continue;
        for (const ip of e.addresses) out.set(`${ip}:${sp.port}`, { ip, port: sp.port, ...(e.nodeName ? { nodeName: e.nodeName } : {}) });
      }
    }
    return [...out.keys()].sort().map((k) => out.get(k)!);
  }
}

/** The Service port a packet is addressed to, as kube-proxy's KUBE-SERVICES and KUBE-NODEPORTS match it. */
export function matchServicePort(cluster: Cluster, fromNode: string, packet: Packet): ServicePortMatch | undefined {
  const local = cluster.config.nodes.find((n) => n.name === fromNode)?.internalIP;
  for (const svc of listOf(cluster, 'Service')) {
    if (svc.spec.type === 'ExternalName') continue;
    for (const port of svc.spec.ports ?? []) {
      if (port.protocol !== packet.protocol || port.port === undefined) continue;
      if (port.port === packet.dstPort) {
        if (svc.spec.clusterIP && svc.spec.clusterIP !== 'None' && svc.spec.clusterIP === packet.dstIP) return { svc, port, via: 'cluster IP' };
        if (svc.spec.externalIPs?.includes(packet.dstIP)) return { svc, port, via: 'external IP' };
        if (svc.status?.loadBalancer?.ingress?.some((i) => i.ip === packet.dstIP)) return { svc, port, via: 'loadbalancer IP' };
      }
      // NodePorts answer on every local address of the node (`--dst-type LOCAL`).
      if (port.nodePort !== undefined && port.nodePort === packet.dstPort && (packet.dstIP === local || packet.dstIP.startsWith('127.'))) {
        return { svc, port, via: 'nodePort' };
      }
    }
  }
  return undefined;
}

/**
 * The address MASQUERADE picks: the node's InternalIP when the endpoint is
 * on another node, the node's podCIDR gateway (kindnet's host side of
 * the pod's veth) when it is local. Uncertain for CNIs other than kindnet.
 */
export function masqueradeSource(cluster: Cluster, fromNode: string, endpointIP: string): string {
  const node = cluster.config.nodes.find((n) => n.name === fromNode);
  if (!node) return endpointIP;
  if (cidrContains(node.podCIDR, endpointIP)) return node.podCIDR.replace(/\.\d+\/\d+$/, '.1');
  return node.internalIP;
}
