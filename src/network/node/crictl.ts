import type { Cluster } from '../../cluster/cluster';
import { fail, ok, type ToolResult } from '../tools/tool';
import { tabulate } from './go-tabwriter';
import { humanDuration } from './human-duration';
import { nodeContainers, type NodeContainer } from './node-containers';

/**
 * `crictl ps` on a node, as cri-tools v1.34 prints it (cmd/crictl/container.go
 * OutputContainers): a Go tabwriter table (min width 20, padding 3) of
 * CONTAINER, IMAGE, CREATED, STATE, NAME, ATTEMPT, POD ID, POD, NAMESPACE,
 * newest first; ids cut to 13 characters (`sha256:` dropped from the image
 * digest) unless --no-trunc; running containers only unless -a.
 */

export interface CrictlContext {
  cluster: Cluster;
  node: string;
}

interface PsOptions {
  all: boolean;
  quiet: boolean;
  noTrunc: boolean;
  name?: string;
  namespace?: string;
  pod?: string;
  state?: string;
  latest: boolean;
  last?: number;
}

const USAGE = `NAME:
   crictl - client for CRI

USAGE:
   crictl [global options] command [command options]

COMMANDS:
   ps        List containers
   pods      List pods (not on this simulated node)
   images    List images (not on this simulated node)

Run 'crictl ps --help' for the options this simulated node offers.
`;

export function crictl(argv: string[], ctx: CrictlContext): ToolResult {
  const [command, ...args] = argv.slice(1);
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return ok(USAGE);
  if (command !== 'ps') return fail(`crictl: "${command}" is not available on this simulated node: only crictl ps is\n`, 1);
  const parsed = parsePs(args);
  if (typeof parsed === 'string') return fail(parsed, 1);
  return ok(printPs(select(nodeContainers(ctx.cluster, ctx.node), parsed), parsed, ctx.cluster.clock.now()));
}

/** urfave/cli's flags for `crictl ps`: `-a`, `--name=x` or `--name x`, short flags combined (`-aq`). */
function parsePs(args: string[]): PsOptions | string {
  const o: PsOptions = { all: false, quiet: false, noTrunc: false, latest: false };
  const valued: Record<string, (v: string) => string | undefined> = {
    name: (v) => void (o.name = v),
    namespace: (v) => void (o.namespace = v),
    pod: (v) => void (o.pod = v),
    p: (v) => void (o.pod = v),
    state: (v) => (/^(created|running|exited|unknown)$/i.test(v) ? void (o.state = v.toLowerCase()) : '--state should be one of created, running, exited or unknown'),
    s: (v) => valued.state!(v),
    last: (v) => (/^\d+$/.test(v) ? void (o.last = Number(v)) : `invalid value "${v}" for flag -last: parse error`),
    n: (v) => valued.last!(v),
  };
  const flags: Record<string, () => void> = {
    a: () => (o.all = true),
    all: () => (o.all = true),
    q: () => (o.quiet = true),
    quiet: () => (o.quiet = true),
    'no-trunc': () => (o.noTrunc = true),
    l: () => (o.latest = true),
    latest: () => (o.latest = true),
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('-') || arg === '-') return `crictl ps takes no arguments (got "${arg}")\n`;
    const body = arg.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const key = eq >= 0 ? body.slice(0, eq) : body;
    if (valued[key]) {
      const value = eq >= 0 ? body.slice(eq + 1) : args[++i];
      if (value === undefined) return `flag needs an argument: -${key}\n`;
      const problem = valued[key]!(value);
      if (problem) return `${problem}\n`;
    } else if (flags[key]) flags[key]!();
    else if (!arg.startsWith('--') && [...key].every((k) => flags[k])) for (const k of key) flags[k]!();
    // urfave/cli also prints the command's help before the fatal line; not reproduced here.
    else return `Incorrect Usage: flag provided but not defined: -${key}\n\nFATA[0000] flag provided but not defined: -${key}\n`;
  }
  return o;
}

function select(containers: NodeContainer[], o: PsOptions): NodeContainer[] {
  let list = containers.filter((c) => {
    if (o.latest || o.last !== undefined) return true;
    if (o.state) return c.state.toLowerCase() === o.state;
    return o.all || c.state === 'Running';
  });
  if (o.pod) list = list.filter((c) => c.podSandboxId.startsWith(o.pod!));
  // crictl matches --name and --namespace as regular expressions; here as plain substrings.
  if (o.name) list = list.filter((c) => c.name.includes(o.name!));
  if (o.namespace) list = list.filter((c) => c.podNamespace.includes(o.namespace!));
  // Newest first; containers created in the same second keep a fixed order.
  list.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
  const n = o.latest ? 1 : o.last && o.last > 0 ? o.last : list.length;
  return list.slice(0, n);
}

const truncate = (id: string) => id.slice(0, 13);

function printPs(list: NodeContainer[], o: PsOptions, now: number): string {
  if (o.quiet) return list.map((c) => `${c.id}\n`).join('');
  const rows = [['CONTAINER', 'IMAGE', 'CREATED', 'STATE', 'NAME', 'ATTEMPT', 'POD ID', 'POD', 'NAMESPACE']];
  for (const c of list) {
    const image = o.noTrunc ? c.image : truncate(c.image.replace(/^sha256:/, ''));
    rows.push([
      o.noTrunc ? c.id : truncate(c.id),
      image,
      `${humanDuration(now - c.createdAt)} ago`,
      c.state,
      c.name,
      String(c.attempt),
      o.noTrunc ? c.podSandboxId : truncate(c.podSandboxId),
      c.podName,
      c.podNamespace,
    ]);
  }
  return tabulate(rows, 20, 3);
}
