import type { Cluster } from '../cluster/cluster';
import { connect, type ConnectionTrace } from '../network/connect/connect';
import type { Origin } from '../network/connect/origin';
import type { Protocol } from '../network/connect/service-router';
import { formatTrace, runTrace } from '../network/connect/trace-format';
import { standardCommands } from '../shell/commands/standard';
import { registerDataPlaneCommands } from '../shell/data-plane';
import { createSession, needsMoreInput, prompt, runLine, type WorkspaceFiles } from '../shell/session';
import { completeLine } from '../shell/complete';
import { WORKSTATION_PROMPT } from './prompts';

/**
 * The one place the browser talks to the shell. The terminal and the
 * lesson session see only `ShellAdapter`; when the shell grows (pipes,
 * variables, in-pod shells), only this file is re-wired. The shell carries
 * the mvdan-sh parser (most of the site's JavaScript), so this module is
 * only ever loaded with `import()` (see lesson-session.ts): nothing may
 * import it statically except for types.
 */

export interface ShellResult {
  /** What the terminal shows, stdout and stderr interleaved, lines ending in "\n". */
  output: string;
  exitCode: number;
  /** The line was `exit` at the workstation: the session is over. */
  exit: boolean;
  /** `clear`: the terminal clears its screen (before printing `output`). */
  clear?: boolean;
  /** `watch CMD`: the command ran once; the terminal reruns it every intervalSeconds until Ctrl-C. */
  watch?: { command: string; intervalSeconds: number };
  /** The connection `podlab trace` followed, for the cluster map. */
  trace?: ConnectionTrace;
}

export interface ShellAdapter {
  /** The prompt before the next line, as plain text (its width is its length): the workstation's or a nested shell's. */
  readonly prompt: string;
  /** The text (lines joined by "\n") leaves something open: a quote, a here-document, a `for` without `done`. */
  needsMoreInput(text: string): boolean;
  /** Runs one line, or several when needsMoreInput asked for them. */
  run(text: string): ShellResult;
  /** Tab: where the word being typed starts, and what it could become. */
  complete(line: string): { from: number; candidates: string[] };
  /**
   * One tick of `watch`: lets `seconds` of virtual time pass, then runs
   * `command` again. Kept out of the shell's history, as watch's reruns are.
   */
  watchTick(command: string, seconds: number): ShellResult;
}

export const PROMPT = WORKSTATION_PROMPT;

/**
 * `workspace` is read at each command, not copied: the lesson session
 * changes it in place when the learner edits a file, and the next
 * `kubectl apply -f` reads the edited text. The shell's `podlab` is
 * replaced by one that prints the same and also hands the connection it
 * followed to the workbench (`ShellResult.trace`), for the cluster map.
 */
export function createShellAdapter(cluster: Cluster, workspace: Readonly<Record<string, string>>): ShellAdapter {
  // The last connection `podlab trace` followed during the current line (pipes and loops included).
  let trace: ConnectionTrace | undefined;
  const commands = registerDataPlaneCommands(standardCommands()).register('podlab', (argv, ctx) => {
    const request = argv[1] === 'trace' ? traceRequest(argv.slice(2)) : undefined;
    // What it cannot read goes to runTrace, as the shell's own podlab does: the usage or the error.
    if (!request) return runTrace(argv[1] === 'trace' ? argv.slice(2) : [], ctx.cluster);
    const followed = connect(ctx.cluster, request);
    const text = formatTrace(followed, ctx.cluster);
    if (followed.outcome === 'error') return { stdout: '', stderr: text, exitCode: 1 };
    trace = followed;
    return { stdout: text, stderr: '', exitCode: followed.outcome === 'answered' ? 0 : 1 };
  }, { kind: 'tool', workstation: true });
  const session = createSession(cluster, workspaceFiles(workspace), { commands, terminal: 'browser' });
  const run = (text: string): ShellResult => {
    trace = undefined;
    const r = runLine(text, session);
    return {
      output: r.output,
      exitCode: r.exitCode,
      exit: r.exit ?? false,
      ...(r.clear ? { clear: true } : {}),
      ...(r.watch ? { watch: r.watch } : {}),
      ...(trace ? { trace } : {}),
    };
  };
  return {
    get prompt() {
      return prompt(session);
    },
    needsMoreInput,
    run,
    complete: (line) => completeLine(line, session),
    watchTick(command, seconds) {
      cluster.advance(seconds * 1000);
      const kept = session.history.length;
      const result = run(command);
      session.history.length = kept;
      return result;
    },
  };
}

/**
 * `podlab trace`'s arguments as a connection request, read as runTrace
 * (trace-format.ts) reads them; undefined for anything runTrace would
 * refuse. Kept here because runTrace returns only text and the map needs
 * the trace itself; shell-adapter.test.ts checks both give the same text.
 * (A `parseTraceArgs` exported by trace-format.ts would make this a call.)
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
