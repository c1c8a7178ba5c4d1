/**
 * The fixed facts of one simulated cluster, taken from its scenario:
 * what kubeadm's config and the kubelet flags would say on a real one.
 */
export interface NodeConfig {
  name: string;
  internalIP: string;
  podCIDR: string;
  /** `control-plane` gives the node-role label and, unless `taints` says otherwise, the NoSchedule taint. */
  roles: string[];
  taints: { key: string; value?: string; effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute' }[];
  labels: Record<string, string>;
  /** Seconds after boot that the node joins (kind joins its workers after the control plane is up). */
  joinAfterSeconds?: number;
}

export interface ClusterConfig {
  kubernetesVersion: string;
  clusterDomain: string;
  /** The Service CIDR: ClusterIPs come from here, the first address going to `kubernetes`. */
  serviceCIDR: string;
  /** The cluster-wide pod CIDR (kube-proxy's --cluster-cidr), split into node podCIDRs. */
  clusterCIDR: string;
  clusterDNS: string;
  nodePortRange: { min: number; max: number };
  proxyMode: 'iptables' | 'ipvs';
  nodes: NodeConfig[];
  /**
   * A MetalLB-like L2 load balancer's address pool (an IPAddressPool's
   * spec.addresses: `a.b.c.d-e.f.g.h` ranges or CIDRs); absent, LoadBalancer
   * Services stay `<pending>` as on kind without a cloud provider.
   */
  loadBalancerPool?: string[];
  /** The apiserver's advertise address, the `kubernetes` Service's endpoint. */
  apiServerEndpoint: { ip: string; port: number };
}
