import { canonicalName, isIPv4 } from './names';
import type { DnsReply, QType, ResourceRecord } from './records';
import { ndotsOf, type ResolvConf } from './resolv-conf';

/**
 * The stub resolver in a container's C library: /etc/hosts first, then the
 * search list walked as glibc or musl walk it, every query recorded. The
 * network path to the nameserver is the caller's (`DnsTransport`), so a
 * kube-dns without endpoints makes queries time out here.
 */

export type Libc = 'glibc' | 'musl';

/** Sends one question to one server: the reply, or `timeout` when nothing came back. */
export type DnsTransport = (server: string, qname: string, qtype: QType) => DnsReply | 'timeout';

export interface DnsQueryLog {
  name: string;
  type: QType;
  server: string;
  /** The reply; undefined when the query timed out. */
  reply?: DnsReply;
}

export interface HostsEntry {
  ip: string;
  names: string[];
}

export interface Resolution {
  /** The name as the program was given it. */
  input: string;
  status: 'ok' | 'nxdomain' | 'nodata' | 'timeout';
  addresses: string[];
  /** The name that answered (after the search list and any CNAME chain). */
  answeredName?: string;
  answers: ResourceRecord[];
  queries: DnsQueryLog[];
  fromHostsFile: boolean;
  /** Virtual milliseconds spent waiting on servers that never answered. */
  waitedMs: number;
}

/** glibc's and musl's defaults: 5 s a try, 2 tries a server. */
export const DNS_TIMEOUT_MS = 5000;
export const DNS_ATTEMPTS = 2;

/**
 * The names tried, in order. glibc: with at least ndots dots the name as
 * given comes first, then the search list, else the reverse. musl: with
 * at least ndots dots only the name as given. A trailing dot means only
 * the name itself.
 */
export function searchCandidates(name: string, conf: ResolvConf, libc: Libc): string[] {
  if (name.endsWith('.')) return [canonicalName(name)];
  const bare = canonicalName(name);
  const dots = (bare.match(/\./g) ?? []).length;
  const searched = conf.searches.filter((s) => s !== '' && s !== '.').map((s) => `${bare}.${canonicalName(s)}`);
  if (dots >= ndotsOf(conf)) return libc === 'musl' ? [bare] : [bare, ...searched];
  return [...searched, bare];
}

/** Asks the configured servers in order; the first that answers wins. */
export function queryServers(conf: ResolvConf, transport: DnsTransport, name: string, qtype: QType, log: DnsQueryLog[]): { reply?: DnsReply; waitedMs: number } {
  let waitedMs = 0;
  const servers = conf.nameservers.length > 0 ? conf.nameservers : ['127.0.0.1'];
  for (const server of servers) {
    const reply = transport(server, name, qtype);
    if (reply === 'timeout') {
      log.push({ name, type: qtype, server });
      waitedMs += DNS_TIMEOUT_MS * DNS_ATTEMPTS;
      continue;
    }
    log.push({ name, type: qtype, server, reply });
    return { reply, waitedMs };
  }
  return { waitedMs };
}

/** getaddrinfo for IPv4: an address literal, an /etc/hosts entry, or DNS through the search list. */
export function resolveName(name: string, conf: ResolvConf, transport: DnsTransport, libc: Libc, hosts: HostsEntry[] = [], qtype: QType = 'A'): Resolution {
  const base = { input: name, answers: [] as ResourceRecord[], queries: [] as DnsQueryLog[], fromHostsFile: false, waitedMs: 0 };
  if (isIPv4(name)) return { ...base, status: 'ok', addresses: [name], answeredName: name };
  const wanted = canonicalName(name);
  const hostsHit = hosts.filter((h) => h.names.some((n) => canonicalName(n) === wanted) && isIPv4(h.ip));
  if (hostsHit.length > 0 && qtype === 'A') {
    return { ...base, status: 'ok', addresses: hostsHit.map((h) => h.ip), answeredName: wanted, fromHostsFile: true };
  }
  let sawNodata = false;
  for (const candidate of searchCandidates(name, conf, libc)) {
    const { reply, waitedMs } = queryServers(conf, transport, candidate, qtype, base.queries);
    base.waitedMs += waitedMs;
    // A server that never answers ends the walk: glibc and musl both give up (EAI_AGAIN).
    if (!reply) return { ...base, status: 'timeout', addresses: [] };
    if (reply.rcode === 'NOERROR' && reply.answers.length > 0) {
      const addresses = reply.answers.filter((r) => r.type === qtype).map((r) => r.data);
      const cnames = reply.answers.filter((r) => r.type === 'CNAME');
      const answeredName = cnames.length > 0 ? cnames[cnames.length - 1]!.data : candidate;
      if (addresses.length > 0 || qtype === 'CNAME') return { ...base, status: 'ok', addresses, answeredName, answers: reply.answers };
      sawNodata = true;
      if (libc === 'musl') return { ...base, status: 'nodata', addresses: [], answeredName, answers: reply.answers };
      continue;
    }
    if (reply.rcode === 'NOERROR') {
      // The name exists without this type: musl stops here (EAI_NODATA), glibc searches on.
      sawNodata = true;
      if (libc === 'musl') return { ...base, status: 'nodata', addresses: [] };
      continue;
    }
    if (reply.rcode === 'SERVFAIL') return { ...base, status: 'timeout', addresses: [] };
  }
  return { ...base, status: sawNodata ? 'nodata' : 'nxdomain', addresses: [] };
}
