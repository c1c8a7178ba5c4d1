import { execNotFound, finishSession, type AttachRequest } from '../kubectl/commands/exec';
import { builtin } from './builtins';
import { hostFor, isShell, notAvailableMessage, onPath, pathPrograms, programName, type Host } from './hosts';
import { ExitSignal, Interpreter, type Chunk, type Run } from './interpreter';
import { containerSessionFiles, newFrame, type ShellSession } from './state';
import { parseScript } from './syntax/parse';

/**
 * What the shell does with a kubectl session (exec, run -it, debug): an
 * interactive shell becomes a nested host on the stack, entered after the
 * line; anything else runs in the container now, and kubectl's closing
 * lines follow (exit code, `pod "tmp" deleted`).
 */
export function isInteractive(request: AttachRequest, session: ShellSession): boolean {
  const argv = commandOf(request, session);
  return request.stdin && request.tty && isShell(argv) && !argv.includes('-c');
}

/**
 * kubectl run/debug without a command runs the image's own: for the tool
 * images of the course, their shell (netshoot's is zsh).
 */
function commandOf(request: AttachRequest, session: ShellSession): string[] {
  if (request.argv.length > 0) return request.argv;
  const tools = session.cluster.catalogue.lookup(request.target.image)?.tools ?? [];
  return [tools.includes('zsh') ? 'zsh' : 'sh'];
}

/** Runs a non-interactive session to its end; `stdin` is what was piped into kubectl. */
export function runAttached(request: AttachRequest, stdin: string, session: ShellSession): Run {
  const run = runInContainer(request, request.stdin ? stdin : '', session);
  const end = finish(request, run.status, session);
  return { chunks: [...run.chunks, ...end.chunks], status: end.status };
}

function runInContainer(request: AttachRequest, stdin: string, session: ShellSession): Run {
  const argv = commandOf(request, session);
  const program = programName(argv[0]!);
  const host = hostFor(request, program, session.cluster.catalogue);
  const hasShell = host.tools.includes('sh');
  const missing = (): Run => fromKubectl(execNotFound(argv[0]!));
  if (isShell(argv)) {
    if (!onPath(host, program)) return missing();
    const c = argv.indexOf('-c');
    if (c !== -1 && argv[c + 1] === undefined) return { chunks: [{ stream: 'stderr', text: `${program}: -c requires an argument\n` }], status: 2 };
    const script = c !== -1 ? argv[c + 1]! : stdin;
    const parsed = parseScript(script);
    if (!parsed.ok) return { chunks: [{ stream: 'stderr', text: `${program}: syntax error: ${parsed.message}\n` }], status: 2 };
    const shell = new Interpreter(session, containerFrame(host, session));
    try {
      return shell.runScript(parsed.script, c !== -1 ? stdin : '');
    } catch (e) {
      if (e instanceof ExitSignal) return { chunks: e.chunks, status: e.status };
      throw e;
    }
  }
  // Without a shell, the runtime starts the program itself: only what the image has
  // (core utilities come with the image's shell: busybox applets, coreutils).
  const known = builtin(program) !== undefined || session.commands.lookup(program, host.where, pathPrograms(host)) !== undefined;
  if (!onPath(host, program) && !(hasShell && known)) return missing();
  // No shell in between: the simulation itself says the program is not run here.
  if (!known) return { chunks: [{ stream: 'stderr', text: notAvailableMessage(program) }], status: 127 };
  const shell = new Interpreter(session, containerFrame(host, session));
  return shell.runProgram([program, ...argv.slice(1)], stdin, shell.frame.vars);
}

/** Enters an interactive session: a nested shell on the stack, or kubectl's error when the image has no such shell. */
export function enterSession(request: AttachRequest, session: ShellSession): Chunk[] {
  const argv = commandOf(request, session);
  const program = programName(argv[0]!);
  const host: Host = hostFor(request, program, session.cluster.catalogue);
  if (!onPath(host, program)) {
    const run = fromKubectl(execNotFound(argv[0]!));
    return [...run.chunks, ...finish(request, run.status, session).chunks];
  }
  // The workstation's aliases do not follow into the container.
  session.frames.push(containerFrame(host, session));
  return [];
}

/** Leaves the innermost nested shell after `exit`: bash says `exit`; kubectl then prints its closing lines. */
export function leaveSession(session: ShellSession, status: number): Run {
  const frame = session.frames.pop()!;
  const request = frame.host.session;
  // A shell `chroot /host` opened ends on its own; kubectl has nothing to say.
  if (!request) return { chunks: [], status };
  const chunks: Chunk[] = frame.host.flavour === 'bash' ? [{ stream: 'stderr', text: 'exit\n' }] : [];
  const end = finish(request, status, session);
  return { chunks: [...chunks, ...end.chunks], status: end.status };
}

/** kubectl's closing lines and exit code. */
function finish(request: AttachRequest, status: number, session: ShellSession): Run {
  const env = { cluster: session.cluster, readFile: (p: string) => session.files.readFile(p), listDir: (p: string) => session.files.listDir(p) };
  return fromKubectl(finishSession(request, status, env));
}

function fromKubectl(r: { chunks: readonly { stream: 'stdout' | 'stderr'; text: string }[]; exitCode: number }): Run {
  return { chunks: r.chunks.map((c) => ({ ...c })), status: r.exitCode };
}

function containerFrame(host: Host, session: ShellSession) {
  return newFrame(host, containerSessionFiles(session, host.where));
}
