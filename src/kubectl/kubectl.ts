import { executeWrite } from './commands/apply';
import { executeDelete } from './commands/delete';
import { executeDescribe } from './commands/describe';
import { runSessionCommand, subcommandAt, type AttachRequest } from './commands/exec';
import { executeGet } from './commands/get';
import type { KubectlEnv } from './env';
import { clientError } from './errors';
import { message, renderMessage } from './messages';
import { err, line, out, type Chunk, type EditRequest, type Printed } from './output';
import { parseCommand, type Command } from './parse/command';
import { printDelete } from './printers/delete';
import { printDescribe } from './printers/describe/index';
import { renderError } from './printers/errors';
import { printGet } from './printers/get';
import { printHelp, printMissingFilename } from './printers/help';
import { printWrite } from './printers/write';
import { writeVerbFor } from './verbs/router';

export type { KubectlEnv } from './env';
export type { EditRequest } from './output';
export { saveEdit, type EditSaved } from './verbs/edit';

export interface KubectlResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** Both streams interleaved as a terminal shows them. */
  combined: string;
  /**
   * Set by a successful `kubectl get -w`. The run itself prints the current
   * table and returns at once (the core never blocks); a terminal that wants
   * the real behaviour re-runs the same argv as the virtual clock advances
   * and prints the rows whose text changed, without the header, until the
   * learner interrupts. A headless transcript just shows the first table.
   */
  watch?: true;
  /** exec, run -it, debug: what the shell should connect the terminal to. */
  attach?: AttachRequest;
  /** `kubectl edit` with an editor at hand: the file to open (saveEdit takes it back). */
  edit?: EditRequest;
}

/** kubectl exits 1 whenever a command ends with an error; warnings and notices alone do not fail it. */
function printed(chunks: Chunk[], failed: boolean): Printed {
  return { chunks, exitCode: failed ? 1 : 0 };
}

/** A printer-side failure (a bad -o template, a kind with no describer) is on stderr as `error: `. */
function endsInError(chunks: readonly Chunk[]): boolean {
  return chunks.some((c) => c.stream === 'stderr' && c.text.startsWith('error: '));
}

function execute(command: Command, env: KubectlEnv): Printed & { watch?: true } {
  switch (command.verb) {
    case 'help':
      if (command.missingFilename) return printed(printMissingFilename(command.missingFilename), true);
      return printed([out(printHelp(command))], false);
    case 'get': {
      const result = executeGet(command, env);
      const chunks = printGet(result);
      const run = printed(chunks, result.error !== undefined || endsInError(chunks));
      return command.watch && run.exitCode === 0 ? { ...run, watch: true } : run;
    }
    case 'apply':
    case 'create': {
      const result = executeWrite(command, env);
      return printed(printWrite(result), result.error !== undefined);
    }
    case 'delete': {
      const result = executeDelete(command, env);
      return printed(printDelete(result), result.error !== undefined);
    }
    case 'describe': {
      const result = executeDescribe(command, env);
      const chunks = printDescribe(result);
      return printed(chunks, result.error !== undefined || endsInError(chunks));
    }
  }
}

/** Runs a command; a throw is a defect of the simulation, not the learner's: say so instead of crashing the shell. */
function guarded(run: () => Printed): Printed {
  try {
    return run();
  } catch (e) {
    return printed([err(renderError(clientError(message('simulationDefect', e instanceof Error ? e.message : String(e)))))], true);
  }
}

/**
 * Runs one kubectl invocation (argv without `kubectl`) against the cluster:
 * parse, execute, print. A command that fails exits 1 with kubectl's
 * message; nothing a learner types makes it throw.
 */
export function runKubectl(argv: readonly string[], env: KubectlEnv): KubectlResult {
  const run = runKubectlChunks(argv, env);
  const result: KubectlResult = { stdout: '', stderr: '', exitCode: run.exitCode, combined: '' };
  if (run.attach) result.attach = run.attach;
  if (run.edit) result.edit = run.edit;
  for (const c of run.chunks) {
    if (c.stream === 'stdout') result.stdout += c.text;
    else result.stderr += c.text;
    result.combined += c.text;
  }
  if (run.watch) result.watch = true;
  return result;
}

/** runKubectl's output piece by piece on its stream, as a shell routes it through pipes and redirections. */
export function runKubectlChunks(argv: readonly string[], env: KubectlEnv): Printed & { attach?: AttachRequest; watch?: true } {
  // exec, debug and an attached `run -it` connect the terminal to a container; a plain `run` is a write verb.
  const writeVerb = writeVerbFor(argv);
  if (!writeVerb || (isRun(argv) && attaches(argv))) {
    const session = guard(() => runSessionCommand(argv, env));
    if (session) return session;
  }
  if (writeVerb) return guarded(() => writeVerb(env));
  const parsed = parseCommand(argv);
  if (!parsed.ok) return printed([...(parsed.notice ? [err(line(renderMessage(parsed.notice)))] : []), err(renderError(clientError(parsed.error)))], true);
  try {
    return execute(parsed.command, env);
  } catch (e) {
    // A defect of the simulation, not the learner's: say so instead of crashing the shell.
    return printed([err(renderError(clientError(message('simulationDefect', e instanceof Error ? e.message : String(e)))))], true);
  }
}

/** exec, run and debug as one guarded step: a defect of theirs prints like any other command's. */
function guard(run: () => Printed | undefined): (Printed & { attach?: AttachRequest }) | undefined {
  try {
    return run();
  } catch (e) {
    return printed([err(renderError(clientError(message('simulationDefect', e instanceof Error ? e.message : String(e)))))], true);
  }
}

/** The verb found as cobra finds it, past global flags and their values (`kubectl -n dev run …`). */
const isRun = (argv: readonly string[]) => argv[subcommandAt(argv)] === 'run';

/** -i, -t, -it, --stdin, --tty, --attach, --rm: flags that keep kubectl run connected to the pod. */
const attaches = (argv: readonly string[]) => argv.some((a) => /^-[it]+$/.test(a) || /^--(stdin|tty|attach|rm)(=|$)/.test(a));
