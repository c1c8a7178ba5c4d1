import type { AttachRequest } from '../kubectl/commands/exec';
import { runKubectlChunks, type EditRequest } from '../kubectl/kubectl';
import { isInteractive, runAttached } from './attach';
import { builtin } from './builtins';
import type { CommandContext } from './command-table';
import { expandFields, expandString, UnsupportedSyntax, type Expander } from './expand';
import { notAvailableMessage, notFoundMessage, onPath, pathPrograms, shellName } from './hosts';
import type { WorkingFiles } from './files';
import { frameFiles, type Frame, type ShellSession } from './state';
import type { Command, Redirect, Script, Stmt } from './syntax/ast';
import { parseScript } from './syntax/parse';

/** Output in the order it was written, on the stream it went to. */
export interface Chunk {
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface Run {
  chunks: Chunk[];
  status: number;
}

/** `exit`: unwinds to the shell that runs the line. */
export class ExitSignal {
  /** What the shell printed before it exited, gathered as the signal unwinds. */
  readonly chunks: Chunk[];

  constructor(
    readonly status: number,
    message = '',
  ) {
    this.chunks = message ? [{ stream: 'stderr', text: message }] : [];
  }
}

/** Runs `fn`; if it exits the shell, what was printed before (`before`) goes with the signal. */
function keeping<T>(before: readonly Chunk[], fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ExitSignal) e.chunks.unshift(...before);
    throw e;
  }
}

/** Not bash's: a bound that keeps a browser tab responsive (loops over huge lists, runaway output). */
export const OUTPUT_LIMIT = 1_000_000;

const stdoutOf = (chunks: readonly Chunk[]) => chunks.filter((c) => c.stream === 'stdout').map((c) => c.text).join('');

type Target = { type: 'out' } | { type: 'err' } | { type: 'null' } | { type: 'file'; path: string };

/**
 * Runs a parsed script in one shell (a frame: the host and its variables).
 * Commands run one after another; a pipeline hands each command's standard
 * output to the next as its standard input, while standard error goes to
 * the terminal at once. Nothing the learner typed is evaluated as code.
 */
export class Interpreter {
  /** kubectl sessions (exec -it, run -it, debug) opened by the line, for the shell to enter after it. */
  readonly attachments: AttachRequest[] = [];
  /** Signals for the terminal: clear the screen, repeat a command. */
  clear = false;
  watch?: { command: string; intervalSeconds: number; stream?: true };
  /** The last `kubectl edit` of the line: the file the page should open. */
  edit?: EditRequest;
  private written = 0;
  private readonly expandingAliases = new Set<string>();
  /** Above 0 while standard input comes from a pipe or a redirection rather than the terminal. */
  private redirectedInput = 0;
  /** Above 0 while standard output goes into a pipe, a file or a substitution rather than the terminal. */
  private redirectedOutput = 0;

  constructor(
    readonly session: ShellSession,
    readonly frame: Frame,
  ) {}

  /** The files from this shell's working directory (read again after each `cd`). */
  get files(): WorkingFiles {
    return frameFiles(this.frame);
  }

  runScript(script: Script, stdin: string): Run {
    const chunks: Chunk[] = [];
    let status = this.frame.status;
    for (const stmt of script) {
      const run = keeping(chunks, () => this.runStmt(stmt, stdin));
      chunks.push(...run.chunks);
      status = run.status;
      this.frame.status = status;
    }
    return { chunks, status };
  }

  private runStmt(stmt: Stmt, stdin: string): Run {
    if (stmt.background) return { chunks: [{ stream: 'stderr', text: `${shellName(this.frame.host.flavour)}: background jobs (&) are not available in this simulated shell\n` }], status: 1 };
    const chunks: Chunk[] = [];
    const fds = new Map<number, Target>([[1, { type: 'out' }], [2, { type: 'err' }]]);
    let input = stdin;
    try {
      for (const r of stmt.redirects) {
        const problem = this.redirect(r, fds, (text) => (input = text));
        if (problem) return { chunks: [{ stream: 'stderr', text: problem }], status: 1 };
      }
    } catch (e) {
      return this.unsupported(e);
    }
    const redirected = stmt.redirects.some((r) => r.heredoc !== undefined || r.op === '<' || r.op === '<>' || r.op === '<<<');
    const outputAway = fds.get(1)!.type === 'file' || fds.get(1)!.type === 'null';
    if (redirected) this.redirectedInput++;
    if (outputAway) this.redirectedOutput++;
    let run: Run;
    try {
      run = this.runCommand(stmt.command, input);
    } finally {
      if (redirected) this.redirectedInput--;
      if (outputAway) this.redirectedOutput--;
    }
    for (const c of run.chunks) {
      const target = fds.get(c.stream === 'stdout' ? 1 : 2)!;
      if (target.type === 'out') chunks.push({ stream: 'stdout', text: c.text });
      else if (target.type === 'err') chunks.push({ stream: 'stderr', text: c.text });
      else if (target.type === 'file') this.files.write(target.path, c.text, true);
    }
    const status = stmt.negated ? (run.status === 0 ? 1 : 0) : run.status;
    return { chunks, status };
  }

