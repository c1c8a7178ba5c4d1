import type { Cluster } from '../../cluster/cluster';
import type { Pod } from '../../cluster/api/types';

/**
 * /etc/resolv.conf as the kubelet computes it (pkg/kubelet/network/dns)
 * and the container runtime writes it: `search`, then `nameserver` lines,
 * then `options`, each line only when it has something to say.
 */
export interface ResolvConf {
  nameservers: string[];
  searches: string[];
  options: string[];
}

/** The kubelet's limits: 3 nameservers, 32 search domains. */
const MAX_NAMESERVERS = 3;
const MAX_SEARCHES = 32;

/**
 * A kind node's own resolv.conf: Docker's embedded resolver reached through
 * the node network's gateway (x.y.z.1 of the node's /24), ndots:0.
 * Uncertain: kind rewrites Docker's 127.0.0.11 and the exact file varies by version.
 */
export function nodeResolvConf(cluster: Cluster, nodeName: string): ResolvConf {
  const node = cluster.config.nodes.find((n) => n.name === nodeName) ?? cluster.config.nodes[0];
  const gateway = node ? node.internalIP.replace(/\.\d+$/, '.1') : '127.0.0.11';
  return { nameservers: [gateway], searches: [], options: ['ndots:0'] };
}

type PodDNSType = 'cluster' | 'host' | 'none';

/** getPodDNSType: ClusterFirst on the host network behaves as Default unless it is ClusterFirstWithHostNet. */
function podDNSType(pod: Pod): PodDNSType {
  switch (pod.spec.dnsPolicy ?? 'ClusterFirst') {
    case 'None':
      return 'none';
    case 'Default':
      return 'host';
    case 'ClusterFirstWithHostNet':
      return 'cluster';
    default:
      return pod.spec.hostNetwork ? 'host' : 'cluster';
  }
}

/** The resolv.conf a pod's containers see. */
export function podResolvConf(cluster: Cluster, pod: Pod): ResolvConf {
  const host = nodeResolvConf(cluster, pod.spec.nodeName ?? '');
  const ns = pod.metadata.namespace ?? 'default';
  const domain = cluster.config.clusterDomain;
  let conf: ResolvConf;
  switch (podDNSType(pod)) {
    case 'none':
      conf = { nameservers: [], searches: [], options: [] };
      break;
    case 'host':
      conf = { nameservers: [...host.nameservers], searches: [...host.searches], options: [...host.options] };
      break;
    case 'cluster':
      conf = {
        nameservers: [cluster.config.clusterDNS],
        searches: [`${ns}.svc.${domain}`, `svc.${domain}`, domain, ...host.searches],
        options: ['ndots:5'],
      };
      break;
  }
  return limit(appendDNSConfig(conf, pod.spec.dnsConfig));
}

/** appendDNSConfig: the pod's dnsConfig adds nameservers and searches (deduplicated) and overrides options by name. */
function appendDNSConfig(conf: ResolvConf, extra: Pod['spec']['dnsConfig']): ResolvConf {
  if (!extra) return conf;
  const nameservers = dedupe([...conf.nameservers, ...(extra.nameservers ?? [])]);
  const searches = dedupe([...conf.searches, ...(extra.searches ?? [])]);
  const options = new Map<string, string>();
  for (const o of conf.options) {
    const [name, value] = splitOption(o);
    options.set(name, value === undefined ? name : `${name}:${value}`);
  }
  for (const o of extra.options ?? []) options.set(o.name, o.value === undefined || o.value === '' ? o.name : `${o.name}:${o.value}`);
  return { nameservers, searches, options: [...options.values()] };
}

function limit(conf: ResolvConf): ResolvConf {
  return { ...conf, nameservers: conf.nameservers.slice(0, MAX_NAMESERVERS), searches: conf.searches.slice(0, MAX_SEARCHES) };
}

function dedupe(list: string[]): string[] {
  return [...new Set(list)];
}

function splitOption(o: string): [string, string | undefined] {
  const i = o.indexOf(':');
  return i === -1 ? [o, undefined] : [o.slice(0, i), o.slice(i + 1)];
}

/** The file's text, in containerd's line order. */
export function renderResolvConf(conf: ResolvConf): string {
  let out = '';
  if (conf.searches.length > 0) out += `search ${conf.searches.join(' ')}\n`;
  for (const ns of conf.nameservers) out += `nameserver ${ns}\n`;
  if (conf.options.length > 0) out += `options ${conf.options.join(' ')}\n`;
  return out;
}

/** The ndots option, 1 when absent (the resolver's default). */
export function ndotsOf(conf: ResolvConf): number {
  for (const o of conf.options) {
    const [name, value] = splitOption(o);
    if (name === 'ndots' && value !== undefined && /^\d+$/.test(value)) return Math.min(Number(value), 15);
  }
  return 1;
}
