import type { Service } from '../../cluster/api/types';
import { age } from './age';
import { labelsText } from './format';
import type { KindPrinter } from './kind-printer';

/** loadBalancerStatusStringer: ingress IPs (or hostnames), sorted and unique; cut to 16 characters unless wide. */
function loadBalancerText(s: Service, wide: boolean): string {
  const seen = new Set<string>();
  for (const i of s.status?.loadBalancer?.ingress ?? []) {
    if (i.ip) seen.add(i.ip);
    else if (i.hostname) seen.add(i.hostname);
  }
  const text = [...seen].sort().join(',');
  return !wide && text.length > 16 ? `${text.slice(0, 13)}...` : text;
}

/** getServiceExternalIP: what the EXTERNAL-IP column shows for each type. */
export function externalIP(s: Service, wide: boolean): string {
  const external = s.spec.externalIPs ?? [];
  switch (s.spec.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return external.length > 0 ? external.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerText(s, wide);
      if (external.length > 0) return [...(lb ? lb.split(',') : []), ...external].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return s.spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/** makePortString: `80/TCP`, `80:30080/TCP` with a node port, joined with ','. */
export function portsText(s: Service): string {
  const text = (s.spec.ports ?? []).map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`)).join(',');
  return text || '<none>';
}

const HEADERS = ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'];

/** printService; EXTERNAL-IP depends on -o wide (the load-balancer list is cut without it). */
export const servicePrinter: KindPrinter<Service> = {
  headers: (wide) => (wide ? [...HEADERS, 'SELECTOR'] : [...HEADERS]),
  row(s, now, wide) {
    const cells = [s.metadata.name, s.spec.type ?? '', s.spec.clusterIPs?.[0] || '<none>', externalIP(s, wide), portsText(s), age(s.metadata.creationTimestamp, now)];
    return wide ? [...cells, labelsText(s.spec.selector)] : cells;
  },
  nameColumn: () => 0,
};
