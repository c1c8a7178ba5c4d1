import type { Cluster } from '../cluster/cluster';
import type { ConnectionTrace } from '../network/connect/connect';
import { traceConnection } from '../network/connect/trace-format';
import { standardCommands } from '../shell/commands/standard';
import { registerDataPlaneCommands } from '../shell/data-plane';
import { createSession, needsMoreInput, prompt, runLine, saveEditedFile, type EditRequest, type WorkspaceFiles } from '../shell/session';
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
  watch?: { command: string; intervalSeconds: number; stream?: true };
  /** The connection `podlab trace` followed, for the cluster map. */
  trace?: ConnectionTrace;
  /** `kubectl edit`: the file to open in the editor; saveEdit takes what the learner saves. */
  edit?: EditRequest;
}

export type { EditRequest } from '../shell/session';

/** A save of a `kubectl edit` file: kubectl's lines for the terminal, and the file again when it failed. */
export interface EditSaveResult {
  output: string;
  exitCode: number;
  reopen?: EditRequest;
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
  /** The editor saved a `kubectl edit` file: applies it as kubectl edit does when its editor closes. */
  saveEdit(request: EditRequest, text: string): EditSaveResult;
}

export const PROMPT = WORKSTATION_PROMPT;

/**
 * `workspace` is read at each command, not copied: the lesson session
 * changes it in place when the learner edits a file, and the next
 * `kubectl apply -f` reads the edited text. The shell's `podlab` is
 * replaced by one that prints the same and also hands the connection it
 * followed to the workbench (`ShellResult.trace`), for the cluster map.
 * `history`: the lines a reload kept, listed first by `history`.
 */
export function createShellAdapter(cluster: Cluster, workspace: Readonly<Record<string, string>>, history: readonly string[] = []): ShellAdapter {
  // The last connection `podlab trace` followed during the current line (pipes and loops included).
  let trace: ConnectionTrace | undefined;
  const commands = registerDataPlaneCommands(standardCommands()).register('podlab', (argv, ctx) => {
    // Anything but `trace` gets trace's usage, as the shell's own podlab answers.
    const followed = traceConnection(argv[1] === 'trace' ? argv.slice(2) : [], ctx.cluster);
    if (followed.trace) trace = followed.trace;
    return followed.io;
  }, { kind: 'tool', workstation: true });
  const session = createSession(cluster, workspaceFiles(workspace), { commands, terminal: 'browser' });
  session.history.push(...history);
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
      ...(r.edit ? { edit: r.edit } : {}),
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
    saveEdit: (request, text) => saveEditedFile(session, request, text),
  };
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
