import type { Cluster } from '../../cluster/cluster';
import { dnsTransport, resolveFrom } from '../connect/connect';
import { sourceOf, type Source } from '../connect/origin';
import { clusterRouter } from '../connect/iptables-router';
import { canonicalName, isIPv4, reverseName } from '../dns/names';
import { QTYPES, type DnsReply, type QType, type ResourceRecord } from '../dns/records';
import { searchCandidates, type DnsTransport } from '../dns/resolver';
import { isOldBusybox, oldBusyboxNslookup } from './old-busybox-nslookup';
import { fail, flavourOf, libcOf, ok, type ToolContext, type ToolResult } from './tool';

/** nslookup (BusyBox or bind), dig and host, asking the source's nameservers over the simulated network. */

export interface DnsSetup {
  source: Source;
  transport: DnsTransport;
  servers: string[];
  /** How the server was named on the command line (a name or an address), for `Server:` lines. */
  serverLabel?: string;
}

/** The servers to ask: the one named on the command line (resolved by the C library if a name), else resolv.conf's. */
function setup(ctx: ToolContext, server: string | undefined, badServer: (name: string) => ToolResult): DnsSetup | ToolResult {
  const source = sourceOf(ctx.cluster, ctx.from);
  if ('error' in source) return fail(`${source.error}\n`);
  const router = ctx.router ?? clusterRouter(ctx.cluster);
  const transport = dnsTransport(ctx.cluster, source, router);
  if (server !== undefined && !isIPv4(server)) {
    const ip = resolveFrom(ctx.cluster, source, server, libcOf(ctx.image), router).resolution.addresses[0];
    if (!ip) return badServer(server);
    return { source, transport, servers: [ip], serverLabel: server };
  }
  const servers = server ? [server] : source.resolvConf.nameservers.length > 0 ? source.resolvConf.nameservers : ['127.0.0.1'];
  return { source, transport, servers };
}

function parseType(text: string | undefined): QType | undefined {
  const t = (text ?? '').toUpperCase();
  return (QTYPES as readonly string[]).includes(t) ? (t as QType) : undefined;
}

// ---------------------------------------------------------------- nslookup

/** `nslookup [-type=T] NAME [SERVER]`, in the flavour of the image's nslookup. */
export function nslookup(argv: string[], ctx: ToolContext): ToolResult {
  if (flavourOf(ctx.image) === 'full') return bindNslookup(argv, ctx);
  if (isOldBusybox(ctx.image)) return oldBusyboxNslookup(argv, (server) => setup(ctx, server, (n) => fail(`nslookup: bad address '${n}'\n`)));
  return busyboxNslookup(argv, ctx);
}

const BUSYBOX_NSLOOKUP_USAGE = 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n';

/**
 * BusyBox's own resolver (FEATURE_NSLOOKUP_BIG, busybox >= 1.29): A and
 * AAAA queries; a name with no dot goes under every search domain, a
 * dotted name is asked as is (no ndots). Replies print in query order
 * (a real run prints them as they arrive).
 */
