import type { Cluster } from '../../cluster/cluster';
import type { EndpointSlice, Service } from '../../cluster/api/types';
import {
  addressOfDashedLabel,
  addressOfReverseName,
  canonicalName,
  dashedIP,
  endpointName,
  serviceName,
} from './names';

/**
 * What CoreDNS's kubernetes plugin answers, read straight from the store:
 * Services, EndpointSlices and namespaces. The Corefile is kubeadm's
 * (`pods insecure`, `fallthrough in-addr.arpa ip6.arpa`, `ttl 30`); names
 * outside the cluster zone go to the node's upstream resolver.
 */

export type QType = 'A' | 'AAAA' | 'CNAME' | 'SRV' | 'PTR' | 'TXT' | 'MX' | 'NS' | 'SOA' | 'ANY';
export const QTYPES: readonly QType[] = ['A', 'AAAA', 'CNAME', 'SRV', 'PTR', 'TXT', 'MX', 'NS', 'SOA', 'ANY'];

export interface ResourceRecord {
  /** Owner name, canonical (no trailing dot). */
  name: string;
  type: 'A' | 'CNAME' | 'PTR' | 'SRV';
  ttl: number;
  /** A: the address; CNAME/PTR: the target name; SRV: `priority weight port target`. */
  data: string;
}

export type Rcode = 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL';

export interface DnsReply {
  rcode: Rcode;
  answers: ResourceRecord[];
  /** Whether a cluster zone answered (CoreDNS sets AA there); upstream answers are not authoritative. */
  authoritative: boolean;
}

/** The kubernetes plugin's `ttl 30` from kubeadm's Corefile. */
const TTL = 30;

const nxdomain = (authoritative: boolean): DnsReply => ({ rcode: 'NXDOMAIN', answers: [], authoritative });
const nodata = (): DnsReply => ({ rcode: 'NOERROR', answers: [], authoritative: true });
const answer = (answers: ResourceRecord[], authoritative = true): DnsReply => ({ rcode: 'NOERROR', answers, authoritative });

/** The answer CoreDNS gives for one question. */
export function answerQuestion(cluster: Cluster, qname: string, qtype: QType, depth = 0): DnsReply {
  const name = canonicalName(qname);
  const zone = cluster.config.clusterDomain;
  if (name.endsWith('.in-addr.arpa')) return reverse(cluster, name, qtype);
  if (name !== zone && !name.endsWith(`.${zone}`)) return upstream(cluster, name, qtype);
  const labels = name === zone ? [] : name.slice(0, -(zone.length + 1)).split('.');
  const kind = labels[labels.length - 1];
  if (labels.length === 0 || (labels.length === 1 && (kind === 'svc' || kind === 'pod'))) return nodata();
  if (kind === 'svc') return serviceZone(cluster, labels.slice(0, -1), qtype, depth);
  if (kind === 'pod') return podZone(cluster, labels.slice(0, -1), name, qtype);
  return nxdomain(true);
}

/** Whether a namespace exists: CoreDNS answers only for namespaces it knows. */
function namespaceExists(cluster: Cluster, ns: string): boolean {
  return cluster.store.get('Namespace', undefined, ns) !== undefined;
}

function serviceZone(cluster: Cluster, labels: string[], qtype: QType, depth: number): DnsReply {
  const zone = cluster.config.clusterDomain;
  // <ns>.svc: the namespace exists, but owns no records itself.
  if (labels.length === 1) return namespaceExists(cluster, labels[0]!) ? nodata() : nxdomain(true);
  const [ns, svcName] = [labels[labels.length - 1]!, labels[labels.length - 2]!];
  const svc = cluster.store.get('Service', ns, svcName);
  if (!svc) return nxdomain(true);
  const fqdn = serviceName(svcName, ns, zone);
  if (labels.length === 2) return serviceRecord(cluster, svc, fqdn, qtype, depth);
  if (labels.length === 3) return endpointRecord(cluster, svc, labels[0]!, fqdn, qtype);
  if (labels.length === 4 && labels[0]!.startsWith('_') && labels[1]!.startsWith('_')) {
    return srvRecord(cluster, svc, labels[0]!.slice(1), labels[1]!.slice(1), fqdn, qtype);
  }
  return nxdomain(true);
}

