import type { ClusterConfig } from '../../cluster/config';
import type { VirtualClock } from '../../cluster/clock';
import type { ObjectStore } from '../../cluster/store/object-store';
import { listTable } from './iptables-list';
import { IPTABLES_VERSION, listRules, saveAll, saveTable } from './iptables-save';
import { KubeProxy } from './proxier';
import { findTable, type NodeRules } from './rules';
import { ipvsNodeRules } from '../ipvs/ipvs-rules';
import type { Cluster } from '../../cluster/cluster';

/**
 * `iptables-save` and `iptables -L/-S` for a node's shell: argv in (argv[0]
 * is the program name), text and exit code out. Only reading is offered;
 * any other iptables command says so.
 */
export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** What the commands need of the cluster, and the node whose shell runs them. */
export interface NodeShellContext {
  cluster: { store: ObjectStore; config: Pick<ClusterConfig, 'clusterCIDR'> & Partial<Pick<ClusterConfig, 'proxyMode'>>; clock: Pick<VirtualClock, 'now'> };
  node: string;
}

const proxies = new WeakMap<ObjectStore, KubeProxy>();

/** The cluster's kube-proxy model, created on first use and kept in step with the store from then on. */
export function kubeProxyFor(cluster: NodeShellContext['cluster']): KubeProxy {
  let proxy = proxies.get(cluster.store);
  if (!proxy) proxies.set(cluster.store, (proxy = new KubeProxy(cluster.store, cluster.config)));
  return proxy;
}

const TABLES = ['mangle', 'filter', 'nat'];

const ok = (stdout: string): CommandResult => ({ stdout, stderr: '', exitCode: 0 });
const fail = (stderr: string, exitCode: number): CommandResult => ({ stdout: '', stderr, exitCode });

/**
 * The rules kube-proxy programmed on the node: iptables mode's, or in ipvs
 * mode the ipset-based rules that mode writes (its Services are IPVS virtual
 * servers; ipvs mode only arises from a whole cluster's scenario).
 */
function nodeRules(ctx: NodeShellContext): NodeRules {
  if (ctx.cluster.config.proxyMode === 'ipvs') return ipvsNodeRules(ctx.cluster as Cluster, ctx.node);
  return kubeProxyFor(ctx.cluster).rules(ctx.node);
}

/** `iptables-save [-t TABLE] [-c]`. */
export function iptablesSave(argv: string[], ctx: NodeShellContext): CommandResult {
  const prog = 'iptables-save';
  let table: string | undefined;
  let counters = false;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-t' || arg === '--table') {
      table = argv[++i];
      if (table === undefined) return fail(`${prog}: option requires an argument -- 't'\nLook at manual page \`${prog}.8' for more information.\n`, 1);
    } else if (arg.startsWith('--table=')) table = arg.slice('--table='.length);
    else if (arg.startsWith('-t') && arg.length > 2) table = arg.slice(2);
    else if (arg === '-c' || arg === '--counters') counters = true;
    else if (arg.startsWith('--')) return fail(`${prog}: unrecognized option '${arg}'\nLook at manual page \`${prog}.8' for more information.\n`, 1);
    else if (arg.startsWith('-')) return fail(`${prog}: invalid option -- '${arg[1]}'\nLook at manual page \`${prog}.8' for more information.\n`, 1);
    else return fail('Unknown arguments found on commandline\n', 1);
  }
  const rules = nodeRules(ctx);
  const now = ctx.cluster.clock.now();
  let text: string;
  if (table === undefined) text = saveAll(rules, now);
  else {
    const t = findTable(rules, table);
    if (!t) return fail(`Table \`${table}' does not exist\n`, 1);
    text = saveTable(t, now);
  }
  // With -c every rule carries its counters; nothing has counted packets here.
  if (counters) text = text.replace(/^-A /gm, '[0:0] -A ');
  return ok(text);
}