  /** Applies one redirection to the descriptor table; returns the shell's complaint when it fails. */
  private redirect(r: Redirect, fds: Map<number, Target>, setInput: (text: string) => void): string | undefined {
    const name = shellName(this.frame.host.flavour);
    if (r.heredoc) {
      let body = expandString(r.heredoc, this.expander());
      if (r.op === '<<-') body = body.replace(/^\t+/gm, '');
      setInput(body);
      return undefined;
    }
    const word = expandString(r.word, this.expander());
    const fileTarget = (): Target => {
      if (word === '/dev/null') return { type: 'null' };
      if (word === '/dev/stdout') return { ...fds.get(1)! };
      if (word === '/dev/stderr') return { ...fds.get(2)! };
      return { type: 'file', path: word };
    };
    switch (r.op) {
      case '<':
      case '<>': {
        if (word === '/dev/null') return setInput(''), undefined;
        const text = this.files.readFile(word);
        if (text === undefined) return `${name}: ${word}: No such file or directory\n`;
        setInput(text);
        return undefined;
      }
      case '<<<':
        setInput(`${word}\n`);
        return undefined;
      case '>':
      case '>|':
      case '>>': {
        const target = fileTarget();
        if (target.type === 'file' && r.op !== '>>') this.files.write(target.path, '', false);
        fds.set(r.fd ?? 1, target);
        return undefined;
      }
      case '&>':
      case '&>>': {
        const target = fileTarget();
        if (target.type === 'file' && r.op === '&>') this.files.write(target.path, '', false);
        fds.set(1, target);
        fds.set(2, { ...target });
        return undefined;
      }
      case '>&':
      case '<&': {
        const fd = r.fd ?? (r.op === '>&' ? 1 : 0);
        if (word === '-') fds.set(fd, { type: 'null' });
        else if (/^\d+$/.test(word)) {
          const source = fds.get(Number(word));
          if (!source) return `${name}: ${word}: Bad file descriptor\n`;
          if (fd !== 0) fds.set(fd, { ...source });
        } else if (r.op === '>&' && r.fd === undefined) {
          // `>& file` is `&> file`.
          const target = fileTarget();
          if (target.type === 'file') this.files.write(target.path, '', false);
          fds.set(1, target);
          fds.set(2, { ...target });
        } else return `${name}: ${word}: ambiguous redirect\n`;
        return undefined;
      }
    }
  }

  private runCommand(command: Command, stdin: string): Run {
    switch (command.type) {
      case 'call':
        return this.runCall(command, stdin);
      case 'binary':
        return this.runBinary(command, stdin);
      case 'for': {
        const chunks: Chunk[] = [];
        let status = 0;
        let items: string[];
        try {
          items = command.items ? command.items.flatMap((w) => expandFields(w, this.expander())) : [];
        } catch (e) {
          return this.unsupported(e);
        }
        for (const item of items) {
          this.frame.vars.set(command.name, item);
          const run = keeping(chunks, () => this.runScript(command.body, stdin));
          chunks.push(...run.chunks);
          status = run.status;
          if (this.overLimit(run.chunks)) return { chunks: [...chunks, this.limitChunk()], status: 1 };
        }
        return { chunks, status };
      }
      case 'if': {
        const cond = this.runScript(command.cond, stdin);
        if (cond.status === 0) {
          const then = keeping(cond.chunks, () => this.runScript(command.then, stdin));
          return { chunks: [...cond.chunks, ...then.chunks], status: then.status };
        }
        if (!command.otherwise) return { chunks: cond.chunks, status: 0 };
        const otherwise = keeping(cond.chunks, () => this.runScript(command.otherwise!, stdin));
        return { chunks: [...cond.chunks, ...otherwise.chunks], status: otherwise.status };
      }
      case 'block':
        return this.runScript(command.body, stdin);
      case 'unsupported':
        return this.unsupported(new UnsupportedSyntax(command.what));
    }
  }

