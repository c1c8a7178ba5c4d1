import type { Cluster } from '../../cluster/cluster';
import { fnv32a } from '../../cluster/util/names';

/**
 * The nodes' connection tracking tables: one entry per connection that
 * crossed a node's netfilter, with the tuple as sent and the tuple the
 * reply comes back with (after DNAT and masquerade), its TCP state and
 * when it expires on the virtual clock. Plain JSON in the cluster's
 * kernel state, so snapshots carry it.
 */

export interface Tuple {
  src: string;
  dst: string;
  /** Ports for TCP and UDP; ICMP's echo id for ICMP. */
  sport: number;
  dport: number;
}

export type Proto = 'tcp' | 'udp' | 'icmp';

export interface ConntrackEntry {
  proto: Proto;
  /** TCP only: the state the last packet left it in. */
  state?: 'SYN_SENT' | 'ESTABLISHED' | 'TIME_WAIT' | 'CLOSE';
  orig: Tuple;
  reply: Tuple;
  /** No reply seen: conntrack prints [UNREPLIED] after the original tuple. */
  unreplied: boolean;
  /** Traffic seen both ways (TCP's handshake done): [ASSURED]. */
  assured: boolean;
  /** ms on the virtual clock. */
  expiresAt: number;
}

/** Per-node tables; an entry's lifetime starts from the connection's last packet. */
type Tables = Record<string, ConntrackEntry[]>;

/** Linux's default timeouts (nf_conntrack_*_timeout*), in seconds. */
export const TIMEOUTS = { TIME_WAIT: 120, SYN_SENT: 120, CLOSE: 10, ESTABLISHED: 432000, udp: 30, icmp: 30 } as const;

/** A node keeps at most this many entries here (the oldest go first), so a long session's snapshot stays small. */
const MAX_ENTRIES = 512;

const PROTO_NUMBER: Record<Proto, number> = { tcp: 6, udp: 17, icmp: 1 };
export const protoNumber = (p: Proto): number => PROTO_NUMBER[p];

function tables(cluster: Cluster): Tables {
  const state = cluster.kernelState('conntrack') as { nodes?: Tables };
  return (state.nodes ??= {});
}

/** The live entries of one node, in the order they were made. */
export function conntrackEntries(cluster: Cluster, node: string): ConntrackEntry[] {
  const now = cluster.clock.now();
  const all = tables(cluster);
  const list = (all[node] ?? []).filter((e) => e.expiresAt > now);
  if (all[node]) all[node] = list;
  return list;
}

/** A new connection, or a later packet of one already tracked (same original tuple): that entry is renewed in place. */
export function addEntry(cluster: Cluster, node: string, entry: ConntrackEntry): void {
  const list = conntrackEntries(cluster, node);
  const same = list.findIndex((e) => e.proto === entry.proto && e.orig.src === entry.orig.src && e.orig.dst === entry.orig.dst && e.orig.sport === entry.orig.sport && e.orig.dport === entry.orig.dport);
  if (same >= 0) {
    list[same] = entry;
    return;
  }
  list.push(entry);
  if (list.length > MAX_ENTRIES) list.splice(0, list.length - MAX_ENTRIES);
  tables(cluster)[node] = list;
}

/** The seconds conntrack prints: what is left, rounded down. */
export function secondsLeft(entry: ConntrackEntry, now: number): number {
  return Math.max(0, Math.floor((entry.expiresAt - now) / 1000));
}

/**
 * The source port MASQUERADE --random-fully picks: any port from 1024 up;
 * here a hash of the connection, so it costs the seeded generator nothing.
 */
export function masqueradePort(t: Tuple, proto: Proto): number {
  return 1024 + (fnv32a(`${proto} ${t.src}:${t.sport} ${t.dst}:${t.dport}`) % (65536 - 1024));
}

/**
 * The source port of a resolver's query socket: each lookup opens its own
 * (A and AAAA share it). Numbered from a counter kept with the tables and
 * hashed, so it costs the seeded generator nothing.
 */
export function dnsSourcePort(cluster: Cluster, src: string): number {
  const state = cluster.kernelState('conntrack') as { dnsSockets?: number };
  state.dnsSockets = (state.dnsSockets ?? 0) + 1;
  return 32768 + (fnv32a(`dns ${src} ${state.dnsSockets}`) % (60999 - 32768 + 1));
}

/** The echo id of a ping: in Linux the process's choice; here a hash of the source and target. */
export function icmpId(src: string, dst: string): number {
  return fnv32a(`icmp ${src} ${dst}`) % 65536;
}
