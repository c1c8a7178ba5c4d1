import { executeWrite } from './commands/apply';
import { executeDelete } from './commands/delete';
import { executeGet } from './commands/get';
import type { KubectlEnv } from './env';
import { clientError } from './errors';
import { message, renderMessage } from './messages';
import { err, line, out, type Chunk, type Printed } from './output';
import { parseCommand, type Command } from './parse/command';
import { printDelete } from './printers/delete';
import { renderError } from './printers/errors';
import { printGet } from './printers/get';
import { printHelp } from './printers/help';
import { printWrite } from './printers/write';
import { writeVerbFor } from './verbs/router';

export type { KubectlEnv } from './env';

export interface KubectlResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** Both streams interleaved as a terminal shows them. */
  combined: string;
}

/** kubectl exits 1 whenever a command ends with an error; warnings and notices alone do not fail it. */
function printed(chunks: Chunk[], failed: boolean): Printed {
  return { chunks, exitCode: failed ? 1 : 0 };
}

function execute(command: Command, env: KubectlEnv): Printed {
  switch (command.verb) {
    case 'help':
      return printed([out(printHelp(command))], false);
    case 'get': {
      const result = executeGet(command, env);
      return printed(printGet(result), result.error !== undefined);
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
  let run: Printed;
  const writeVerb = writeVerbFor(argv);
  const parsed = writeVerb ? undefined : parseCommand(argv);
  if (writeVerb) {
    run = guarded(() => writeVerb(env));
  } else if (parsed && !parsed.ok) {
    run = printed([...(parsed.notice ? [err(line(renderMessage(parsed.notice)))] : []), err(renderError(clientError(parsed.error)))], true);
  } else {
    run = guarded(() => execute((parsed as Extract<typeof parsed, { ok: true }>).command, env));
  }
  const result: KubectlResult = { stdout: '', stderr: '', exitCode: run.exitCode, combined: '' };
  for (const c of run.chunks) {
    if (c.stream === 'stdout') result.stdout += c.text;
    else result.stderr += c.text;
    result.combined += c.text;
  }
  return result;
}