/** `iptables [-t TABLE] -L [CHAIN] [-n] [--line-numbers]` and `iptables [-t TABLE] -S [CHAIN]`. */
export function iptables(argv: string[], ctx: NodeShellContext): CommandResult {
  const prog = 'iptables';
  const usage = `Try \`${prog} -h' or '${prog} --help' for more information.\n`;
  const problem = (msg: string) => fail(`${prog} ${IPTABLES_VERSION}: ${msg}\n${usage}`, 2);
  let table = 'filter';
  let command: 'L' | 'S' | undefined;
  let chain: string | undefined;
  let numeric = false;
  let lineNumbers = false;
  const setCommand = (c: 'L' | 'S', next: string | undefined): boolean => {
    if (command) return false;
    command = c;
    if (next !== undefined && !next.startsWith('-')) chain = next;
    return true;
  };
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--')) {
      const [name, value] = arg.split('=', 2) as [string, string | undefined];
      if (name === '--table') {
        const t = value ?? argv[++i];
        if (t === undefined) return problem(`option "--table" requires an argument`);
        table = t;
      } else if (name === '--list' || name === '--list-rules') {
        if (!setCommand(name === '--list' ? 'L' : 'S', argv[i + 1])) return problem('Illegal option `--list\' with this command');
        if (chain !== undefined && argv[i + 1] === chain) i++;
      } else if (name === '--numeric') numeric = true;
      else if (name === '--line-numbers') lineNumbers = true;
      else if (KNOWN_LONG.has(name)) return simulationLimit(name);
      else return problem(`unknown option "${name}"`);
      continue;
    }
    // getopt hands a stray word to iptables, which refuses it (a chain name must follow -L/-S directly).
    if (!arg.startsWith('-') || arg.length < 2) return problem(`Bad argument \`${arg}'\n`);
    for (let j = 1; j < arg.length; j++) {
      const flag = arg[j]!;
      const rest = arg.slice(j + 1);
      if (flag === 't') {
        const t = rest || argv[++i];
        if (t === undefined) return problem(`option "-t" requires an argument`);
        table = t;
        break;
      } else if (flag === 'L' || flag === 'S') {
        const next = j === arg.length - 1 ? argv[i + 1] : undefined;
        if (!setCommand(flag, next)) return problem(`Illegal option \`-${flag}' with this command`);
        if (chain !== undefined && next === chain) i++;
      } else if (flag === 'n') numeric = true;
      else if (KNOWN_SHORT.includes(flag)) return simulationLimit(`-${flag}`);
      else return problem(`unknown option "-${flag}"`);
    }
  }
  if (!command) return problem('no command specified');
  if (!TABLES.includes(table)) return fail(`${prog} ${IPTABLES_VERSION}: table '${table}' does not exist\nPerhaps ${prog} or your kernel needs to be upgraded.\n`, 3);
  const rules = nodeRules(ctx);
  const t = findTable(rules, table)!;
  if (chain !== undefined && !t.rules.has(chain)) return problem(`Chain '${chain}' does not exist`);
  if (command === 'S') return ok(listRules(t, chain));
  return ok(listTable(t, numeric, chain, lineNumbers));
}

/** iptables options the simulation knows but does not offer (changing rules, counters, matches). */
const KNOWN_SHORT = 'ACDIRFZNXPEhVvxwWcpsdjgiomf46';
const KNOWN_LONG = new Set([
  '--append', '--check', '--delete', '--insert', '--replace', '--flush', '--zero', '--new-chain', '--delete-chain', '--policy',
  '--rename-chain', '--help', '--version', '--verbose', '--exact', '--wait', '--wait-interval', '--set-counters', '--protocol',
  '--source', '--destination', '--jump', '--goto', '--in-interface', '--out-interface', '--match', '--fragment', '--ipv4', '--ipv6',
]);

function simulationLimit(option: string): CommandResult {
  return fail(`iptables: "${option}" is not available on this simulated node: only -L, -S, -n, -t and --line-numbers are\n`, 2);
}
