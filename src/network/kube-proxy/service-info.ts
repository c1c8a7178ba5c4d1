import type { EndpointSlice, Service } from '../../cluster/api/types';
import { clusterPolicyChain, endpointChain, externalChain, firewallChain, localPolicyChain, servicePortName } from './chain-names';
import type { Protocol } from './rules';

/**
 * What kube-proxy keeps of a Service port (pkg/proxy/serviceport.go,
 * newBaseServiceInfo) and of its endpoints (pkg/proxy/endpointslicecache.go).
 * IPv4 only: the simulated cluster is single-stack.
 */
export interface ServicePortInfo {
  /** "ns/name:port" (or "ns/name"): comments and hash input. */
  name: string;
  /** "ns/name": the Service this port belongs to. */
  service: string;
  portName: string;
  protocol: Protocol;
  clusterIP: string;
  port: number;
  nodePort: number;
  externalIPs: string[];
  loadBalancerVIPs: string[];
  loadBalancerSourceRanges: string[];
  healthCheckNodePort: number;
  sessionAffinityClientIP: boolean;
  stickyMaxAgeSeconds: number;
  internalPolicyLocal: boolean;
  externalPolicyLocal: boolean;
  clusterChain: string;
  localChain: string;
  externalChain: string;
  firewallChain: string;
}

export interface EndpointInfo {
  ip: string;
  port: number;
  /** "ip:port", kube-proxy's endpoint string. */
  endpoint: string;
  nodeName?: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  chain: string;
}

/** The default ClientIP affinity timeout (v1.DefaultClientIPServiceAffinitySeconds). */
const DEFAULT_AFFINITY_SECONDS = 10800;

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** The proxied ports of a Service; none for headless and ExternalName Services, which kube-proxy skips. */
export function servicePorts(svc: Service): ServicePortInfo[] {
  const clusterIP = svc.spec.clusterIP;
  if (!clusterIP || clusterIP === 'None' || svc.spec.type === 'ExternalName' || !IPV4.test(clusterIP)) return [];
  const namespace = svc.metadata.namespace ?? 'default';
  const type = svc.spec.type ?? 'ClusterIP';
  const externalIPs = (svc.spec.externalIPs ?? []).filter((ip) => IPV4.test(ip));
  const loadBalancerVIPs =
    type === 'LoadBalancer' ? (svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? '').filter((ip) => IPV4.test(ip)) : [];
  const out: ServicePortInfo[] = [];
  for (const port of svc.spec.ports ?? []) {
    const protocol = (port.protocol ?? 'TCP').toLowerCase() as Protocol;
    const name = servicePortName(namespace, svc.metadata.name, port.name);
    const nodePort = type === 'NodePort' || type === 'LoadBalancer' ? (port.nodePort ?? 0) : 0;
    const externallyAccessible = nodePort !== 0 || loadBalancerVIPs.length > 0 || externalIPs.length > 0;
    const externalPolicyLocal = externallyAccessible && svc.spec.externalTrafficPolicy === 'Local';
    out.push({
      name,
      service: `${namespace}/${svc.metadata.name}`,
      portName: port.name ?? '',
      protocol,
      clusterIP,
      port: port.port,
      nodePort,
      externalIPs,
      loadBalancerVIPs,
      loadBalancerSourceRanges: type === 'LoadBalancer' ? (svc.spec.loadBalancerSourceRanges ?? []) : [],
      healthCheckNodePort: externalPolicyLocal && type === 'LoadBalancer' ? (svc.spec.healthCheckNodePort ?? 0) : 0,
      sessionAffinityClientIP: svc.spec.sessionAffinity === 'ClientIP',
      stickyMaxAgeSeconds: svc.spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_SECONDS,
      internalPolicyLocal: svc.spec.internalTrafficPolicy === 'Local',
      externalPolicyLocal,
      clusterChain: clusterPolicyChain(name, protocol),
      localChain: localPolicyChain(name, protocol),
      externalChain: externalChain(name, protocol),
      firewallChain: firewallChain(name, protocol),
    });
  }
  return out;
}

export function externallyAccessible(sp: ServicePortInfo): boolean {
  return sp.nodePort !== 0 || sp.loadBalancerVIPs.length > 0 || sp.externalIPs.length > 0;
}

