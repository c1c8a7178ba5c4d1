import type { Cluster } from '../cluster/cluster';
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
}

export interface ShellAdapter {
  /** The prompt, as plain text (its width is its length). */
  readonly prompt: string;
  run(line: string): ShellResult;
}

/** The prompt of the learner's workstation, as `podlab sim` shows it. */
export const PROMPT = 'learner@workstation:~$ ';

export function createShellAdapter(cluster: Cluster, workspace: Readonly<Record<string, string>>): ShellAdapter {
  const session = createSession(cluster, workspaceFiles(workspace));
  return {
    prompt: PROMPT,
    run(line) {
      const r = runLine(line, session);
      return { output: r.output, exitCode: r.exitCode, exit: r.exit ?? false };
    },
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
