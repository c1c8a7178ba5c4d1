import { sha256 } from '../../cluster/util/sha256';

/**
 * kube-proxy's chain names (pkg/proxy/iptables/proxier.go): one hash
 * helper and a block of prefixes. Inputs are concatenated with no
 * separator: "ns/name:port" + lowercase protocol [+ "ip:port"].
 */

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 (Go's base32.StdEncoding), without padding: only the first 16 characters are ever used. */
export function base32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out;
}

/** The 16-character hash shared by a service port's SVC, SVL, EXT and FW chains (portProtoHash). */
export function portProtoHash(servicePortName: string, protocol: string): string {
  return base32(sha256(servicePortName + protocol)).slice(0, 16);
}

/** KUBE-SVC-: the service port's endpoints under the Cluster traffic policy. */
export function clusterPolicyChain(servicePortName: string, protocol: string): string {
  return `KUBE-SVC-${portProtoHash(servicePortName, protocol)}`;
}

/** KUBE-SVL-: the node-local endpoints, for a Local internal or external traffic policy. */
export function localPolicyChain(servicePortName: string, protocol: string): string {
  return `KUBE-SVL-${portProtoHash(servicePortName, protocol)}`;
}

/** KUBE-EXT-: where NodePort, external-IP and load-balancer traffic enters. */
export function externalChain(servicePortName: string, protocol: string): string {
  return `KUBE-EXT-${portProtoHash(servicePortName, protocol)}`;
}

/** KUBE-FW-: the loadBalancerSourceRanges filter. */
export function firewallChain(servicePortName: string, protocol: string): string {
  return `KUBE-FW-${portProtoHash(servicePortName, protocol)}`;
}

/** KUBE-SEP-: one endpoint ("ip:port") of a service port. */
export function endpointChain(servicePortName: string, protocol: string, endpoint: string): string {
  return `KUBE-SEP-${base32(sha256(servicePortName + protocol + endpoint)).slice(0, 16)}`;
}

/** ServicePortName.String(): "ns/name:port", or "ns/name" when the port is unnamed. */
export function servicePortName(namespace: string, name: string, portName: string | undefined): string {
  return portName ? `${namespace}/${name}:${portName}` : `${namespace}/${name}`;
}
