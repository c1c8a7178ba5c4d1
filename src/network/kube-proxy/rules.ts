/**
 * A node's iptables rules as data. Each rule keeps what the kernel keeps:
 * the IP header matches (-s, -d, -p), the -m match modules in the order
 * they were given, and the target. The printers (iptables-save, -S, -L)
 * and the packet tracer all read this one structure, so what the learner
 * sees is what traffic follows.
 */

export type Table = 'mangle' | 'filter' | 'nat';
export type Protocol = 'tcp' | 'udp' | 'sctp';

export interface AddressMatch {
  /** An address or CIDR as written; printers add /32. */
  cidr: string;
  invert?: boolean;
}

export type Match =
  | { module: 'comment'; text: string }
  | { module: Protocol; dport?: number }
  | { module: 'addrtype'; srcType?: 'LOCAL'; dstType?: 'LOCAL'; invert?: boolean }
  | { module: 'mark'; value: number; mask: number; invert?: boolean }
  | { module: 'conntrack'; states: string[]; invert?: boolean }
  | { module: 'statistic'; probability: string }
  | { module: 'recent'; action: 'rcheck' | 'set'; name: string; seconds?: number; reap?: boolean }
  /** ipset membership (kube-proxy's ipvs mode); `flags` as written: `dst`, `dst,dst`, `dst,dst,src`. */
  | { module: 'set'; name: string; flags: string; invert?: boolean };

export type Target =
  | { type: 'jump'; chain: string }
  | { type: 'DNAT'; to: string }
  | { type: 'MARK'; op: 'or' | 'xor'; value: number }
  | { type: 'MASQUERADE'; randomFully: boolean }
  | { type: 'REJECT' | 'DROP' | 'ACCEPT' | 'RETURN' };

export interface Rule {
  chain: string;
  src?: AddressMatch;
  dst?: AddressMatch;
  proto?: Protocol;
  matches: Match[];
  /** Absent for kube-proxy's KUBE-FW "will be dropped" marker rule. */
  target?: Target;
}

/** One piece of a rule in kube-proxy's written order; `rule()` sorts header parts from match modules. */
export type RulePart =
  | Match
  | { module: 'src'; cidr: string; invert?: boolean }
  | { module: 'dst'; cidr: string; invert?: boolean }
  | { module: 'proto'; proto: Protocol };

/** Builds a rule from its parts in the order kube-proxy writes them. */
export function rule(chain: string, parts: RulePart[], target?: Target): Rule {
  const out: Rule = { chain, matches: [] };
  for (const part of parts) {
    if (part.module === 'src') out.src = { cidr: part.cidr, invert: part.invert };
    else if (part.module === 'dst') out.dst = { cidr: part.cidr, invert: part.invert };
    else if (part.module === 'proto') out.proto = part.proto;
    else out.matches.push(part);
  }
  if (target) out.target = target;
  return out;
}

export const comment = (text: string): Match => ({ module: 'comment', text });
export const jump = (chain: string): Target => ({ type: 'jump', chain });
/** `-m tcp -p tcp [--dport N]`: the protocol goes in the IP header, the port in the tcp match. */
export function l4(proto: Protocol, dport?: number): RulePart[] {
  return [dport === undefined ? { module: proto } : { module: proto, dport }, { module: 'proto', proto }];
}
export const src = (cidr: string, invert = false): RulePart => ({ module: 'src', cidr, invert });
export const dst = (cidr: string, invert = false): RulePart => ({ module: 'dst', cidr, invert });

/**
 * A table as iptables holds it: every chain (built-in and user-defined,
 * empty ones too) mapped to its rules in order. Built-in chains have
 * policy ACCEPT; printers list user chains sorted, as iptables-save does.
 */
export interface TableRules {
  name: Table;
  builtins: readonly string[];
  rules: ReadonlyMap<string, readonly Rule[]>;
}

export interface NodeRules {
  node: string;
  /** Addresses that are LOCAL to the node (addrtype): its InternalIP and loopback. */
  localAddresses: string[];
  tables: TableRules[];
}

export const BUILTIN_CHAINS: Record<Table, readonly string[]> = {
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
};

export function findTable(rules: NodeRules, name: string): TableRules | undefined {
  return rules.tables.find((t) => t.name === name);
}

export function chainRules(table: TableRules, chain: string): readonly Rule[] {
  return table.rules.get(chain) ?? [];
}

/** Chains in iptables-save order: built-ins in hook order, then user chains by name. */
export function chainOrder(table: TableRules): string[] {
  const user = [...table.rules.keys()].filter((c) => !table.builtins.includes(c)).sort(compareStrings);
  return [...table.builtins, ...user];
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