function busyboxNslookup(argv: string[], ctx: ToolContext): ToolResult {
  let types: QType[] = [];
  const args: string[] = [];
  for (const a of argv) {
    if (!a.startsWith('-')) {
      args.push(a);
      continue;
    }
    const [opt, value] = a.slice(1).split('=', 2) as [string, string?];
    if (opt === 'type' || opt === 'querytype' || opt === 'q') {
      const t = parseType(value);
      if (!t) return fail(`nslookup: invalid query type "${value ?? ''}"\n`);
      types.push(t);
    } else if (!['port', 'retry', 'debug', 't', 'timeout'].includes(opt)) return fail(BUSYBOX_NSLOOKUP_USAGE);
  }
  if (args.length === 0 || args.length > 2) return fail(BUSYBOX_NSLOOKUP_USAGE);
  const [name, server] = args as [string, string?];
  const s = setup(ctx, server, (n) => fail(`nslookup: bad address '${n}'\n`));
  if ('exitCode' in s) return s;
  const search = s.source.resolvConf.searches.filter((d) => d !== '.');
  const withSearch = (type: QType): string[] => (type === 'PTR' || search.length === 0 || name.includes('.') ? [name] : search.map((d) => `${name}.${d}`));
  const queries: { name: string; type: QType }[] = [];
  if (types.length === 0) {
    if (isIPv4(name)) queries.push({ name: reverseName(name), type: 'PTR' });
    else types = ['A', 'AAAA'];
  }
  for (const t of types) for (const q of withSearch(t)) queries.push({ name: canonicalName(q), type: t });
  for (const srv of s.servers) {
    const replies = queries.map((q) => s.transport(srv, q.name, q.type));
    if (replies.every((r) => r === 'timeout')) continue;
    let out = `Server:\t\t${s.serverLabel ?? srv}\nAddress:\t${srv}:53\n\n`;
    let exitCode = 0;
    replies.forEach((r, i) => {
      if (r === 'timeout') return;
      if (r.rcode !== 'NOERROR') {
        out += `** server can't find ${queries[i]!.name}: ${r.rcode}\n`;
        exitCode = 1;
      } else {
        // parse_reply flags answers without the AA bit (the upstream's, not CoreDNS's zone).
        if (!r.authoritative) out += 'Non-authoritative answer:\n';
        for (const rr of r.answers) out += busyboxRecord(rr);
      }
      out += '\n';
    });
    const unanswered = replies.map((r, i) => (r === 'timeout' ? queries[i]!.name : undefined)).filter((n) => n !== undefined);
    if (unanswered.length > 0) out += `${unanswered.map((n) => `*** Can't find ${n}: No answer\n`).join('')}\n`;
    return { stdout: out, stderr: '', exitCode };
  }
  return { stdout: ';; connection timed out; no servers could be reached\n\n', stderr: '', exitCode: 1 };
}

function busyboxRecord(rr: ResourceRecord): string {
  switch (rr.type) {
    case 'A':
      return `Name:\t${rr.name}\nAddress: ${rr.data}\n`;
    case 'CNAME':
      return `${rr.name}\tcanonical name = ${rr.data}\n`;
    case 'PTR':
      return `${rr.name}\tname = ${rr.data}\n`;
    case 'SRV':
      return `${rr.name}\tservice = ${rr.data}\n`;
  }
}

/**
 * bind's nslookup (dnsutils, netshoot), as bin/dig/nslookup.c prints:
 * the search list walked with ndots, the next name tried only after
 * NXDOMAIN. Without -type it asks A, then AAAA for the name the A answer
 * named (CNAMEs followed, no search); an empty reply says `*** Can't find
 * NAME: No answer` only for an explicit type (the name as typed) or when
 * both A and AAAA were empty. Target names in records carry bind's dot.
 */
