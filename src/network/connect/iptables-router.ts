import type { Cluster } from '../../cluster/cluster';
import type { SeededRandom } from '../../cluster/random';
import { IpvsRouter } from '../ipvs/ipvs-router';
import { kubeProxyFor } from '../kube-proxy/iptables-command';
import { natPath, RecentTable } from '../kube-proxy/nat-path';
import { masqueradeSource, matchServicePort, type Packet, type RouteResult, type ServiceRouter } from './service-router';

/**
 * The Service router the cluster really has: each packet walks the nat
 * table that node's kube-proxy programmed (the same rules `iptables-save`
 * prints there), so the endpoint is chosen by the rules' own `statistic`
 * probabilities, ClientIP affinity by their `recent` matches, and traffic
 * policies by which chains exist on that node.
 */
export class IptablesRouter implements ServiceRouter {
  /** The `recent` match's memory: kernel state, kept in the cluster's snapshots. */
  private readonly recent: RecentTable;

  constructor(private readonly cluster: Cluster) {
    this.recent = new RecentTable(cluster.kernelState('recent'));
  }

  route(fromNode: string, packet: Packet, rng: SeededRandom): RouteResult | undefined {
    if (packet.protocol === 'ICMP' || packet.dstPort === undefined) return undefined;
    const match = matchServicePort(this.cluster, fromNode, packet);
    if (!match) return undefined;
    const node = this.cluster.config.nodes.find((n) => n.name === fromNode);
    // A packet the node itself sends starts in OUTPUT; one from a pod arrives through PREROUTING.
    const hook = node && (packet.srcIP === node.internalIP || packet.srcIP.startsWith('127.')) ? 'OUTPUT' : 'PREROUTING';
    const rules = kubeProxyFor(this.cluster).rules(fromNode);
    const proto = packet.protocol === 'UDP' ? 'udp' : 'tcp';
    const path = natPath(rules, { src: packet.srcIP, dst: packet.dstIP, dport: packet.dstPort, proto }, rng, { hook, recent: this.recent, now: this.cluster.clock.now() });
    const service = { namespace: match.svc.metadata.namespace ?? '', name: match.svc.metadata.name, port: match.port.name ?? '' };
    const hops = path.hops.map((h) => ({ node: fromNode, rule: h.table === 'filter' ? `${h.rule} (filter table)` : h.rule }));
    if (path.verdict.type === 'REJECT') return { hops, service, rejected: true };
    // DROP (no local endpoints, loadBalancerSourceRanges, KUBE-FIREWALL): no RST, no ICMP; the client times out.
    if (path.verdict.type === 'DROP') return { hops, service, dropped: true };
    if (path.verdict.type !== 'DNAT') return { hops, service };
    const result: RouteResult = { hops, service, dnat: { ip: path.verdict.ip, port: path.verdict.port } };
    if (path.masquerade) result.snat = masqueradeSource(this.cluster, fromNode, path.verdict.ip);
    return result;
  }
}

const routers = new WeakMap<Cluster, ServiceRouter>();

/** One router per cluster, for the cluster's kube-proxy mode: the iptables rules, or IPVS in ipvs mode. */
export function clusterRouter(cluster: Cluster): ServiceRouter {
  let router = routers.get(cluster);
  if (!router) routers.set(cluster, (router = cluster.config.proxyMode === 'ipvs' ? new IpvsRouter(cluster) : new IptablesRouter(cluster)));
  return router;
}
