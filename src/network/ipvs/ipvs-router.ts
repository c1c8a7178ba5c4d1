import type { Cluster } from '../../cluster/cluster';
import { cidrContains } from '../../cluster/ipam/ipv4';
import type { SeededRandom } from '../../cluster/random';
import { masqueradeSource, servicePortName, type Packet, type RouteResult, type ServiceRouter } from '../connect/service-router';
import { virtualServers } from './virtual-servers';

/**
 * The Service router of a node in ipvs mode: the packet's destination is
 * looked up among the node's IPVS virtual servers and the rr scheduler
 * hands each new connection to the next real server in turn (a counter
 * per virtual server, kept with the cluster's kernel state). ClientIP
 * affinity (`persistent`) sends a client back to its last real server
 * while the timeout lasts. Masquerade follows kube-proxy's ipvs-mode
 * iptables rules: traffic from outside the cluster CIDR to a ClusterIP
 * (KUBE-MARK-MASQ), NodePort traffic, and a pod reaching itself (KUBE-LOOP-BACK).
 * A virtual server without real servers leaves the packet to the node's
 * own stack, where nothing listens on the ClusterIP: refused.
 */
export class IpvsRouter implements ServiceRouter {
  private readonly state: { next?: Record<string, number>; persist?: Record<string, { dest: string; at: number }> };

  constructor(private readonly cluster: Cluster) {
    this.state = cluster.kernelState('ipvs') as IpvsRouter['state'];
  }

  route(fromNode: string, packet: Packet, _rng: SeededRandom): RouteResult | undefined {
    if (packet.protocol === 'ICMP' || packet.dstPort === undefined) return undefined;
    const local = this.cluster.config.nodes.find((n) => n.name === fromNode)?.internalIP;
    const dstIP = packet.dstIP.startsWith('127.') ? local : packet.dstIP;
    const vs = virtualServers(this.cluster, fromNode).find((v) => v.protocol === packet.protocol && v.ip === dstIP && v.port === packet.dstPort);
    if (!vs) return undefined;
    const key = `${fromNode} ${vs.protocol} ${vs.ip}:${vs.port}`;
    const spn = servicePortName(vs.service);
    const entry = { node: fromNode, rule: `IPVS: ${vs.protocol}  ${vs.ip}:${vs.port} ${vs.scheduler}${vs.persistent !== undefined ? ` persistent ${vs.persistent}` : ''} (${spn} ${vs.via})` };
    if (vs.dests.length === 0) return { hops: [entry, { node: fromNode, rule: `IPVS: no real servers; nothing listens on ${vs.ip}:${vs.port} on kube-ipvs0` }], service: vs.service, rejected: true };
    const now = this.cluster.clock.now();
    const persist = (this.state.persist ??= {});
    const next = (this.state.next ??= {});
    const pkey = `${key} ${packet.srcIP}`;
    const sticky = vs.persistent !== undefined ? persist[pkey] : undefined;
    let chosen = sticky && now - sticky.at <= vs.persistent! * 1000 ? vs.dests.find((d) => `${d.ip}:${d.port}` === sticky.dest) : undefined;
    if (!chosen) {
      const i = (next[key] ?? 0) % vs.dests.length;
      chosen = vs.dests[i]!;
      next[key] = i + 1;
    }
    if (vs.persistent !== undefined) persist[pkey] = { dest: `${chosen.ip}:${chosen.port}`, at: now };
    const hops = [entry, { node: fromNode, rule: `IPVS: rr -> ${chosen.ip}:${chosen.port} Masq (${vs.dests.findIndex((d) => d === chosen) + 1} of ${vs.dests.length})` }];
    const hairpin = packet.srcIP === chosen.ip;
    const masquerade = hairpin || vs.via === 'nodePort' || !cidrContains(this.cluster.config.clusterCIDR, packet.srcIP);
    if (masquerade) hops.push({ node: fromNode, rule: hairpin ? 'KUBE-LOOP-BACK: hairpin (the client is the endpoint): MASQUERADE' : 'KUBE-MARK-MASQ: masquerade on the way out' });
    const result: RouteResult = { hops, service: vs.service, dnat: { ip: chosen.ip, port: chosen.port } };
    if (masquerade) result.snat = masqueradeSource(this.cluster, fromNode, chosen.ip);
    return result;
  }
}