  private runBinary(command: Extract<Command, { type: 'binary' }>, stdin: string): Run {
    if (command.op === '|') {
      // Each side of a pipe is a subshell: `exit` there ends only that side.
      this.redirectedOutput++;
      let left: Run;
      try {
        left = this.subshell(() => this.runStmt(command.left, stdin));
      } finally {
        this.redirectedOutput--;
      }
      this.redirectedInput++;
      let right: Run;
      try {
        right = this.subshell(() => this.runStmt(command.right, stdoutOf(left.chunks)));
      } finally {
        this.redirectedInput--;
      }
      return { chunks: [...left.chunks.filter((c) => c.stream === 'stderr'), ...right.chunks], status: right.status };
    }
    const left = this.runStmt(command.left, stdin);
    this.frame.status = left.status;
    const runRight = command.op === '&&' ? left.status === 0 : left.status !== 0;
    if (!runRight) return left;
    const right = keeping(left.chunks, () => this.runStmt(command.right, stdin));
    return { chunks: [...left.chunks, ...right.chunks], status: right.status };
  }

  private subshell(run: () => Run): Run {
    try {
      return run();
    } catch (e) {
      if (e instanceof ExitSignal) return { chunks: e.chunks, status: e.status };
      throw e;
    }
  }

  private runCall(command: Extract<Command, { type: 'call' }>, stdin: string): Run {
    this.lastSubstStatus = undefined;
    const expander = this.expander();
    let argv: string[];
    const assigns: [string, string][] = [];
    try {
      for (const a of command.assigns) assigns.push([a.name, a.value ? expandString(a.value, expander) : '']);
      argv = command.args.flatMap((w) => expandFields(w, expander));
    } catch (e) {
      return this.unsupported(e);
    }
    const substChunks = this.takeSubstitutionStderr();
    if (argv.length === 0) {
      for (const [name, value] of assigns) this.frame.vars.set(name, value);
      return { chunks: substChunks, status: this.lastSubstStatus ?? 0 };
    }
    // Aliases apply to the first word when it was typed plainly, as text (an alias may hold a pipe),
    // each alias once per expansion so `alias ls='ls -l'` does not loop.
    const first = command.args[0]!.parts;
    const name = argv[0]!;
    const alias = first.length === 1 && first[0]!.type === 'lit' && !this.expandingAliases.has(name) ? this.frame.aliases.get(name) : undefined;
    if (alias !== undefined) {
      const parsed = parseScript(`${alias} ${argv.slice(1).map(quoteWord).join(' ')}\n`);
      if (!parsed.ok) return { chunks: [...substChunks, { stream: 'stderr', text: `${shellName(this.frame.host.flavour)}: alias ${name}: ${parsed.message}\n` }], status: 2 };
      this.expandingAliases.add(name);
      try {
        const run = keeping(substChunks, () => this.runScript(parsed.script, stdin));
        return { chunks: [...substChunks, ...run.chunks], status: run.status };
      } finally {
        this.expandingAliases.delete(name);
      }
    }
    const env = new Map(this.frame.vars);
    for (const [name, value] of assigns) env.set(name, value);
    const run = keeping(substChunks, () => this.runProgram(argv, stdin, env));
    return { chunks: [...substChunks, ...run.chunks], status: run.status };
  }

