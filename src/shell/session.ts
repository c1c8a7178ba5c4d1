import type { Cluster } from '../cluster/cluster';
import type { KubectlEnv } from '../kubectl/env';
import { runKubectl } from '../kubectl/kubectl';
import { parseSleep } from './sleep';
import { splitWords } from './words';

/** File access for the session's commands, given by the host: the core does no IO. */
export type WorkspaceFiles = Pick<KubectlEnv, 'readFile' | 'listDir'>;

/** The learner's shell on the workstation: the cluster it talks to and the files it sees. */
export interface ShellSession {
  cluster: Cluster;
  files: WorkspaceFiles;
}

export interface LineResult {
  /** What the terminal shows, stdout and stderr interleaved. */
  output: string;
  exitCode: number;
  /** The line was `exit`: the session ends. */
  exit?: boolean;
}

export function createSession(cluster: Cluster, files: WorkspaceFiles): ShellSession {
  return { cluster, files };
}

/**
 * Runs one command line. The shell is small for now: `kubectl` (and its
 * alias `k`), `sleep N` to let N seconds of virtual time pass, `echo`,
 * `exit`; blank lines and `#` comments do nothing.
 */
export function runLine(line: string, session: ShellSession): LineResult {
  const split = splitWords(line);
  if (!split.ok) return { output: `bash: unexpected EOF while looking for matching \`${split.unterminated}'\n`, exitCode: 2 };
  const [command, ...args] = split.words;
  switch (command) {
    case undefined:
      return { output: '', exitCode: 0 };
    case 'kubectl':
    case 'k': {
      const r = runKubectl(args, { cluster: session.cluster, ...session.files });
      return { output: r.combined, exitCode: r.exitCode };
    }
    case 'sleep': {
      const parsed = parseSleep(args);
      if (!parsed.ok) return { output: parsed.message, exitCode: 1 };
      session.cluster.advance(parsed.ms);
      return { output: '', exitCode: 0 };
    }
    case 'echo':
      return { output: `${args.join(' ')}\n`, exitCode: 0 };
    case 'exit':
      return { output: '', exitCode: 0, exit: true };
    default:
      return { output: `bash: ${command}: command not found\n`, exitCode: 127 };
  }
}
