import type { Cluster } from '../../cluster/cluster';
import { fail, type ToolResult } from '../tools/tool';
import { conntrackEntries, protoNumber, secondsLeft, type ConntrackEntry, type Tuple } from './table';

/**
 * `conntrack -L` and `conntrack -C` on a node, as conntrack-tools 1.4.7
 * (Debian bookworm, kind's node image) prints them: one line per entry in
 * libnetfilter_conntrack's default format, the count on stderr. Filters:
 * -p, -s/-d (original source/destination), -r/-q (reply source/destination),
 * --sport/--dport (original ports). Entries print in the order they were
 * made (a real node prints them in hash-table order).
 */

export const CONNTRACK_VERSION = 'conntrack v1.4.7 (conntrack-tools)';

export interface ConntrackContext {
  cluster: Cluster;
  node: string;
}

interface Filter {
  proto?: string;
  src?: string;
  dst?: string;
  replySrc?: string;
  replyDst?: string;
  sport?: number;
  dport?: number;
}

const OPTIONS: Record<string, keyof Filter> = {
  '-p': 'proto', '--proto': 'proto', '--protonum': 'proto',
  '-s': 'src', '--src': 'src', '--orig-src': 'src',
  '-d': 'dst', '--dst': 'dst', '--orig-dst': 'dst',
  '-r': 'replySrc', '--reply-src': 'replySrc',
  '-q': 'replyDst', '--reply-dst': 'replyDst',
  '--sport': 'sport', '--orig-port-src': 'sport',
  '--dport': 'dport', '--orig-port-dst': 'dport',
};

export function conntrack(argv: string[], ctx: ConntrackContext): ToolResult {
  let command: 'L' | 'C' | undefined;
  const filter: Filter = {};
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-L' || arg === '--dump') command = 'L';
    else if (arg === '-C' || arg === '--count') command = 'C';
    else if (arg === '-n' || arg === '--src-nat' || arg === '-g' || arg === '--dst-nat') continue;
    else if (OPTIONS[arg]) {
      const value = argv[++i];
      if (value === undefined) return fail(`${CONNTRACK_VERSION}: option \`${arg}' requires an argument\nTry \`conntrack -h' or 'conntrack --help' for more information.\n`, 2);
      const key = OPTIONS[arg]!;
      if (key === 'sport' || key === 'dport') filter[key] = Number(value);
      else (filter as Record<string, string>)[key] = value.toLowerCase();
    } else if (['-E', '-D', '-U', '-F', '-I', '-G', '-S', '--event', '--delete', '--update', '--flush', '--create', '--get', '--stats'].includes(arg)) {
      return fail(`conntrack: "${arg}" is not available on this simulated node: only -L and -C are\n`, 2);
    } else {
      return fail(`${CONNTRACK_VERSION}: unknown option \`${arg}'\nTry \`conntrack -h' or 'conntrack --help' for more information.\n`, 2);
    }
  }
  if (!command) return fail(`${CONNTRACK_VERSION}: no command specified\nTry \`conntrack -h' or 'conntrack --help' for more information.\n`, 2);
  if ((filter.sport !== undefined || filter.dport !== undefined) && !filter.proto) {
    return fail(`${CONNTRACK_VERSION}: missing protocol: you must specify \`--proto' to use \`--sport' or \`--dport'\nTry \`conntrack -h' or 'conntrack --help' for more information.\n`, 2);
  }
  const now = ctx.cluster.clock.now();
  const entries = conntrackEntries(ctx.cluster, ctx.node).filter((e) => matches(e, filter));
  if (command === 'C') return { stdout: `${entries.length}\n`, stderr: '', exitCode: 0 };
  return {
    stdout: entries.map((e) => `${formatEntry(e, now)}\n`).join(''),
    stderr: `${CONNTRACK_VERSION}: ${entries.length} flow entries have been shown.\n`,
    exitCode: 0,
    stderrLast: true,
  };
}

function matches(e: ConntrackEntry, f: Filter): boolean {
  if (f.proto !== undefined && f.proto !== e.proto && f.proto !== String(protoNumber(e.proto))) return false;
  if (f.src !== undefined && e.orig.src !== f.src) return false;
  if (f.dst !== undefined && e.orig.dst !== f.dst) return false;
  if (f.replySrc !== undefined && e.reply.src !== f.replySrc) return false;
  if (f.replyDst !== undefined && e.reply.dst !== f.replyDst) return false;
  if (f.sport !== undefined && e.orig.sport !== f.sport) return false;
  if (f.dport !== undefined && e.orig.dport !== f.dport) return false;
  return true;
}

/** libnetfilter_conntrack's default line: `tcp      6 117 TIME_WAIT src=… dst=… sport=… dport=… src=… … [ASSURED] mark=0 use=1`. */
export function formatEntry(e: ConntrackEntry, now: number): string {
  const parts = [`${e.proto.padEnd(8)} ${protoNumber(e.proto)} ${secondsLeft(e, now)}`];
  if (e.state) parts.push(e.state);
  parts.push(tuple(e, e.orig, true));
  if (e.unreplied) parts.push('[UNREPLIED]');
  parts.push(tuple(e, e.reply, false));
  if (e.assured) parts.push('[ASSURED]');
  parts.push('mark=0', 'use=1');
  return parts.join(' ');
}

function tuple(e: ConntrackEntry, t: Tuple, original: boolean): string {
  if (e.proto === 'icmp') return `src=${t.src} dst=${t.dst} type=${original ? 8 : 0} code=0 id=${t.sport}`;
  return `src=${t.src} dst=${t.dst} sport=${t.sport} dport=${t.dport}`;
}
