import type { Cluster } from '../../cluster/cluster';
import { listOf } from '../connect/address-index';
import { EndpointSliceRouter } from '../connect/service-router';

/**
 * The IPVS virtual servers kube-proxy's ipvs mode programs on a node
 * (pkg/proxy/ipvs/proxier.go syncProxyRules): one per Service port on its
 * ClusterIP and external IPs, and one per NodePort on the node's address;
 * each with the rr scheduler, the ready endpoints as Masq real servers of
 * weight 1, and `persistent <timeout>` for ClientIP affinity. The
 * ClusterIPs are bound to the kube-ipvs0 dummy interface.
 */

export interface RealServer {
  ip: string;
  port: number;
}

export interface VirtualServer {
  protocol: 'TCP' | 'UDP';
  ip: string;
  port: number;
  scheduler: 'rr';
  /** ClientIP affinity: the timeout in seconds. */
  persistent?: number;
  dests: RealServer[];
  /** `ns/name:port`, what the virtual server is for. */
  service: { namespace: string; name: string; port: string };
  via: 'cluster IP' | 'external IP' | 'nodePort';
}

export function virtualServers(cluster: Cluster, node: string): VirtualServer[] {
  const nodeIP = cluster.config.nodes.find((n) => n.name === node)?.internalIP;
  const router = new EndpointSliceRouter(cluster);
  const out: VirtualServer[] = [];
  for (const svc of listOf(cluster, 'Service')) {
    if (svc.spec.type === 'ExternalName' || !svc.spec.clusterIP || svc.spec.clusterIP === 'None') continue;
    const persistent = svc.spec.sessionAffinity === 'ClientIP' ? (svc.spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? 10800) : undefined;
    for (const port of svc.spec.ports ?? []) {
      if ((port.protocol !== 'TCP' && port.protocol !== 'UDP') || port.port === undefined) continue;
      const dests = router.endpoints(svc, port).map((e) => ({ ip: e.ip, port: e.port })).sort((a, b) => ipNumber(a.ip) - ipNumber(b.ip) || a.port - b.port);
      const base = { protocol: port.protocol, scheduler: 'rr' as const, dests, service: { namespace: svc.metadata.namespace ?? '', name: svc.metadata.name, port: port.name ?? '' }, ...(persistent !== undefined ? { persistent } : {}) };
      out.push({ ...base, ip: svc.spec.clusterIP, port: port.port, via: 'cluster IP' });
      for (const ip of svc.spec.externalIPs ?? []) out.push({ ...base, ip, port: port.port, via: 'external IP' });
      if (port.nodePort !== undefined && nodeIP) out.push({ ...base, ip: nodeIP, port: port.nodePort, via: 'nodePort' });
    }
  }
  // ipvsadm sorts by protocol, address, then port.
  return out.sort((a, b) => a.protocol.localeCompare(b.protocol) || ipNumber(a.ip) - ipNumber(b.ip) || a.port - b.port);
}

/** The addresses kube-proxy binds to kube-ipvs0: every ClusterIP and external IP, in address order. */
export function dummyAddresses(cluster: Cluster, node: string): string[] {
  const ips = new Set(virtualServers(cluster, node).filter((v) => v.via !== 'nodePort').map((v) => v.ip));
  return [...ips].sort((a, b) => ipNumber(a) - ipNumber(b));
}

export function ipNumber(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}