function bindNslookup(argv: string[], ctx: ToolContext): ToolResult {
  let type: QType | undefined;
  const args: string[] = [];
  for (const a of argv) {
    if (!a.startsWith('-')) args.push(a);
    else {
      const [opt, value] = a.slice(1).split('=', 2) as [string, string?];
      if (opt === 'type' || opt === 'querytype' || opt === 'q') type = parseType(value);
    }
  }
  const [name, server] = args as [string?, string?];
  if (!name) return fail('Usage: nslookup [-opt ...] host [server]\n');
  const s = setup(ctx, server, (n) => fail(`nslookup: couldn't get address for '${n}': not found\n`));
  if ('exitCode' in s) return s;
  const srv = s.servers[0]!;
  const defaultLookups = type === undefined && !isIPv4(name);
  const first: QType = type ?? (isIPv4(name) ? 'PTR' : 'A');
  const candidates = isIPv4(name) ? [reverseName(name)] : searchCandidates(name, s.source.resolvConf, 'glibc');
  let out = `Server:\t\t${s.serverLabel ?? srv}\nAddress:\t${srv}#53\n\n`;
  let found: { name: string; reply: DnsReply } | undefined;
  for (const candidate of candidates) {
    const r = s.transport(srv, candidate, first);
    if (r === 'timeout') return { stdout: ';; connection timed out; no servers could be reached\n\n', stderr: '', exitCode: 1 };
    if (r.rcode === 'NOERROR') {
      found = { name: candidate, reply: r };
      break;
    }
  }
  if (!found) return { stdout: `${out}** server can't find ${name}: NXDOMAIN\n\n`, stderr: '', exitCode: 1 };
  if (!found.reply.authoritative) out += 'Non-authoritative answer:\n';
  out += bindAnswers(found.reply.answers, new Set());
  if (!defaultLookups) {
    if (found.reply.answers.length === 0) out += `*** Can't find ${name}: No answer\n`;
    return ok(`${out}\n`);
  }
  const target = chaseCnames(found.name, found.reply.answers);
  const aaaa = s.transport(srv, target, 'AAAA');
  if (aaaa === 'timeout') return ok(`${out}\n`);
  if (aaaa.rcode !== 'NOERROR') return { stdout: `${out}** server can't find ${target}: ${aaaa.rcode}\n\n`, stderr: '', exitCode: 1 };
  const cnames = new Set(found.reply.answers.filter((rr) => rr.type === 'CNAME').map((rr) => rr.name));
  out += bindAnswers(aaaa.answers, cnames);
  if (found.reply.answers.length === 0 && aaaa.answers.length === 0) out += `*** Can't find ${target}: No answer\n`;
  return ok(`${out}\n`);
}

/** The answer section as bind's nslookup prints it; a CNAME already shown by the A lookup is not repeated. */
function bindAnswers(answers: ResourceRecord[], cnamesShown: Set<string>): string {
  let out = '';
  for (const rr of answers) {
    if (rr.type === 'CNAME' && cnamesShown.has(rr.name)) continue;
    if (rr.type === 'CNAME') cnamesShown.add(rr.name);
    out += bindRecord(rr);
  }
  return out;
}

/** The name a CNAME chain in the answers ends at, as nslookup's chase_cnamechain finds it. */
function chaseCnames(name: string, answers: ResourceRecord[]): string {
  let current = name;
  for (let i = 0; i < answers.length; i++) {
    const next = answers.find((rr) => rr.type === 'CNAME' && rr.name === current);
    if (!next) break;
    current = next.data;
  }
  return current;
}

function bindRecord(rr: ResourceRecord): string {
  switch (rr.type) {
    case 'A':
      return `Name:\t${rr.name}\nAddress: ${rr.data}\n`;
    case 'CNAME':
      return `${rr.name}\tcanonical name = ${rr.data}.\n`;
    case 'PTR':
      return `${rr.name}\tname = ${rr.data}.\n`;
    case 'SRV':
      return `${rr.name}\tservice = ${rr.data}.\n`;
  }
}

// ---------------------------------------------------------------- host

