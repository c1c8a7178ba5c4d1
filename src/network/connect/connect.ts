import type { Cluster } from '../../cluster/cluster';
import { isIPv4 } from '../dns/names';
import { answerQuestion, upstream, type DnsReply, type QType } from '../dns/records';
import { resolveName, type DnsTransport, type Libc, type Resolution } from '../dns/resolver';
import { nodeResolvConf } from '../dns/resolv-conf';
import { deliver, type Delivery, type Destination, type TraceHop } from './delivery';
import { sourceOf, WORKSTATION_RESOLVER, type Origin, type Source } from './origin';
import { recordConnection, recordDnsQuery } from '../conntrack/record';
import { dnsSourcePort } from '../conntrack/table';
import { clusterRouter } from './iptables-router';
import { type Protocol, type ServiceRef, type ServiceRouter } from './service-router';

/**
 * The connection engine: from a pod, a node or outside, to a name or
 * address and port, as a real cluster would carry it. It resolves the
 * name through the source's resolv.conf (the DNS packets themselves take
 * the same path to kube-dns), runs the packet through the Service rules
 * and the routes, and reports every step.
 */

export interface ConnectRequest {
  from: Origin;
  /** A name (`web`, `web.default.svc.cluster.local`) or an IPv4 address. */
  target: string;
  /** Absent for ICMP. */
  port?: number;
  protocol: Protocol;
  /** The client's C library, for the search-list walk; glibc unless the image says otherwise. */
  libc?: Libc;
}

export interface ConnectionTrace {
  from: { label: string; ip: string; node?: string };
  target: { input: string; ip?: string; port?: number; protocol: Protocol };
  /** Name resolution, when the target was a name. */
  dns?: Resolution;
  /** Which CoreDNS pod the first DNS query reached, if any. */
  dnsAnsweredBy?: string;
  hops: TraceHop[];
  rulesNode?: string;
  service?: ServiceRef;
  dnat?: { ip: string; port: number };
  /** The source address the destination sees. */
  sourceSeen?: string;
  destination?: Destination;
  listener?: Delivery['listener'];
  outcome: 'answered' | 'refused' | 'timeout' | 'nxdomain' | 'dns-timeout' | 'error';
  /** Why, in a few words. */
  reason?: string;
  /** The source pod could not send at all (missing, not running). */
  error?: string;
  /** The client port the connection used (TCP/UDP). */
  sourcePort?: number;
  /** The crossing to the target's node: its podCIDR and the InternalIP it is routed via. */
  route?: Delivery['route'];
  /** The node whose rules DROPped the packet. */
  droppedOn?: string;
}

export interface ConnectOptions {
  router?: ServiceRouter;
}

/** Is this a resolver outside the cluster: the node network's (Docker's DNS on kind), or the workstation's own? */
function isUpstreamResolver(cluster: Cluster, ip: string): boolean {
  return ip === WORKSTATION_RESOLVER || cluster.config.nodes.some((n) => nodeResolvConf(cluster, n.name).nameservers.includes(ip));
}

/** Whether a pod runs CoreDNS, which answers DNS with the cluster's records. */
function runsCoreDNS(delivery: Delivery): boolean {
  const d = delivery.destination;
  const image = d?.kind === 'pod' ? d.pod.spec.containers.find((c) => c.name === delivery.listener?.container)?.image : undefined;
  return !!image && /coredns/.test(image);
}

/**
 * DNS over the simulated network: a UDP packet to the server's port 53
 * from the source, answered by CoreDNS when it gets there, by the node's
 * upstream resolver for its address, and by nobody otherwise.
 */
