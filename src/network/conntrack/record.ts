import type { Cluster } from '../../cluster/cluster';
import type { ConnectionTrace } from '../connect/connect';
import type { Delivery } from '../connect/delivery';
import { addEntry, icmpId, masqueradePort, TIMEOUTS, type ConntrackEntry, type Proto, type Tuple } from './table';

/**
 * What a finished connection leaves in each node's conntrack table: the
 * node it left (or arrived at, from outside), the node whose rules
 * rewrote it, and the node it was delivered to, each once. Before the
 * rewriting node the tuples are as sent; there, the reply tuple names the
 * endpoint and the masquerade address; after it, both are the rewritten
 * ones. Packets kube-proxy rejects leave nothing here.
 */
export function recordConnection(cluster: Cluster, trace: ConnectionTrace): void {
  if (!trace.target.ip || trace.outcome === 'error' || trace.outcome === 'nxdomain' || trace.outcome === 'dns-timeout') return;
  // REJECT in the filter table: the first packet never leaves, so the entry is never confirmed.
  if (trace.outcome === 'refused' && trace.service && !trace.dnat) return;
  const proto: Proto = trace.target.protocol === 'TCP' ? 'tcp' : trace.target.protocol === 'UDP' ? 'udp' : 'icmp';
  // Loopback: a node (or a host-network pod) sends from 127.0.0.1; a pod's own loopback is its own network namespace.
  const loopback = trace.target.ip.startsWith('127.');
  if (loopback && !cluster.config.nodes.some((n) => n.internalIP === trace.from.ip)) return;
  const src = loopback ? '127.0.0.1' : trace.from.ip;
  const sent: Tuple = proto === 'icmp'
    ? { src, dst: trace.target.ip, sport: icmpId(src, trace.target.ip), dport: 0 }
    : { src, dst: trace.target.ip, sport: trace.sourcePort ?? 0, dport: trace.target.port ?? 0 };
  const masqueraded = trace.sourceSeen !== undefined && trace.sourceSeen !== src;
  const rewritten: Tuple = {
    src: masqueraded ? trace.sourceSeen! : sent.src,
    dst: trace.dnat?.ip ?? sent.dst,
    sport: masqueraded && proto !== 'icmp' ? masqueradePort(sent, proto) : sent.sport,
    dport: trace.dnat?.port ?? sent.dport,
  };
  const natNode = trace.dnat || masqueraded ? trace.rulesNode : undefined;
  const startNode = trace.from.node ?? trace.rulesNode;
  const endNode = trace.destination ? (trace.destination.kind === 'pod' ? trace.destination.node : trace.destination.name) : undefined;
  // A node whose filter rules DROP the first packet never confirms its entry.
  const nodes = [...new Set([startNode, natNode, endNode].filter((n): n is string => n !== undefined && n !== trace.droppedOn))];
  const now = cluster.clock.now();
  let afterNat = false;
  for (const node of nodes) {
    const orig = afterNat ? rewritten : sent;
    const back = node === natNode || afterNat ? rewritten : sent;
    if (node === natNode) afterNat = true;
    addEntry(cluster, node, entry(proto, trace.outcome, orig, reverse(back, proto), now));
  }
}

function reverse(t: Tuple, proto: Proto): Tuple {
  // An echo reply comes back with the same id; ports swap.
  return proto === 'icmp' ? { src: t.dst, dst: t.src, sport: t.sport, dport: 0 } : { src: t.dst, dst: t.src, sport: t.dport, dport: t.sport };
}

function entry(proto: Proto, outcome: ConnectionTrace['outcome'], orig: Tuple, reply: Tuple, now: number): ConntrackEntry {
  const answered = outcome === 'answered';
  const base = { proto, orig, reply, unreplied: outcome === 'timeout', assured: false };
  if (proto === 'tcp') {
    // curl and wget close at once: the connection waits in TIME_WAIT; a RST leaves CLOSE; no answer, SYN_SENT.
    const state = answered ? 'TIME_WAIT' : outcome === 'refused' ? 'CLOSE' : 'SYN_SENT';
    return { ...base, state, assured: answered, expiresAt: now + TIMEOUTS[state] * 1000 };
  }
  return { ...base, expiresAt: now + TIMEOUTS[proto] * 1000 };
}

/**
 * A DNS query that travelled as UDP to port 53 (to kube-dns's ClusterIP or
 * straight to a CoreDNS pod): the same entries as any connection, from the
 * query socket's port; queries to the node's upstream resolver are not tracked here.
 */
export function recordDnsQuery(cluster: Cluster, from: ConnectionTrace['from'], server: string, sourcePort: number, d: Delivery, answered: boolean): void {
  const trace: ConnectionTrace = {
    from,
    target: { input: server, ip: server, port: 53, protocol: 'UDP' },
    hops: [],
    outcome: answered ? 'answered' : d.outcome === 'refused' ? 'refused' : 'timeout',
    sourcePort,
    sourceSeen: d.sourceSeen,
    ...(d.rulesNode ? { rulesNode: d.rulesNode } : {}),
    ...(d.service ? { service: d.service } : {}),
    ...(d.dnat ? { dnat: d.dnat } : {}),
    ...(d.destination ? { destination: d.destination } : {}),
  };
  recordConnection(cluster, trace);
}
