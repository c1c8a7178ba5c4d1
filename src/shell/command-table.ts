import type { Cluster } from '../cluster/cluster';
import type { WorkspaceFiles } from './files';
import type { Userland } from './userland';

/** What a command printed and how it ended. */
export interface CommandIO {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** The program writes its stderr after its stdout (conntrack's closing count), not before. */
  stderrLast?: boolean;
  /** Files the program wrote (`curl -o`, `wget -O`), paths as given: the shell keeps them where it runs. */
  writes?: FileWrite[];
}

/** One file a program wrote, whole. */
export interface FileWrite {
  path: string;
  text: string;
}

/** Where a command runs: the learner's workstation, a container, or a node (through a debug pod). */
export type Where =
  | { kind: 'workstation' }
  | { kind: 'pod'; namespace: string; name: string; container: string; image: string; node?: string }
  | { kind: 'node'; name: string; image: string };

export interface CommandContext {
  /** What was piped or redirected in; empty when nothing was. */
  stdin: string;
  /** The shell's variables (exported or not: the simulation does not tell them apart for commands). */
  env: ReadonlyMap<string, string>;
  cluster: Cluster;
  files: WorkspaceFiles;
  where: Where;
  /** The base system of the image the command runs in, for its messages (BusyBox's differ from GNU's). */
  userland?: Userland;
  /** Standard output is the terminal (curl shows no progress meter then); false for pipes, files, `kubectl exec` without -t. */
  stdoutIsTerminal?: boolean;
}

/** A program: argv[0] is its name. It never throws for bad input: it prints a message and exits non-zero. */
export type ShellCommand = (argv: string[], ctx: CommandContext) => CommandIO;

/**
 * `utility`: a core utility every shell image has (busybox applets,
 * coreutils), so it runs wherever a shell runs. `tool`: a program only
 * images listing it in content/images.yaml `tools` have; on the
 * workstation only when registered with `workstation: true`.
 */
export interface CommandAvailability {
  kind: 'utility' | 'tool';
  workstation?: boolean;
}

interface Entry {
  command: ShellCommand;
  availability: CommandAvailability;
}

/**
 * The programs the shell can run, by name. Modules add theirs with
 * `register` without touching the interpreter (the data plane adds
 * nslookup, curl, ping… this way).
 */
export class CommandTable {
  private readonly entries = new Map<string, Entry>();

  register(name: string, command: ShellCommand, availability: CommandAvailability = { kind: 'tool' }): this {
    this.entries.set(name, { command, availability });
    return this;
  }

  /** The command named `name` as seen from `where`, whose image has `tools`; undefined when there is none there. */
  lookup(name: string, where: Where, tools: readonly string[]): ShellCommand | undefined {
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    if (entry.availability.kind === 'utility') return entry.command;
    if (where.kind === 'workstation') return entry.availability.workstation ? entry.command : undefined;
    return tools.includes(name) ? entry.command : undefined;
  }

  /** Whether some registered command has this name, wherever it runs. */
  has(name: string): boolean {
    return this.entries.has(name);
  }

  names(): string[] {
    return [...this.entries.keys()].sort();
  }
}

export const ok = (stdout = ''): CommandIO => ({ stdout, stderr: '', exitCode: 0 });
export const fail = (stderr: string, exitCode = 1, stdout = ''): CommandIO => ({ stdout, stderr, exitCode });
