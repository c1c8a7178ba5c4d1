import { savedProbability } from './probability';
import { chainOrder, chainRules, type AddressMatch, type Match, type Rule, type TableRules, type Target } from './rules';
import { markMask } from './iptables-save';

/**
 * `iptables -L [CHAIN] [-n]` (iptables 1.8.9, xshared.c print_header and
 * print_rule_details, nft-ipv4.c print_rule, each extension's print):
 *
 *   Chain KUBE-SERVICES (2 references)
 *   target     prot opt source               destination
 *   KUBE-SVC-…  6    --  0.0.0.0/0            10.96.0.1            /* … *\/ tcp dpt:443
 *
 * Since 1.8.9, -n prints the protocol as a number. Without -n, iptables
 * would resolve addresses and ports by name; the simulation prints
 * "anywhere", protocol names and a few well-known port names, but keeps
 * addresses numeric (no reverse lookups).
 */

const PROTOCOL_NUMBERS: Record<string, number> = { all: 0, tcp: 6, udp: 17, sctp: 132 };
/** /etc/services names for the ports kube-proxy rules commonly show (partial). */
const SERVICE_NAMES: Record<number, string> = { 53: 'domain', 80: 'http', 443: 'https', 8080: 'http-alt' };

/** print_header: "%-9s " target, " prot ", "opt", " %-19s " source, " %-19s " destination. */
const HEADER = `${'target'.padEnd(9)}  prot opt ${'source'.padEnd(19)}  ${'destination'.padEnd(19)} `;

export function listTable(table: TableRules, numeric: boolean, chain?: string, lineNumbers = false): string {
  const chains = chain === undefined ? chainOrder(table) : [chain];
  const refs = referenceCounts(table);
  const blocks = chains.map((c) => {
    const head = table.builtins.includes(c) ? `Chain ${c} (policy ACCEPT)` : `Chain ${c} (${refs.get(c) ?? 0} references)`;
    // --line-numbers adds a "%-4s " num column (print_header / print_rule_details).
    const lines = [head, lineNumbers ? `${'num'.padEnd(4)} ${HEADER}` : HEADER];
    chainRules(table, c).forEach((r, i) => lines.push(lineNumbers ? `${String(i + 1).padEnd(4)} ${listRule(r, numeric)}` : listRule(r, numeric)));
    return lines.join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}

/** How many rules jump to each chain: the "(N references)" of a user chain. */
function referenceCounts(table: TableRules): Map<string, number> {
  const refs = new Map<string, number>();
  for (const rules of table.rules.values()) {
    for (const r of rules) if (r.target?.type === 'jump') refs.set(r.target.chain, (refs.get(r.target.chain) ?? 0) + 1);
  }
  return refs;
}

export function listRule(r: Rule, numeric: boolean): string {
  const target = r.target === undefined ? '' : r.target.type === 'jump' ? r.target.chain : r.target.type;
  const proto = r.proto ?? 'all';
  const protoText = numeric ? String(PROTOCOL_NUMBERS[proto]) : proto;
  let out = `${target.padEnd(9)}  ${protoText.padEnd(4)} -- `;
  out += `${address(r.src, numeric)} ${address(r.dst, numeric)} `;
  for (const m of r.matches) out += listMatch(m, numeric);
  if (r.target) out += listTarget(r.target);
  return out;
}

function address(a: AddressMatch | undefined, numeric: boolean): string {
  const flag = a?.invert ? '!' : ' ';
  if (!a || a.cidr === '0.0.0.0/0') return `${flag}${(numeric ? '0.0.0.0/0' : 'anywhere').padEnd(19)}`;
  // xtables_ipmask_to_numeric: nothing for /32, "/N" otherwise.
  const text = a.cidr.endsWith('/32') ? a.cidr.slice(0, -3) : a.cidr;
  return `${flag}${text.padEnd(19)}`;
}

function port(n: number, numeric: boolean): string {
  return numeric ? String(n) : (SERVICE_NAMES[n] ?? String(n));
}

function listMatch(m: Match, numeric: boolean): string {
  switch (m.module) {
    case 'comment':
      return ` /* ${m.text} */`;
    case 'tcp':
    case 'udp':
    case 'sctp':
      return ` ${m.module}${m.dport === undefined ? '' : ` dpt:${port(m.dport, numeric)}`}`;
    case 'addrtype': {
      let out = ' ADDRTYPE match';
      if (m.srcType) out += ` src-type ${m.invert ? '!' : ''}${m.srcType}`;
      if (m.dstType) out += ` dst-type ${m.invert ? '!' : ''}${m.dstType}`;
      return out;
    }
    case 'mark':
      return ` mark match${m.invert ? ' !' : ''}${markMask(m.value, m.mask)}`;
    case 'conntrack':
      return `${m.invert ? ' !' : ''} ctstate ${m.states.join(',')}`;
    case 'statistic':
      return ` statistic mode random probability ${savedProbability(m.probability)}`;
    case 'recent': {
      let out = ` recent: ${m.action === 'set' ? 'SET' : 'CHECK'}`;
      if (m.seconds) out += ` seconds: ${m.seconds}`;
      if (m.reap) out += ' reap';
      return `${out} name: ${m.name} side: source mask: 255.255.255.255`;
    }
    case 'set':
      return ` ${m.invert ? '! ' : ''}match-set ${m.name} ${m.flags}`;
  }
}

function listTarget(t: Target): string {
  switch (t.type) {
    case 'DNAT':
      return ` to:${t.to}`;
    case 'MARK':
      return ` MARK ${t.op} 0x${t.value.toString(16)}`;
    case 'MASQUERADE':
      return t.randomFully ? ' random-fully' : '';
    case 'REJECT':
      return ' reject-with icmp-port-unreachable';
    default:
      return '';
  }
}
