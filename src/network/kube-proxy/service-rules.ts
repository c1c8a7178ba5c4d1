import { type CategorizedEndpoints, type EndpointInfo, type ServicePortInfo } from './service-info';
import { inCidr } from './cidr';
import { writtenProbability } from './probability';
import { comment, dst, jump, l4, rule, src, type Rule, type RulePart, type Target } from './rules';

/** The proxier's fixed settings, as kind's kube-proxy config gives them. */
export interface ProxierConfig {
  /** --cluster-cidr: the local-traffic detector (masquerade off-cluster sources). */
  clusterCIDR: string;
  masqueradeAll: boolean;
  /** 1 << masqueradeBit (14 by default). */
  masqueradeMark: number;
}

/** The rules one service port contributes to a node's tables. */
export interface ServiceRules {
  filterServices: Rule[];
  filterExternalServices: Rule[];
  filterNodePorts: Rule[];
  filterFirewall: Rule[];
  natServices: Rule[];
  natNodePorts: Rule[];
  /** The service's own nat chains (EXT, FW, SVC, SVL, SEP), in the order kube-proxy creates them. */
  natChains: [string, Rule[]][];
}

export const KUBE_SERVICES = 'KUBE-SERVICES';
export const KUBE_EXTERNAL_SERVICES = 'KUBE-EXTERNAL-SERVICES';
export const KUBE_NODEPORTS = 'KUBE-NODEPORTS';
export const KUBE_MARK_MASQ = 'KUBE-MARK-MASQ';
export const KUBE_PROXY_FIREWALL = 'KUBE-PROXY-FIREWALL';

/**
 * One iteration of syncProxyRules' per-service loop (proxier.go): the
 * ClusterIP, external IP, load-balancer and NodePort entry rules, the
 * filter REJECT/DROP rules when endpoints are missing, and the service's
 * EXT/FW/SVC/SVL/SEP chains. `largeClusterMode` (over 1,000 endpoints in
 * all) drops the per-endpoint comments, as kube-proxy does.
 */
