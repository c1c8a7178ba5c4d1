import type { Cluster } from '../cluster/cluster';
import { saveEdit, type EditRequest } from '../kubectl/kubectl';
import { enterSession, leaveSession } from './attach';
import type { CommandTable, Where } from './command-table';
import { standardCommands } from './commands/standard';
import { dataPlaneContainerFiles, registerDataPlaneCommands } from './data-plane';
import { SessionFiles, type WorkspaceFiles } from './files';
import { promptIn, workstation } from './hosts';
import { ExitSignal, Interpreter, type Chunk } from './interpreter';
import { currentFrame, newFrame, type ShellSession } from './state';
import { parseScript } from './syntax/parse';

export type { WorkspaceFiles } from './files';
export type { ShellSession } from './state';
export { needsMoreInput } from './syntax/parse';

export interface SessionOptions {
  /** The programs the shell runs; standardCommands() plus whatever other modules register. */
  commands?: CommandTable;
  /** `text` (default): podlab sim. `browser`: the lesson terminal, which clears and repeats (watch) itself. */
  terminal?: 'text' | 'browser';
  /** Files inside containers and on debugged nodes (default: just /etc/hostname). */
  containerFiles?: (where: Where, cluster: Cluster) => WorkspaceFiles;
}

export interface LineResult {
  /** What the terminal shows, stdout and stderr interleaved. */
  output: string;
  exitCode: number;
  /** The workstation shell ended (`exit` there): the session is over. */
  exit?: boolean;
  /** `clear`: the terminal should clear its screen. */
  clear?: boolean;
  /**
   * `watch CMD`: the command ran once; a terminal that can should rerun it
   * every intervalSeconds. `stream`: it was `kubectl get -w`, whose reruns
   * print only the rows that changed, below the table, as kubectl's watch does.
   */
  watch?: { command: string; intervalSeconds: number; stream?: true };
  /** `kubectl edit` (browser terminal only): the file to open in the editor; saveEdit takes what is saved. */
  edit?: EditRequest;
}

/** bash's aliases on the course workstation. */
const WORKSTATION_ALIASES: [string, string][] = [['k', 'kubectl']];

export function createSession(cluster: Cluster, files: WorkspaceFiles, options: SessionOptions = {}): ShellSession {
  const workspace = new SessionFiles(files);
  return {
    cluster,
    files: workspace,
    commands: options.commands ?? registerDataPlaneCommands(standardCommands()),
    frames: [newFrame(workstation(), workspace, WORKSTATION_ALIASES)],
    history: [],
    terminal: options.terminal ?? 'text',
    containerFiles: options.containerFiles ?? dataPlaneContainerFiles,
    containerWrites: new Map(),
  };
}

/** The prompt to show before the next line: the workstation's, or the nested shell's (`/ # `). */
export function prompt(session: ShellSession): string {
  const frame = currentFrame(session);
  return promptIn(frame.host, frame.cwd, frame.vars.get('HOME') ?? frame.host.home);
}

/** The prompt for a line that continues an unfinished one (open quote, here-document, `for` without `done`). */
export const CONTINUATION_PROMPT = '> ';

/**
 * Runs what the learner typed: one line, or several when the first left
 * something open (see needsMoreInput). It runs in the innermost shell; an
 * `exit` there leaves it, and a `kubectl exec -it … -- sh` enters a new one
 * once the line is done. Never throws: every failure is a message and an
 * exit code.
 */
export function runLine(text: string, session: ShellSession): LineResult {
  const frame = currentFrame(session);
  const source = text.replace(/\n+$/, '');
  if (source.trim() === '') return { output: '', exitCode: 0 };
  const parsed = parseScript(`${source}\n`);
  session.history.push(source);
  if (!parsed.ok) {
    frame.status = 2;
    return { output: syntaxError(frame.host.flavour === 'bash' ? 'bash' : 'sh', source, parsed), exitCode: 2 };
  }
  const shell = new Interpreter(session, frame);
  const chunks: Chunk[] = [];
  let exitCode: number;
  let exited = false;
  try {
    const run = shell.runScript(parsed.script, '');
    chunks.push(...run.chunks);
    exitCode = run.status;
  } catch (e) {
    if (!(e instanceof ExitSignal)) {
      const detail = e instanceof Error ? e.message : String(e);
      return { output: `podlab: the simulated shell failed on this line (a Podlab bug): ${detail}\n`, exitCode: 1 };
    }
    chunks.push(...e.chunks);
    exitCode = e.status;
    exited = true;
  }
  const result: LineResult = { output: '', exitCode };
  if (exited) {
    if (session.frames.length === 1) result.exit = true;
    else {
      const left = leaveSession(session, exitCode);
      chunks.push(...left.chunks);
      result.exitCode = left.status;
      currentFrame(session).status = left.status;
    }
  }
  for (const request of shell.attachments) chunks.push(...enterSession(request, session));
  result.output = chunks.map((c) => c.text).join('');
  if (shell.clear) result.clear = true;
  if (shell.watch) result.watch = shell.watch;
  if (shell.edit) result.edit = shell.edit;
  return result;
}

export type { EditRequest } from '../kubectl/kubectl';

/**
 * What the editor saved for a `kubectl edit` (LineResult.edit): kubectl's
 * result lines, and the file to show again when the save failed.
 */
export function saveEditedFile(session: ShellSession, request: EditRequest, text: string): { output: string; exitCode: number; reopen?: EditRequest } {
  const saved = saveEdit({ cluster: session.cluster, readFile: () => undefined, listDir: () => undefined, editor: true }, request, text);
  return { output: saved.printed.chunks.map((c) => c.text).join(''), exitCode: saved.printed.exitCode, ...(saved.reopen ? { reopen: saved.reopen } : {}) };
}

/** bash's words for input it cannot parse. */
function syntaxError(shell: string, source: string, parsed: { incomplete: boolean; message: string; offset: number }): string {
  if (parsed.incomplete) {
    const quote = /closing quote (["'`])/.exec(parsed.message)?.[1] ?? (/reached EOF without matching (["'`])/.exec(parsed.message)?.[1]);
    if (quote) return `${shell}: unexpected EOF while looking for matching \`${quote}'\n`;
    const heredoc = /unclosed here-document '([^']*)'/.exec(parsed.message)?.[1];
    if (heredoc !== undefined) return `${shell}: warning: here-document at line 1 delimited by end-of-file (wanted \`${heredoc}')\n`;
    return `${shell}: syntax error: unexpected end of file\n`;
  }
  const token = /^(;;|&&|\|\||>>|<<|[|;&()<>]|[^\s|;&()<>]+)/.exec(source.slice(parsed.offset))?.[1] ?? 'newline';
  return `${shell}: syntax error near unexpected token \`${token}'\n`;
}
