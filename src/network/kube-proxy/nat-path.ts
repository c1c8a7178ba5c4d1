import type { SeededRandom } from '../../cluster/random';
import { inCidr } from './cidr';
import { saveRule } from './iptables-save';
import { kernelProbability, savedProbability } from './probability';
import { chainRules, findTable, type AddressMatch, type Match, type NodeRules, type Rule, type TableRules } from './rules';

export { inCidr };

export interface Packet {
  src: string;
  dst: string;
  dport: number;
  proto: 'tcp' | 'udp' | 'sctp';
}

export interface Hop {
  table: 'nat' | 'filter';
  chain: string;
  /** The matching rule as iptables-save prints it. */
  rule: string;
  /** The statistic match's probability as iptables-save prints it, when the rule has one. */
  probability?: string;
}

export type Verdict =
  | { type: 'DNAT'; to: string; ip: string; port: number }
  | { type: 'REJECT' }
  | { type: 'DROP' }
  /** No rule rewrote or stopped the packet: it goes on to its original destination. */
  | { type: 'none' };

export interface NatPath {
  hops: Hop[];
  verdict: Verdict;
  /** Marked 0x4000 by KUBE-MARK-MASQ: POSTROUTING will masquerade it. */
  masquerade: boolean;
}

/**
 * ClientIP affinity state of the `recent` match: per list name, the
 * source addresses seen and when (ms on the virtual clock). Plain JSON
 * underneath, so the cluster can keep it in its snapshots.
 */
export class RecentTable {
  constructor(private readonly lists: Record<string, unknown> = {}) {}

  seen(name: string, src: string, now: number, seconds?: number): boolean {
    const at = this.list(name)?.[src];
    if (at === undefined) return false;
    return seconds === undefined || now - at <= seconds * 1000;
  }

  set(name: string, src: string, now: number): void {
    const list = (this.lists[name] ??= {}) as Record<string, number>;
    list[src] = now;
  }

  private list(name: string): Record<string, number> | undefined {
    return this.lists[name] as Record<string, number> | undefined;
  }
}

export interface NatPathOptions {
  /** PREROUTING for a packet arriving at the node (from a pod or outside), OUTPUT for one the node sends. */
  hook?: 'PREROUTING' | 'OUTPUT';
  recent?: RecentTable;
  now?: number;
}

const MASQ_MARK = 0x4000;
/** Enough for kube-proxy's deepest path (SERVICES → EXT → SVC → SEP → MARK-MASQ); guards a malformed ruleset. */
const MAX_DEPTH = 16;

/**
 * Traces a new connection's first packet through the node's nat table the
 * way netfilter does: from PREROUTING (or OUTPUT) through KUBE-SERVICES to
 * a DNAT, with a seeded draw for each `statistic` rule (the kernel compares
 * a random 31-bit number with the stored fixed-point probability). When
 * nothing rewrites the packet, the filter table's verdict decides (REJECT
 * for a Service without endpoints). Connections are NEW to conntrack.
 */
export function natPath(rules: NodeRules, packet: Packet, rng: SeededRandom, options: NatPathOptions = {}): NatPath {
  const hook = options.hook ?? 'PREROUTING';
  const state: WalkState = { packet, rng, mark: 0, hops: [], local: rules.localAddresses, options };
  const nat = findTable(rules, 'nat');
  let verdict: Verdict = { type: 'none' };
  if (nat) {
    const end = walk(nat, 'nat', hook, state, 0);
    if (end?.type === 'DNAT') {
      const [ip, port] = splitHostPort(end.to);
      verdict = { type: 'DNAT', to: end.to, ip, port };
    }
  }
  const filter = findTable(rules, 'filter');
  if (verdict.type === 'none' && filter) {
    const chain = hook === 'OUTPUT' ? 'OUTPUT' : isLocal(packet.dst, rules.localAddresses) ? 'INPUT' : 'FORWARD';
    const end = walk(filter, 'filter', chain, state, 0);
    if (end?.type === 'REJECT' || end?.type === 'DROP') verdict = { type: end.type };
  }
  return { hops: state.hops, verdict, masquerade: (state.mark & MASQ_MARK) !== 0 };
}

interface WalkState {
  packet: Packet;
  rng: SeededRandom;
  mark: number;
  hops: Hop[];
  local: string[];
  options: NatPathOptions;
}

type End = { type: 'DNAT'; to: string } | { type: 'REJECT' | 'DROP' | 'ACCEPT' };

/** Walks one chain; returns a terminal verdict, or undefined when the chain falls through or RETURNs. */
function walk(table: TableRules, name: 'nat' | 'filter', chain: string, state: WalkState, depth: number): End | undefined {
  if (depth > MAX_DEPTH) return undefined;
  for (const r of chainRules(table, chain)) {
    if (!matches(r, state)) continue;
    const stat = r.matches.find((m) => m.module === 'statistic');
    state.hops.push({ table: name, chain, rule: saveRule(r), ...(stat ? { probability: savedProbability(stat.probability) } : {}) });
    const t = r.target;
    if (!t) continue;
    switch (t.type) {
      case 'jump': {
        const end = walk(table, name, t.chain, state, depth + 1);
        if (end) return end;
        continue;
      }
      case 'MARK':
        state.mark = t.op === 'or' ? state.mark | t.value : state.mark ^ t.value;
        continue;
      case 'RETURN':
        return undefined;
      case 'MASQUERADE':
        continue;
      case 'DNAT':
        return { type: 'DNAT', to: t.to };
      default:
        return { type: t.type };
    }
  }
  return undefined;
}

function matches(r: Rule, state: WalkState): boolean {
  const p = state.packet;
  if (r.proto && r.proto !== p.proto) return false;
  if (r.src && !addressMatches(r.src, p.src)) return false;
  if (r.dst && !addressMatches(r.dst, p.dst)) return false;
  return r.matches.every((m) => moduleMatches(m, state));
}

function moduleMatches(m: Match, state: WalkState): boolean {
  const p = state.packet;
  switch (m.module) {
    case 'comment':
      return true;
    case 'tcp':
    case 'udp':
    case 'sctp':
      return m.module === p.proto && (m.dport === undefined || m.dport === p.dport);
    case 'addrtype': {
      const local = m.srcType ? isLocal(p.src, state.local) : isLocal(p.dst, state.local);
      return m.invert ? !local : local;
    }
    case 'mark': {
      const hit = (state.mark & m.mask) === m.value;
      return m.invert ? !hit : hit;
    }
    case 'conntrack': {
      // The first packet of a connection: NEW, and not DNATed yet.
      const hit = m.states.includes('NEW');
      return m.invert ? !hit : hit;
    }
    case 'statistic':
      return (state.rng.nextUint32() & 0x7fffffff) < kernelProbability(m.probability);
    case 'recent': {
      const recent = state.options.recent;
      const now = state.options.now ?? 0;
      if (m.action === 'set') {
        recent?.set(m.name, p.src, now);
        return true;
      }
      return recent?.seen(m.name, p.src, now, m.seconds) ?? false;
    }
    case 'set':
      // ipvs mode's ipsets are not traced here: its packets take the IPVS router.
      return false;
  }
}

function addressMatches(a: AddressMatch, ip: string): boolean {
  const hit = inCidr(ip, a.cidr);
  return a.invert ? !hit : hit;
}

function isLocal(ip: string, local: string[]): boolean {
  return local.some((cidr) => inCidr(ip, cidr));
}

function splitHostPort(to: string): [string, number] {
  const i = to.lastIndexOf(':');
  return [to.slice(0, i), Number(to.slice(i + 1))];
}
