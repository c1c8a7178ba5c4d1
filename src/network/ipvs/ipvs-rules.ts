import type { Cluster } from '../../cluster/cluster';
import { EndpointSliceRouter } from '../connect/service-router';
import { listOf } from '../connect/address-index';
import { BUILTIN_CHAINS, comment, jump, rule, src, type Match, type NodeRules, type Rule, type RulePart, type Target } from '../kube-proxy/rules';
import { virtualServers } from './virtual-servers';

/**
 * The iptables rules kube-proxy's ipvs mode writes on a node
 * (pkg/proxy/ipvs/proxier.go: iptablesJumpChain, iptablesChains,
 * ipsetWithIptablesChain, writeIptablesRules, acceptIPVSTraffic), as data
 * for the same printers as iptables mode. A rule matching an ipset is
 * written only when the set has members. The jumps from the built-in
 * chains are prepended one by one, so they read in reverse order of
 * kube-proxy's list (derived, not seen on a node). Not modelled:
 * LoadBalancer ingress sets (kind's stay pending), externalTrafficPolicy
 * Local sets, source ranges, and the kubelet's own chains.
 */

const MASQ = 0x4000;
const set = (name: string, flags: string): Match => ({ module: 'set', name, flags });
const target = (type: 'ACCEPT' | 'RETURN' | 'DROP' | 'REJECT'): Target => ({ type });