/** `host NAME|IP [SERVER]` (bind): search list with ndots, A then AAAA; `-t TYPE` for one type (an empty answer: `NAME has no TYPE record`). */
export function host(argv: string[], ctx: ToolContext): ToolResult {
  let type: QType | undefined;
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-t') type = parseType(argv[++i]);
    else if (!a.startsWith('-')) args.push(a);
  }
  const [name, server] = args as [string?, string?];
  if (!name) return fail('Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n            [-R number] [-m flag] [-p port] hostname [server]\n');
  const s = setup(ctx, server, (n) => fail(`host: couldn't get address for '${n}': not found\n`));
  if ('exitCode' in s) return s;
  const srv = s.servers[0]!;
  const reverse = isIPv4(name);
  const candidates = reverse ? [reverseName(name)] : searchCandidates(name, s.source.resolvConf, 'glibc');
  const types: QType[] = type ? [type] : reverse ? ['PTR'] : ['A', 'AAAA'];
  let out = server ? `Using domain server:\nName: ${srv}\nAddress: ${srv}#53\nAliases: \n\n` : '';
  const aliasesShown = new Set<string>();
  for (const t of types) {
    let found: DnsReply | undefined;
    let lastName = candidates[candidates.length - 1]!;
    for (const candidate of candidates) {
      const r = s.transport(srv, candidate, t);
      if (r === 'timeout') return { stdout: `${out};; connection timed out; no servers could be reached\n`, stderr: '', exitCode: 1 };
      lastName = candidate;
      if (r.rcode === 'NOERROR') {
        found = r;
        break;
      }
    }
    if (!found) {
      if (t === types[0]) return { stdout: `${out}Host ${reverse ? `${lastName}.` : name} not found: 3(NXDOMAIN)\n`, stderr: '', exitCode: 1 };
      continue;
    }
    for (const rr of found.answers) {
      if (rr.type === 'CNAME') {
        if (!aliasesShown.has(rr.name)) out += `${rr.name} is an alias for ${rr.data}.\n`;
        aliasesShown.add(rr.name);
      } else if (rr.type === 'A') out += `${rr.name} has address ${rr.data}\n`;
      else if (rr.type === 'PTR') out += `${rr.name} domain name pointer ${rr.data}.\n`;
      else if (rr.type === 'SRV') out += `${rr.name} has SRV record ${rr.data}.\n`;
    }
    // host.c: with -t, an empty answer names the name asked and the type.
    if (type && found.answers.length === 0) out += `${lastName} has no ${t} record\n`;
  }
  return ok(out);
}

// ---------------------------------------------------------------- dig

const DIG_VERSION = '9.18.33';

/** `dig [@SERVER] NAME [TYPE] [+short] [+search]`: bind's dig; no search list unless +search. */
export function dig(argv: string[], ctx: ToolContext): ToolResult {
  let server: string | undefined;
  let type: QType = 'A';
  let short = false;
  let search = false;
  let reverse: string | undefined;
  let name: string | undefined;
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('@')) server = a.slice(1);
    else if (a === '+short') short = true;
    else if (a === '+search') search = true;
    else if (a.startsWith('+')) continue;
    else if (a === '-x') reverse = argv[++i];
    else if (a === '-t') type = parseType(argv[++i]) ?? type;
    else if (!a.startsWith('-')) positional.push(a);
  }
  // `dig SRV name` and `dig name SRV` both work: the first word that is not a type is the name.
  name = positional.find((p) => !parseType(p)) ?? positional[0];
  const typed = positional.find((p) => p !== name && parseType(p));
  if (typed) type = parseType(typed)!;
  if (reverse) {
    name = reverseName(reverse);
    type = 'PTR';
  }
  name ??= '.';
  const s = setup(ctx, server, (n) => fail(`dig: couldn't get address for '${n}': not found\n`, 10));
  if ('exitCode' in s) return s;
  const srv = s.servers[0]!;
  const candidates = search && !reverse ? searchCandidates(name, s.source.resolvConf, 'glibc') : [canonicalName(name)];
  let reply: DnsReply | undefined;
  let asked = candidates[0]!;
  for (const candidate of candidates) {
    const r = s.transport(srv, candidate, type);
    if (r === 'timeout') {
      const err = `;; communications error to ${srv}#53: timed out\n`.repeat(3);
      if (short) return { stdout: err, stderr: '', exitCode: 9 };
      return { stdout: `${err}\n; <<>> DiG ${DIG_VERSION} <<>> ${argv.join(' ')}\n;; global options: +cmd\n;; no servers could be reached\n`, stderr: '', exitCode: 9 };
    }
    reply = r;
    asked = candidate;
    if (r.rcode === 'NOERROR') break;
  }
  if (short) return ok(reply!.answers.map((rr) => `${digData(rr)}\n`).join(''));
  return ok(digFull(ctx.cluster, argv, srv, asked, type, reply!));
}