function isHeadless(svc: Service): boolean {
  return svc.spec.clusterIP === 'None';
}

/** A Service's own name: its ClusterIP, its ready endpoints (headless), or a CNAME (ExternalName). */
function serviceRecord(cluster: Cluster, svc: Service, fqdn: string, qtype: QType, depth: number): DnsReply {
  if (svc.spec.type === 'ExternalName') {
    if (qtype !== 'A' && qtype !== 'AAAA' && qtype !== 'CNAME' && qtype !== 'ANY') return nodata();
    const target = canonicalName(svc.spec.externalName ?? '');
    const cname: ResourceRecord = { name: fqdn, type: 'CNAME', ttl: TTL, data: target };
    // CoreDNS follows the target itself, so the client gets CNAME and addresses together.
    // A chain of ExternalNames pointing at each other stops after a few links.
    const followed = qtype === 'CNAME' || depth >= 8 ? undefined : answerQuestion(cluster, target, qtype, depth + 1);
    return answer([cname, ...(followed?.rcode === 'NOERROR' ? followed.answers : [])]);
  }
  if (qtype === 'SRV') return srvRecord(cluster, svc, undefined, undefined, fqdn, qtype);
  if (isHeadless(svc)) {
    const endpoints = readyEndpoints(cluster, svc);
    if (endpoints.length === 0) return nxdomain(true);
    if (qtype !== 'A' && qtype !== 'ANY') return nodata();
    return answer(uniqueAddresses(endpoints).map((ip) => ({ name: fqdn, type: 'A', ttl: TTL, data: ip })));
  }
  if (qtype !== 'A' && qtype !== 'ANY') return nodata();
  return answer([{ name: fqdn, type: 'A', ttl: TTL, data: svc.spec.clusterIP ?? '' }]);
}

/** `<host>.<svc>.<ns>.svc`: an endpoint by its hostname, or by its dashed IP when it has none. */
function endpointRecord(cluster: Cluster, svc: Service, label: string, fqdn: string, qtype: QType): DnsReply {
  const matches = readyEndpoints(cluster, svc).filter((e) => endpointLabel(e) === label);
  if (matches.length === 0) return nxdomain(true);
  if (qtype !== 'A' && qtype !== 'ANY') return nodata();
  return answer(uniqueAddresses(matches).map((ip) => ({ name: `${label}.${fqdn}`, type: 'A', ttl: TTL, data: ip })));
}

/**
 * SRV: `_<port>._<proto>.<svc>.<ns>.svc` for one named port, or the Service
 * name itself for all its ports; one record per port (ClusterIP) or per
 * endpoint and port (headless). CoreDNS splits weight 100 among records
 * of one priority: floor(100 / n).
 */
function srvRecord(cluster: Cluster, svc: Service, portName: string | undefined, proto: string | undefined, fqdn: string, qtype: QType): DnsReply {
  const ports = (svc.spec.ports ?? []).filter((p) => (portName === undefined || p.name === portName) && (proto === undefined || p.protocol.toLowerCase() === proto));
  if (ports.length === 0) return nxdomain(true);
  const name = portName === undefined ? fqdn : `_${portName}._${proto}.${fqdn}`;
  if (qtype !== 'SRV' && qtype !== 'ANY') return nodata();
  const targets: { host: string; port: number }[] = [];
  for (const port of ports) {
    if (!isHeadless(svc)) {
      targets.push({ host: fqdn, port: port.port });
      continue;
    }
    for (const { endpoint, slice } of readyEndpointsWithSlice(cluster, svc)) {
      const sp = slice.ports?.find((p) => (p.name ?? '') === (port.name ?? '') && (p.protocol ?? 'TCP') === port.protocol);
      if (sp?.port !== undefined) targets.push({ host: `${endpointLabel(endpoint)}.${fqdn}`, port: sp.port });
    }
  }
  if (targets.length === 0) return nxdomain(true);
  const weight = Math.floor(100 / targets.length);
  return answer(targets.map((t) => ({ name, type: 'SRV', ttl: TTL, data: `0 ${weight} ${t.port} ${t.host}` })));
}