/** The Cluster chain is needed unless internal policy is Local and nothing external reaches the port. */
export function usesClusterEndpoints(sp: ServicePortInfo): boolean {
  return !sp.internalPolicyLocal || externallyAccessible(sp);
}

export function usesLocalEndpoints(sp: ServicePortInfo): boolean {
  return sp.internalPolicyLocal || (sp.externalPolicyLocal && externallyAccessible(sp));
}

/**
 * The endpoints of one service port from its Service's EndpointSlices:
 * matched by port name and protocol, de-duplicated by "ip:port" and sorted
 * as strings (endpointslicecache's byEndpoint), so "10.244.10.5:80" comes
 * before "10.244.2.3:80".
 */
export function portEndpoints(sp: ServicePortInfo, slices: Iterable<EndpointSlice>): EndpointInfo[] {
  const byEndpoint = new Map<string, EndpointInfo>();
  for (const slice of slices) {
    if (slice.addressType !== 'IPv4') continue;
    for (const port of slice.ports ?? []) {
      if ((port.name ?? '') !== sp.portName || (port.protocol ?? 'TCP').toLowerCase() !== sp.protocol) continue;
      if (port.port === undefined || port.port === null) continue;
      for (const ep of slice.endpoints ?? []) {
        const ip = ep.addresses[0];
        if (!ip) continue;
        const endpoint = `${ip}:${port.port}`;
        if (byEndpoint.has(endpoint)) continue;
        byEndpoint.set(endpoint, {
          ip,
          port: port.port,
          endpoint,
          nodeName: ep.nodeName,
          ready: ep.conditions.ready ?? true,
          serving: ep.conditions.serving ?? true,
          terminating: ep.conditions.terminating ?? false,
          chain: endpointChain(sp.name, sp.protocol, endpoint),
        });
      }
    }
  }
  return [...byEndpoint.values()].sort((a, b) => (a.endpoint < b.endpoint ? -1 : a.endpoint > b.endpoint ? 1 : 0));
}

export interface CategorizedEndpoints {
  cluster: EndpointInfo[];
  local: EndpointInfo[];
  allReachable: EndpointInfo[];
  hasAny: boolean;
}

/**
 * proxy.CategorizeEndpoints (pkg/proxy/topology.go) without topology
 * hints, which the simulation does not model: ready endpoints, falling
 * back to serving-and-terminating ones when none is ready.
 */
export function categorizeEndpoints(sp: ServicePortInfo, endpoints: EndpointInfo[], node: string): CategorizedEndpoints {
  let cluster: EndpointInfo[] = [];
  let local: EndpointInfo[] = [];
  let hasAny = false;
  const servingTerminating = (ep: EndpointInfo) => ep.serving && ep.terminating;
  if (usesClusterEndpoints(sp)) {
    cluster = endpoints.filter((ep) => ep.ready);
    if (cluster.length === 0) cluster = endpoints.filter(servingTerminating);
    if (cluster.length > 0) hasAny = true;
  }
  if (!usesLocalEndpoints(sp)) return { cluster, local, allReachable: cluster, hasAny };

  let localReady = false;
  let localServingTerminating = false;
  for (const ep of endpoints) {
    const isLocal = ep.nodeName === node;
    if (ep.ready) {
      hasAny = true;
      if (isLocal) localReady = true;
    } else if (servingTerminating(ep)) {
      hasAny = true;
      if (isLocal) localServingTerminating = true;
    }
  }
  let usesServingTerminating = false;
  if (localReady) local = endpoints.filter((ep) => ep.nodeName === node && ep.ready);
  else if (localServingTerminating) {
    usesServingTerminating = true;
    local = endpoints.filter((ep) => ep.nodeName === node && servingTerminating(ep));
  }
  if (!usesClusterEndpoints(sp)) return { cluster, local, allReachable: local, hasAny };
  if (!usesServingTerminating) return { cluster, local, allReachable: cluster, hasAny };
  const merged = new Map<string, EndpointInfo>();
  for (const ep of [...cluster, ...local]) merged.set(ep.endpoint, ep);
  return { cluster, local, allReachable: [...merged.values()], hasAny };
}
