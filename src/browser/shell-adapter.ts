import type { Cluster } from '../cluster/cluster';
import { connect, type ConnectionTrace } from '../network/connect/connect';
import type { Origin } from '../network/connect/origin';
import type { Protocol } from '../network/connect/service-router';
import { formatTrace, runTrace } from '../network/connect/trace-format';
import { createSession, runLine, type WorkspaceFiles } from '../shell/session';

/**
 * The one place the browser talks to the shell. The terminal and the
 * lesson session see only `ShellAdapter`; when the shell grows (pipes,
 * variables, in-pod shells), only this file is re-wired.
 */

export interface ShellResult {
  /** What the terminal shows, stdout and stderr interleaved, lines ending in "\n". */
  output: string;
  exitCode: number;
  /** The line was `exit`. */
  exit: boolean;
  /** The connection `podlab trace` followed, for the cluster map. */
  trace?: ConnectionTrace;
}

export interface ShellAdapter {
  /** The prompt, as plain text (its width is its length). */
  readonly prompt: string;
  run(line: string): ShellResult;
}

/** The prompt of the learner's workstation, as `podlab sim` shows it. */
export const PROMPT = 'learner@workstation:~$ ';

/**
 * `workspace` is read at each command, not copied: the lesson session
 * changes it in place when the learner edits a file, and the next
 * `kubectl apply -f` reads the edited text.
 */
export function createShellAdapter(cluster: Cluster, workspace: Readonly<Record<string, string>>): ShellAdapter {
  const session = createSession(cluster, workspaceFiles(workspace));
  return {
    prompt: PROMPT,
    run(line) {
      const podlab = podlabWords(line);
      if (podlab) return runPodlab(podlab, cluster);
      const r = runLine(line, session);
      return { output: r.output, exitCode: r.exitCode, exit: r.exit ?? false };
    },
  };
}

/**
 * The words after `podlab`, when the line is a podlab command. The shell
 * does not know `podlab` (it is the course's own tool, as on the CLI), so
 * it is answered here. Its arguments are names, addresses and flags, so
 * splitting at blanks is enough; quotes, pipes or redirections go to the
 * shell, which then says it does not know the command.
 */
function podlabWords(line: string): string[] | undefined {
  const words = line.trim().split(/\s+/);
  if (words[0] !== 'podlab' || /["'|;&<>$`\\]/.test(line)) return undefined;
  return words.slice(1);
}

const PODLAB_USAGE = 'Usage: podlab trace [-n NAMESPACE] [--udp|--icmp] FROM TARGET[:PORT]\n';

function runPodlab(args: string[], cluster: Cluster): ShellResult {
  if (args[0] !== 'trace') {
    // As the CLI says it, except that the workbench's podlab has only `trace`.
    const what = args[0] === undefined ? 'missing command' : `unknown ${args[0].startsWith('-') ? 'flag' : 'command'} "${args[0]}"`;
    return { output: `podlab: ${what}; the workbench's podlab has one command, trace\n${PODLAB_USAGE}`, exitCode: 1, exit: false };
  }
  const request = traceRequest(args.slice(1));
  // A request it cannot read goes to runTrace, which prints the usage or the error.
  if (!request) {
    const r = runTrace(args.slice(1), cluster);
    return { output: r.stdout + r.stderr, exitCode: r.exitCode, exit: false };
  }
  const trace = connect(cluster, request);
  const output = formatTrace(trace, cluster);
  if (trace.outcome === 'error') return { output, exitCode: 1, exit: false };
  return { output, exitCode: trace.outcome === 'answered' ? 0 : 1, exit: false, trace };
}

/**
 * `podlab trace`'s arguments as a connection request, read as runTrace
 * (trace-format.ts) reads them; undefined for anything runTrace would
 * refuse. Kept here because runTrace returns only text and the map needs
 * the trace itself; shell-adapter.test.ts checks both give the same text.
 */
export function traceRequest(argv: string[]): Parameters<typeof connect>[1] | undefined {
  let namespace = 'default';
  let protocol: Protocol = 'TCP';
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-n' || a === '--namespace') namespace = argv[++i] ?? namespace;
    else if (a.startsWith('--namespace=')) namespace = a.slice(12);
    else if (a === '--udp') protocol = 'UDP';
    else if (a === '--icmp') protocol = 'ICMP';
    else if (a.startsWith('-')) return undefined;
    else args.push(a);
  }
  if (args.length !== 2) return undefined;
  const m = /^([^\s:]+)(?::(\d+))?$/.exec(args[1]!);
  if (!m) return undefined;
  const port = m[2] !== undefined ? Number(m[2]) : protocol === 'ICMP' ? undefined : 80;
  if (port !== undefined && (port < 1 || port > 65535)) return undefined;
  return { from: origin(args[0]!, namespace), target: m[1]!, protocol, ...(port !== undefined && protocol !== 'ICMP' ? { port } : {}) };
}

function origin(text: string, namespace: string): Origin {
  if (text === 'outside') return { kind: 'outside' };
  if (text.startsWith('node/')) return { kind: 'node', name: text.slice(5) };
  if (text.startsWith('pod/')) return { kind: 'pod', namespace, name: text.slice(4) };
  const slash = text.indexOf('/');
  if (slash !== -1) return { kind: 'pod', namespace: text.slice(0, slash), name: text.slice(slash + 1) };
  return { kind: 'pod', namespace, name: text };
}

/**
 * A flat, read-only workspace folder (the lesson's files, by name) as
 * kubectl's file access: `web.yaml`, `./web.yaml` and `~/web.yaml` name
 * the same file; `.` lists them all.
 */
export function workspaceFiles(workspace: Readonly<Record<string, string>>): WorkspaceFiles {
  const normalise = (path: string) => path.replace(/^(~\/|\.\/)+/, '').replace(/^\/home\/learner\//, '');
  return {
    readFile: (path) => (Object.hasOwn(workspace, normalise(path)) ? workspace[normalise(path)] : undefined),
    listDir: (path) => (['.', './', '~', '~/', '', '/home/learner'].includes(path) ? Object.keys(workspace).sort() : undefined),
  };
}