export function dnsTransport(cluster: Cluster, source: Source, router: ServiceRouter, onFirst?: (d: Delivery) => void): DnsTransport {
  let first = true;
  let sourcePort: number | undefined;
  return (server: string, qname: string, qtype: QType): DnsReply | 'timeout' => {
    if (isUpstreamResolver(cluster, server)) return upstream(cluster, qname, qtype);
    const d = deliver(cluster, source, server, 53, 'UDP', { router });
    if (first) {
      first = false;
      onFirst?.(d);
    }
    const answered = d.outcome === 'delivered' && runsCoreDNS(d);
    sourcePort ??= dnsSourcePort(cluster, source.ip);
    recordDnsQuery(cluster, { label: source.label, ip: source.ip, ...(source.node ? { node: source.node } : {}) }, server, sourcePort, d, answered);
    if (!answered) return 'timeout';
    return answerQuestion(cluster, qname, qtype);
  };
}

/** Resolves a name as a program in the source would, returning the resolution and which CoreDNS pod answered. */
export function resolveFrom(cluster: Cluster, source: Source, name: string, libc: Libc, router: ServiceRouter, qtype: QType = 'A'): { resolution: Resolution; answeredBy?: string } {
  let answeredBy: string | undefined;
  const transport = dnsTransport(cluster, source, router, (d) => {
    if (d.outcome === 'delivered' && d.destination?.kind === 'pod') answeredBy = `${d.destination.namespace}/${d.destination.name}`;
  });
  const resolution = resolveName(name, source.resolvConf, transport, libc, source.hosts, qtype);
  return { resolution, ...(answeredBy ? { answeredBy } : {}) };
}

/** The ephemeral port a client picks (Linux ip_local_port_range 32768-60999). */
function ephemeralPort(cluster: Cluster): number {
  return 32768 + cluster.rng.int(60999 - 32768 + 1);
}

export function connect(cluster: Cluster, request: ConnectRequest, options: ConnectOptions = {}): ConnectionTrace {
  const router = options.router ?? clusterRouter(cluster);
  const target = { input: request.target, protocol: request.protocol, ...(request.port !== undefined ? { port: request.port } : {}) };
  const source = sourceOf(cluster, request.from);
  if ('error' in source) return { from: { label: describeOrigin(request.from), ip: '' }, target, hops: [], outcome: 'error', error: source.error };
  const trace: ConnectionTrace = { from: { label: source.label, ip: source.ip, ...(source.node ? { node: source.node } : {}) }, target, hops: [], outcome: 'timeout' };

  let ip = request.target;
  if (!isIPv4(request.target)) {
    const { resolution, answeredBy } = resolveFrom(cluster, source, request.target, request.libc ?? 'glibc', router);
    trace.dns = resolution;
    if (answeredBy) trace.dnsAnsweredBy = answeredBy;
    if (resolution.status === 'timeout') return { ...trace, outcome: 'dns-timeout', reason: 'no DNS server answered' };
    if (resolution.addresses.length === 0) return { ...trace, outcome: 'nxdomain', reason: `${request.target} does not resolve` };
    ip = resolution.addresses[0]!;
  }
  trace.target.ip = ip;
  if (request.protocol !== 'ICMP') trace.sourcePort = ephemeralPort(cluster);

  const d = deliver(cluster, source, ip, request.port, request.protocol, { router });
  trace.hops = d.hops;
  trace.sourceSeen = d.sourceSeen;
  if (d.rulesNode) trace.rulesNode = d.rulesNode;
  if (d.service) trace.service = d.service;
  if (d.dnat) trace.dnat = d.dnat;
  if (d.destination) trace.destination = d.destination;
  if (d.listener) trace.listener = d.listener;
  if (d.reason) trace.reason = d.reason;
  if (d.route) trace.route = d.route;
  if (d.droppedOn) trace.droppedOn = d.droppedOn;
  trace.outcome = d.outcome === 'delivered' ? 'answered' : d.outcome;
  recordConnection(cluster, trace);
  return trace;
}

export function describeOrigin(origin: Origin): string {
  if (origin.kind === 'pod') return `pod ${origin.namespace}/${origin.name}`;
  if (origin.kind === 'node') return `node ${origin.name}`;
  return 'outside the cluster';
}