export function ipvsNodeRules(cluster: Cluster, node: string): NodeRules {
  const vss = virtualServers(cluster, node);
  const has = (via: string) => vss.some((v) => v.via === via);
  const nodePortTCP = vss.some((v) => v.via === 'nodePort' && v.protocol === 'TCP');
  const nodePortUDP = vss.some((v) => v.via === 'nodePort' && v.protocol === 'UDP');
  const loopBack = hasLocalEndpoint(cluster, node);

  const nat = new Map<string, Rule[]>();
  const filter = new Map<string, Rule[]>();
  const add = (table: Map<string, Rule[]>, chain: string, parts: RulePart[], t?: Target) => {
    if (!table.has(chain)) table.set(chain, []);
    table.get(chain)!.push(rule(chain, parts, t));
  };
  for (const c of [...BUILTIN_CHAINS.nat, 'KUBE-SERVICES', 'KUBE-POSTROUTING', 'KUBE-NODE-PORT', 'KUBE-LOAD-BALANCER', 'KUBE-MARK-MASQ']) nat.set(c, []);
  for (const c of [...BUILTIN_CHAINS.filter, 'KUBE-FORWARD', 'KUBE-NODE-PORT', 'KUBE-PROXY-FIREWALL', 'KUBE-SOURCE-RANGES-FIREWALL', 'KUBE-IPVS-FILTER', 'KUBE-IPVS-OUT-FILTER']) filter.set(c, []);

  // iptablesJumpChain, each prepended: the last listed for a chain comes first.
  const jumps: [Map<string, Rule[]>, string, string, string][] = [
    [nat, 'OUTPUT', 'KUBE-SERVICES', 'kubernetes service portals'],
    [nat, 'PREROUTING', 'KUBE-SERVICES', 'kubernetes service portals'],
    [nat, 'POSTROUTING', 'KUBE-POSTROUTING', 'kubernetes postrouting rules'],
    [filter, 'FORWARD', 'KUBE-FORWARD', 'kubernetes forwarding rules'],
    [filter, 'INPUT', 'KUBE-NODE-PORT', 'kubernetes health check rules'],
    [filter, 'INPUT', 'KUBE-PROXY-FIREWALL', 'kube-proxy firewall rules'],
    [filter, 'FORWARD', 'KUBE-PROXY-FIREWALL', 'kube-proxy firewall rules'],
    [filter, 'INPUT', 'KUBE-IPVS-FILTER', 'kubernetes ipvs access filter'],
    [filter, 'OUTPUT', 'KUBE-IPVS-OUT-FILTER', 'kubernetes ipvs access filter'],
  ];
  for (const [table, from, to, text] of jumps) table.get(from)!.unshift(rule(from, [comment(text)], jump(to)));

  // writeIptablesRules, in its order.
  add(nat, 'KUBE-SERVICES', [src('127.0.0.0/8')], target('RETURN'));
  if (loopBack) add(nat, 'KUBE-POSTROUTING', [comment('Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose'), set('KUBE-LOOP-BACK', 'dst,dst,src')], { type: 'MASQUERADE', randomFully: false });
  if (nodePortTCP) add(nat, 'KUBE-NODE-PORT', [{ module: 'proto', proto: 'tcp' }, comment('Kubernetes nodeport TCP port for masquerade purpose'), set('KUBE-NODE-PORT-TCP', 'dst')], jump('KUBE-MARK-MASQ'));
  if (nodePortUDP) add(nat, 'KUBE-NODE-PORT', [{ module: 'proto', proto: 'udp' }, comment('Kubernetes nodeport UDP port for masquerade purpose'), set('KUBE-NODE-PORT-UDP', 'dst')], jump('KUBE-MARK-MASQ'));
  const clusterIPs = has('cluster IP');
  if (clusterIPs) add(nat, 'KUBE-SERVICES', [comment('Kubernetes service cluster ip + port for masquerade purpose'), set('KUBE-CLUSTER-IP', 'dst,dst'), src(cluster.config.clusterCIDR, true)], jump('KUBE-MARK-MASQ'));
  if (has('external IP')) {
    const parts = [comment('Kubernetes service external ip + port for masquerade and filter purpose'), set('KUBE-EXTERNAL-IP', 'dst,dst')];
    add(nat, 'KUBE-SERVICES', parts, jump('KUBE-MARK-MASQ'));
    add(nat, 'KUBE-SERVICES', [...parts, { module: 'addrtype', dstType: 'LOCAL' }], target('ACCEPT'));
  }
  add(nat, 'KUBE-SERVICES', [{ module: 'addrtype', dstType: 'LOCAL' }], jump('KUBE-NODE-PORT'));
  add(nat, 'KUBE-LOAD-BALANCER', [], jump('KUBE-MARK-MASQ'));
  add(filter, 'KUBE-SOURCE-RANGES-FIREWALL', [], target('DROP'));
  if (clusterIPs) add(nat, 'KUBE-SERVICES', [set('KUBE-CLUSTER-IP', 'dst,dst')], target('ACCEPT'));
  add(filter, 'KUBE-FORWARD', [comment('kubernetes forwarding rules'), { module: 'mark', value: MASQ, mask: MASQ }], target('ACCEPT'));
  add(filter, 'KUBE-FORWARD', [comment('kubernetes forwarding conntrack rule'), { module: 'conntrack', states: ['RELATED', 'ESTABLISHED'] }], target('ACCEPT'));
  add(filter, 'KUBE-NODE-PORT', [comment('Kubernetes health check node port'), set('KUBE-HEALTH-CHECK-NODE-PORT', 'dst')], target('ACCEPT'));
  for (const name of ['KUBE-LOAD-BALANCER', 'KUBE-CLUSTER-IP', 'KUBE-EXTERNAL-IP', 'KUBE-EXTERNAL-IP-LOCAL']) add(filter, 'KUBE-IPVS-FILTER', [set(name, 'dst,dst')], target('RETURN'));
  add(filter, 'KUBE-IPVS-FILTER', [set('KUBE-HEALTH-CHECK-NODE-PORT', 'dst')], target('RETURN'));
  add(filter, 'KUBE-IPVS-FILTER', [{ module: 'conntrack', states: ['NEW'] }, set('KUBE-IPVS-IPS', 'dst')], target('REJECT'));
  add(nat, 'KUBE-POSTROUTING', [{ module: 'mark', value: MASQ, mask: MASQ, invert: true }], target('RETURN'));
  add(nat, 'KUBE-POSTROUTING', [], { type: 'MARK', op: 'xor', value: MASQ });
  add(nat, 'KUBE-POSTROUTING', [comment('kubernetes service traffic requiring SNAT')], { type: 'MASQUERADE', randomFully: true });
  add(nat, 'KUBE-MARK-MASQ', [], { type: 'MARK', op: 'or', value: MASQ });

  const internalIP = cluster.config.nodes.find((n) => n.name === node)?.internalIP;
  return {
    node,
    localAddresses: internalIP ? [internalIP, '127.0.0.0/8'] : ['127.0.0.0/8'],
    tables: [
      { name: 'mangle', builtins: BUILTIN_CHAINS.mangle, rules: new Map(BUILTIN_CHAINS.mangle.map((c) => [c, []])) },
      { name: 'filter', builtins: BUILTIN_CHAINS.filter, rules: filter },
      { name: 'nat', builtins: BUILTIN_CHAINS.nat, rules: nat },
    ],
  };
}

/** KUBE-LOOP-BACK holds `endpoint,proto:port,endpoint` for the endpoints on this node. */
function hasLocalEndpoint(cluster: Cluster, node: string): boolean {
  const router = new EndpointSliceRouter(cluster);
  return listOf(cluster, 'Service').some((svc) => (svc.spec.ports ?? []).some((p) => router.endpoints(svc, p).some((e) => e.nodeName === node)));
}