function digData(rr: ResourceRecord): string {
  return rr.type === 'A' ? rr.data : `${rr.data}.`;
}

/** Fields at columns, reached with 8-wide tabs or one space when already past, as bind's totext lays out records. */
function columns(fields: [string, number][]): string {
  let line = '';
  let col = 0;
  for (const [text, target] of fields) {
    if (line !== '') {
      if (col >= target) {
        line += ' ';
        col += 1;
      } else {
        while (col < target) {
          line += '\t';
          col = (Math.floor(col / 8) + 1) * 8;
        }
      }
    }
    line += text;
    col += text.length;
  }
  return line;
}

function digRecord(owner: string, ttl: number, type: string, data: string): string {
  return columns([[`${owner}.`, 0], [String(ttl), 24], ['IN', 32], [type, 40], [data, 48]]);
}

function digFull(cluster: Cluster, argv: string[], srv: string, qname: string, type: QType, reply: DnsReply): string {
  const id = cluster.rng.int(65536);
  const zone = cluster.config.clusterDomain;
  const inZone = qname === zone || qname.endsWith(`.${zone}`) || qname.endsWith('.in-addr.arpa');
  const soa = reply.answers.length === 0 && inZone;
  let out = `\n; <<>> DiG ${DIG_VERSION} <<>> ${argv.join(' ')}\n;; global options: +cmd\n;; Got answer:\n`;
  out += `;; ->>HEADER<<- opcode: QUERY, status: ${reply.rcode}, id: ${id}\n`;
  const flags = reply.authoritative ? 'qr aa rd' : 'qr rd ra';
  out += `;; flags: ${flags}; QUERY: 1, ANSWER: ${reply.answers.length}, AUTHORITY: ${soa ? 1 : 0}, ADDITIONAL: 1\n`;
  if (reply.authoritative) out += ';; WARNING: recursion requested but not available\n';
  out += '\n;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 1232\n';
  out += `;; QUESTION SECTION:\n${columns([[`;${qname}.`, 0], ['IN', 32], [type, 40]])}\n`;
  if (reply.answers.length > 0) out += `\n;; ANSWER SECTION:\n${reply.answers.map((rr) => `${digRecord(rr.name, rr.ttl, rr.type, digData(rr))}\n`).join('')}`;
  if (soa) {
    const serial = Math.floor(cluster.clock.now() / 1000);
    out += `\n;; AUTHORITY SECTION:\n${digRecord(zone, 30, 'SOA', `ns.dns.${zone}. hostmaster.${zone}. ${serial} 7200 1800 86400 30`)}\n`;
  }
  const when = new Date(cluster.clock.now()).toUTCString().replace(/^(\w+), (\d+) (\w+) (\d+) ([\d:]+) GMT$/, '$1 $3 $2 $5 UTC $4');
  out += `\n;; Query time: 0 msec\n;; SERVER: ${srv}#53(${srv}) (UDP)\n;; WHEN: ${when}\n;; MSG SIZE  rcvd: ${messageSize(qname, reply, soa, zone)}\n\n`;
  return out;
}

/** The reply's size on the wire with name compression against the question (approximate for other names). */
function messageSize(qname: string, reply: DnsReply, soa: boolean, zone: string): number {
  const wire = (n: string) => (n === '' ? 1 : n.split('.').reduce((s, l) => s + l.length + 1, 0) + 1);
  let size = 12 + wire(qname) + 4 + 11;
  for (const rr of reply.answers) {
    const owner = rr.name === qname ? 2 : wire(rr.name);
    const rdata = rr.type === 'A' ? 4 : rr.type === 'SRV' ? 6 + wire(rr.data.split(' ')[3] ?? '') : wire(rr.data);
    size += owner + 10 + rdata;
  }
  if (soa) size += 2 + 10 + wire(`ns.dns.${zone}`) + wire(`hostmaster.${zone}`) + 20;
  return size;
}