export function serviceRules(
  sp: ServicePortInfo,
  eps: CategorizedEndpoints,
  config: ProxierConfig,
  largeClusterMode: boolean,
  nodeIP?: string,
): ServiceRules {
  const out: ServiceRules = {
    filterServices: [],
    filterExternalServices: [],
    filterNodePorts: [],
    filterFirewall: [],
    natServices: [],
    natNodePorts: [],
    natChains: [],
  };
  const name = sp.name;
  const proto = sp.protocol;
  const hasEndpoints = eps.hasAny;
  const usesClusterPolicyChain = eps.cluster.length > 0 && (!sp.internalPolicyLocal || sp.nodePort !== 0 || sp.loadBalancerVIPs.length > 0 || sp.externalIPs.length > 0);
  const usesLocalPolicyChain = eps.local.length > 0 && (sp.internalPolicyLocal || sp.externalPolicyLocal);

  const internalTrafficChain = sp.internalPolicyLocal ? sp.localChain : sp.clusterChain;
  const hasInternalEndpoints = hasEndpoints && (!sp.internalPolicyLocal || eps.local.length > 0);
  const externalPolicyChain = sp.externalPolicyLocal ? sp.localChain : sp.clusterChain;
  const hasExternalEndpoints = hasEndpoints && (!sp.externalPolicyLocal || eps.local.length > 0);
  const externallyAccessible = sp.nodePort !== 0 || sp.loadBalancerVIPs.length > 0 || sp.externalIPs.length > 0;
  const usesExternalTrafficChain = hasEndpoints && externallyAccessible;
  const usesFWChain = hasEndpoints && sp.loadBalancerVIPs.length > 0 && sp.loadBalancerSourceRanges.length > 0;
  const loadBalancerTrafficChain = usesFWChain ? sp.firewallChain : sp.externalChain;

  let internalFilter: { target: Target; comment: string } | undefined;
  let externalFilter: { target: Target; comment: string } | undefined;
  if (!hasEndpoints) {
    internalFilter = externalFilter = { target: { type: 'REJECT' }, comment: `${name} has no endpoints` };
  } else {
    if (!hasInternalEndpoints) internalFilter = { target: { type: 'DROP' }, comment: `${name} has no local endpoints` };
    if (!hasExternalEndpoints) externalFilter = { target: { type: 'DROP' }, comment: `${name} has no local endpoints` };
  }
  const toPort = (port: number): RulePart[] => l4(proto, port);

  // Capture the ClusterIP.
  if (hasInternalEndpoints) {
    out.natServices.push(rule(KUBE_SERVICES, [comment(`${name} cluster IP`), ...toPort(sp.port), dst(sp.clusterIP)], jump(internalTrafficChain)));
  } else if (internalFilter) {
    out.filterServices.push(rule(KUBE_SERVICES, [comment(internalFilter.comment), ...toPort(sp.port), dst(sp.clusterIP)], internalFilter.target));
  }

  // Capture external IPs.
  for (const ip of sp.externalIPs) {
    if (hasEndpoints) out.natServices.push(rule(KUBE_SERVICES, [comment(`${name} external IP`), ...toPort(sp.port), dst(ip)], jump(sp.externalChain)));
    if (externalFilter) out.filterExternalServices.push(rule(KUBE_EXTERNAL_SERVICES, [comment(externalFilter.comment), ...toPort(sp.port), dst(ip)], externalFilter.target));
  }

  // Capture load-balancer ingress.
  for (const ip of sp.loadBalancerVIPs) {
    if (hasEndpoints) out.natServices.push(rule(KUBE_SERVICES, [comment(`${name} loadbalancer IP`), ...toPort(sp.port), dst(ip)], jump(loadBalancerTrafficChain)));
    if (usesFWChain) {
      out.filterFirewall.push(
        rule(KUBE_PROXY_FIREWALL, [comment(`${name} traffic not accepted by ${sp.firewallChain}`), ...toPort(sp.port), dst(ip)], { type: 'DROP' }),
      );
    }
  }
  if (externalFilter) {
    for (const ip of sp.loadBalancerVIPs) {
      out.filterExternalServices.push(rule(KUBE_EXTERNAL_SERVICES, [comment(externalFilter.comment), ...toPort(sp.port), dst(ip)], externalFilter.target));
    }
  }

  // Capture the NodePort. The localhost variant needs an nfacct counter,
  // which kind's node containers do not get; it is left out (uncertain).
  if (sp.nodePort !== 0) {
    if (hasEndpoints) out.natNodePorts.push(rule(KUBE_NODEPORTS, [comment(name), ...toPort(sp.nodePort)], jump(sp.externalChain)));
    if (externalFilter) {
      out.filterExternalServices.push(
        rule(
          KUBE_EXTERNAL_SERVICES,
          [comment(externalFilter.comment), { module: 'addrtype', dstType: 'LOCAL' }, ...toPort(sp.nodePort)],
          externalFilter.target,
        ),
      );
    }
  }

  if (sp.healthCheckNodePort !== 0) {
    out.filterNodePorts.push(
      rule(KUBE_NODEPORTS, [comment(`${name} health check node port`), ...l4('tcp', sp.healthCheckNodePort)], { type: 'ACCEPT' }),
    );
  }

  const markMasq = jump(KUBE_MARK_MASQ);

  // Internal traffic: masquerade what comes from outside the pod network.
  // The rule lives in the internal traffic chain, written before that chain's endpoint rules.
  const internalMasq: Rule[] = [];
  if (hasInternalEndpoints) {
    const args: RulePart[] = [comment(`${name} cluster IP`), ...toPort(sp.port), dst(sp.clusterIP)];
    if (config.masqueradeAll) internalMasq.push(rule(internalTrafficChain, args, markMasq));
    else internalMasq.push(rule(internalTrafficChain, [...args, src(config.clusterCIDR, true)], markMasq));
  }

  if (usesExternalTrafficChain) {
    const ext = sp.externalChain;
    const rules: Rule[] = [];
    if (!sp.externalPolicyLocal) {
      rules.push(rule(ext, [comment(`masquerade traffic for ${name} external destinations`)], markMasq));
    } else {
      rules.push(rule(ext, [comment(`pod traffic for ${name} external destinations`), src(config.clusterCIDR)], jump(sp.clusterChain)));
      rules.push(rule(ext, [comment(`masquerade LOCAL traffic for ${name} external destinations`), { module: 'addrtype', srcType: 'LOCAL' }], markMasq));
      rules.push(rule(ext, [comment(`route LOCAL traffic for ${name} external destinations`), { module: 'addrtype', srcType: 'LOCAL' }], jump(sp.clusterChain)));
    }
    if (hasExternalEndpoints) rules.push(rule(ext, [], jump(externalPolicyChain)));
    out.natChains.push([ext, rules]);
  }

  if (usesFWChain) {
    const fw = sp.firewallChain;
    const rules = sp.loadBalancerSourceRanges.map((cidr) => rule(fw, [comment(`${name} loadbalancer IP`), src(cidr)], jump(sp.externalChain)));
    // A VIP-like load balancer loops the node's own requests back with the VIP as source: let those in too.
    if (nodeIP && sp.loadBalancerSourceRanges.some((cidr) => inCidr(nodeIP, cidr))) {
      for (const ip of sp.loadBalancerVIPs) rules.push(rule(fw, [comment(`${name} loadbalancer IP`), src(ip)], jump(sp.externalChain)));
    }
    rules.push(rule(fw, [comment(`other traffic to ${name} will be dropped by KUBE-PROXY-FIREWALL`)]));
    out.natChains.push([fw, rules]);
  }

  // The internal masquerade rule is written into internalTrafficChain before
  // its chain line is, but iptables-restore groups rules by chain anyway.
  const chainRules = new Map<string, Rule[]>();
  if (internalMasq.length > 0) chainRules.set(internalTrafficChain, internalMasq);
  if (usesClusterPolicyChain) {
    const rules = [...(chainRules.get(sp.clusterChain) ?? []), ...endpointRules(sp, sp.clusterChain, eps.cluster, largeClusterMode)];
    out.natChains.push([sp.clusterChain, rules]);
    chainRules.delete(sp.clusterChain);
  }
  if (usesLocalPolicyChain) {
    const rules = [...(chainRules.get(sp.localChain) ?? []), ...endpointRules(sp, sp.localChain, eps.local, largeClusterMode)];
    out.natChains.push([sp.localChain, rules]);
    chainRules.delete(sp.localChain);
  }
  // A masquerade rule for a chain that is not created this sync would be an
  // iptables-restore error in kube-proxy; it cannot happen (hasInternalEndpoints
  // implies the chain's endpoints exist), so anything left is dropped.

  for (const ep of eps.allReachable) {
    const base: RulePart[] = largeClusterMode ? [] : [comment(name)];
    const rules = [rule(ep.chain, [...base, src(ep.ip)], markMasq)];
    const dnat: RulePart[] = [...base];
    if (sp.sessionAffinityClientIP) dnat.push({ module: 'recent', action: 'set', name: ep.chain });
    dnat.push(...l4(proto));
    rules.push(rule(ep.chain, dnat, { type: 'DNAT', to: ep.endpoint }));
    out.natChains.push([ep.chain, rules]);
  }
  return out;
}

/** writeServiceToEndpointRules: affinity checks first, then one probabilistic jump per endpoint. */
function endpointRules(sp: ServicePortInfo, chain: string, endpoints: EndpointInfo[], largeClusterMode: boolean): Rule[] {
  const rules: Rule[] = [];
  const note = (ep: EndpointInfo): RulePart[] => (largeClusterMode ? [] : [comment(`${sp.name} -> ${ep.endpoint}`)]);
  if (sp.sessionAffinityClientIP) {
    for (const ep of endpoints) {
      rules.push(
        rule(chain, [...note(ep), { module: 'recent', action: 'rcheck', name: ep.chain, seconds: sp.stickyMaxAgeSeconds, reap: true }], jump(ep.chain)),
      );
    }
  }
  const n = endpoints.length;
  endpoints.forEach((ep, i) => {
    const parts = note(ep);
    if (i < n - 1) parts.push({ module: 'statistic', probability: writtenProbability(n - i) });
    rules.push(rule(chain, parts, jump(ep.chain)));
  });
  return rules;
}