  /** Runs argv: a shell builtin, kubectl on the workstation, then the command table, else "not found". */
  runProgram(argv: string[], stdin: string, env: ReadonlyMap<string, string>): Run {
    const name = argv[0]!;
    const host = this.frame.host;
    const inBuiltin = builtin(name);
    if (inBuiltin) return inBuiltin(argv, this, stdin);
    if (name === 'kubectl' && host.where.kind === 'workstation') {
      const editor = this.session.terminal === 'browser';
      const r = runKubectlChunks(argv.slice(1), { cluster: this.session.cluster, readFile: (p) => this.files.readFile(p), listDir: (p) => this.files.listDir(p), stdin, editor });
      const chunks: Chunk[] = r.chunks.map((c) => ({ ...c }));
      // `kubectl edit` in the lesson terminal: the page opens the file in its editor once the line is done.
      if (r.edit) this.edit = r.edit;
      // `kubectl get -w`: a terminal that can goes on printing the rows that change (kubectl's watch stream).
      if (r.watch) this.watch = { command: argv.map(quoteArg).join(' '), intervalSeconds: 1, stream: true };
      if (!r.attach) return { chunks, status: r.exitCode };
      if (isInteractive(r.attach, this.session)) {
        if (this.redirectedInput === 0) {
          this.attachments.push(r.attach);
          return { chunks, status: r.exitCode };
        }
        // kubectl's words (term.TTY) when -t meets a pipe; the shell then reads the pipe as its script.
        chunks.push({ stream: 'stderr', text: 'Unable to use a TTY - input is not a terminal or the right kind of file\n' });
      }
      const attached = runAttached(r.attach, stdin, this.session);
      return { chunks: [...chunks, ...attached.chunks], status: attached.status };
    }
    const command = this.session.commands.lookup(name, host.where, pathPrograms(host));
    // A program the image has but the simulation does not run is said plainly, not passed off as missing.
    if (!command && onPath(host, name)) {
      return { chunks: [{ stream: 'stderr', text: notAvailableMessage(name, shellName(host.flavour)) }], status: 127 };
    }
    if (!command) return { chunks: [{ stream: 'stderr', text: notFoundMessage(host.flavour, name) }], status: 127 };
    const ctx: CommandContext = { stdin, env, cluster: this.session.cluster, files: this.files, where: host.where, userland: host.userland, stdoutIsTerminal: host.tty !== false && this.redirectedOutput === 0 };
    const io = command(argv, ctx);
    for (const w of io.writes ?? []) this.files.write(w.path, w.text, false);
    const chunks: Chunk[] = [];
    if (io.stderr && !io.stderrLast) chunks.push({ stream: 'stderr', text: io.stderr });
    if (io.stdout) chunks.push({ stream: 'stdout', text: io.stdout });
    if (io.stderr && io.stderrLast) chunks.push({ stream: 'stderr', text: io.stderr });
    return { chunks, status: io.exitCode };
  }

  private pendingSubstStderr: Chunk[] = [];
  private lastSubstStatus: number | undefined;

  private takeSubstitutionStderr(): Chunk[] {
    const chunks = this.pendingSubstStderr;
    this.pendingSubstStderr = [];
    return chunks;
  }

  expander(): Expander {
    return {
      variable: (name) => this.variable(name),
      substitute: (script) => {
        const saved = this.frame.status;
        this.redirectedOutput++;
        let run: Run;
        try {
          run = this.subshell(() => this.runScript(script, ''));
        } finally {
          this.redirectedOutput--;
        }
        this.frame.status = saved;
        this.lastSubstStatus = run.status;
        this.pendingSubstStderr.push(...run.chunks.filter((c) => c.stream === 'stderr'));
        return stdoutOf(run.chunks);
      },
    };
  }

  private variable(name: string): string | undefined {
    if (name === '?') return String(this.frame.status);
    if (name === '#') return '0';
    if (name === '0') return shellName(this.frame.host.flavour);
    if (name === '@' || name === '*' || /^\d+$/.test(name)) return '';
    return this.frame.vars.get(name);
  }

  private unsupported(e: unknown): Run {
    if (!(e instanceof UnsupportedSyntax)) throw e;
    return { chunks: [{ stream: 'stderr', text: `${shellName(this.frame.host.flavour)}: ${e.message} is not available in this simulated shell\n` }], status: 2 };
  }

  private overLimit(chunks: readonly Chunk[]): boolean {
    for (const c of chunks) this.written += c.text.length;
    return this.written > OUTPUT_LIMIT;
  }

  private limitChunk(): Chunk {
    return { stream: 'stderr', text: `${shellName(this.frame.host.flavour)}: output stopped after ${OUTPUT_LIMIT} characters (a limit of this simulated shell)\n` };
  }
}

/** A word quoted so the parser reads it back unchanged. */
function quoteWord(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

/** A word as the shell reads it back: quoted when it holds anything but plain characters. */
function quoteArg(word: string): string {
  return /^[A-Za-z0-9_.\/:=,@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}
