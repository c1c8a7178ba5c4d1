import type { Cluster } from '../../cluster/cluster';
import type { Pod } from '../../cluster/api/types';
import type { HostsEntry } from '../dns/resolver';

/**
 * /etc/hosts as the kubelet writes it (pkg/kubelet/kubelet_pods.go
 * managedHostsFileContent): the header, the fixed loopback lines, then the
 * pod's own address with its FQDN when it has hostname + subdomain.
 * hostNetwork pods get the node's file under a different header.
 */
export function renderHostsFile(cluster: Cluster, pod: Pod): string {
  if (pod.spec.hostNetwork) {
    const node = cluster.config.nodes.find((n) => n.name === pod.spec.nodeName);
    // The node's own file as kind writes it; uncertain beyond the header.
    let out = '# Kubernetes-managed hosts file (host network).\n';
    out += '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::\tip6-localnet\nff00::\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n';
    if (node) out += `${node.internalIP}\t${node.name}\n`;
    return out + hostAliasLines(pod);
  }
  let out = '# Kubernetes-managed hosts file.\n';
  out += '127.0.0.1\tlocalhost\n';
  out += '::1\tlocalhost ip6-localhost ip6-loopback\n';
  out += 'fe00::0\tip6-localnet\n';
  out += 'fe00::0\tip6-mcastprefix\n';
  out += 'fe00::1\tip6-allnodes\n';
  out += 'fe00::2\tip6-allrouters\n';
  const ip = pod.status?.podIP;
  if (ip) out += `${ip}\t${podHostnameLine(cluster, pod)}\n`;
  return out + hostAliasLines(pod);
}

/** spec.hostAliases: a blank line, a header, then one line per IP with its names tab-separated. */
function hostAliasLines(pod: Pod): string {
  const aliases = (pod.spec.hostAliases ?? []) as { ip?: string; hostnames?: string[] }[];
  if (aliases.length === 0) return '';
  return `\n# Entries added by HostAliases.\n${aliases.map((a) => `${a.ip ?? ''}\t${(a.hostnames ?? []).join('\t')}\n`).join('')}`;
}

/** `fqdn\thostname` when the pod has a subdomain, else just the hostname. */
function podHostnameLine(cluster: Cluster, pod: Pod): string {
  const hostname = podHostname(pod);
  if (pod.spec.subdomain) return `${hostname}.${pod.spec.subdomain}.${pod.metadata.namespace}.svc.${cluster.config.clusterDomain}\t${hostname}`;
  return hostname;
}

/** The pod's hostname: spec.hostname, else its name (truncated to 63 characters, as the kubelet does). */
export function podHostname(pod: Pod): string {
  return (pod.spec.hostname ?? pod.metadata.name).slice(0, 63).replace(/[-.]+$/, '');
}

/** The IPv4 entries of the pod's hosts file, for the resolver. */
export function hostsEntries(cluster: Cluster, pod: Pod): HostsEntry[] {
  const out: HostsEntry[] = [];
  for (const line of renderHostsFile(cluster, pod).split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const [ip, ...names] = line.split(/\s+/).filter(Boolean);
    if (ip && /^\d+\.\d+\.\d+\.\d+$/.test(ip)) out.push({ ip, names });
  }
  return out;
}