/** `<a-b-c-d>.<ns>.pod`: with `pods insecure` any well-formed address answers, if the namespace exists. */
function podZone(cluster: Cluster, labels: string[], fqdn: string, qtype: QType): DnsReply {
  if (labels.length !== 2) return labels.length === 1 && namespaceExists(cluster, labels[0]!) ? nodata() : nxdomain(true);
  const ip = addressOfDashedLabel(labels[0]!);
  if (!ip || !namespaceExists(cluster, labels[1]!)) return nxdomain(true);
  if (qtype !== 'A' && qtype !== 'ANY') return nodata();
  return answer([{ name: fqdn, type: 'A', ttl: TTL, data: ip }]);
}

/** PTR: a ClusterIP names its Service, an endpoint address its endpoint name; others fall through upstream. */
function reverse(cluster: Cluster, name: string, qtype: QType): DnsReply {
  const ip = addressOfReverseName(name);
  if (!ip) return upstream(cluster, name, qtype);
  const zone = cluster.config.clusterDomain;
  const targets: string[] = [];
  for (const svc of cluster.store.list('Service')) {
    if (svc.spec.clusterIP === ip) targets.push(serviceName(svc.metadata.name, svc.metadata.namespace ?? '', zone));
  }
  if (targets.length === 0) {
    for (const svc of cluster.store.list('Service')) {
      for (const e of readyEndpoints(cluster, svc)) {
        if (e.addresses.includes(ip)) targets.push(endpointName(endpointLabel(e), svc.metadata.name, svc.metadata.namespace ?? '', zone));
      }
    }
  }
  if (targets.length === 0) return upstream(cluster, name, qtype);
  if (qtype !== 'PTR' && qtype !== 'ANY') return nodata();
  return answer([...new Set(targets)].map((t) => ({ name, type: 'PTR', ttl: TTL, data: t })));
}

/**
 * The node's upstream resolver (kind: Docker's embedded DNS), which knows
 * the node containers by name. The simulated cluster has no Internet, so
 * every other name outside the cluster answers NXDOMAIN.
 */
export function upstream(cluster: Cluster, name: string, qtype: QType): DnsReply {
  const node = cluster.config.nodes.find((n) => n.name === name);
  if (!node) {
    const ip = addressOfReverseName(name);
    const owner = ip ? cluster.config.nodes.find((n) => n.internalIP === ip) : undefined;
    if (owner && (qtype === 'PTR' || qtype === 'ANY')) return answer([{ name, type: 'PTR', ttl: 600, data: owner.name }], false);
    return nxdomain(false);
  }
  if (qtype !== 'A' && qtype !== 'ANY') return { rcode: 'NOERROR', answers: [], authoritative: false };
  return answer([{ name, type: 'A', ttl: 600, data: node.internalIP }], false);
}

// ---------------------------------------------------------------- endpoints

type SliceEndpoint = NonNullable<EndpointSlice['endpoints']>[number];

/** The label an endpoint answers to: its hostname, else its address dashed (CoreDNS endpointHostname). */
export function endpointLabel(e: SliceEndpoint): string {
  return e.hostname ?? dashedIP(e.addresses[0] ?? '');
}

/** The EndpointSlices of a Service, by the kubernetes.io/service-name label. */
export function slicesOf(cluster: Cluster, svc: Service): EndpointSlice[] {
  return cluster.store
    .list('EndpointSlice', svc.metadata.namespace)
    .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name && s.addressType === 'IPv4');
}

function readyEndpointsWithSlice(cluster: Cluster, svc: Service): { endpoint: SliceEndpoint; slice: EndpointSlice }[] {
  const out: { endpoint: SliceEndpoint; slice: EndpointSlice }[] = [];
  // The controller already counts not-ready pods as ready when publishNotReadyAddresses is set.
  for (const slice of slicesOf(cluster, svc)) for (const endpoint of slice.endpoints ?? []) if (endpoint.conditions.ready !== false) out.push({ endpoint, slice });
  return out;
}

export function readyEndpoints(cluster: Cluster, svc: Service): SliceEndpoint[] {
  return readyEndpointsWithSlice(cluster, svc).map((e) => e.endpoint);
}

function uniqueAddresses(endpoints: SliceEndpoint[]): string[] {
  return [...new Set(endpoints.flatMap((e) => e.addresses))];
}
