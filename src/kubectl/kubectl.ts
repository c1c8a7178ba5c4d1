import { FlagError, parseArgs, type FlagSpec } from './args';
import { runApply } from './commands/apply';
import { runDelete } from './commands/delete';
import { runGet } from './commands/get';
import { Output, type CommandResult, type KubectlEnv } from './context';
import { messages } from './messages';

const COMMON: FlagSpec = {
  values: { namespace: 'n', output: 'o', selector: 'l', filename: 'f', 'grace-period': '', 'dry-run': '', wait: '', 'field-selector': '', kubeconfig: '', context: '' },
  booleans: { 'all-namespaces': 'A', all: '', now: '', force: '', 'no-headers': '', 'show-labels': '', help: 'h' },
};

/** kubectl commands that exist but are not simulated yet. */
const NOT_YET = new Set([
  'describe', 'logs', 'exec', 'run', 'expose', 'scale', 'label', 'annotate', 'set', 'rollout', 'edit', 'patch', 'replace', 'wait', 'explain',
  'api-resources', 'api-versions', 'cluster-info', 'config', 'debug', 'port-forward', 'proxy', 'top', 'cordon', 'uncordon', 'drain', 'taint',
  'auth', 'certificate', 'cp', 'attach', 'diff', 'kustomize', 'autoscale', 'completion', 'plugin', 'events', 'version',
]);

/** Runs one kubectl invocation (argv without `kubectl`) against the cluster. */
export function runKubectl(argv: string[], env: KubectlEnv): CommandResult & { combined: string } {
  const out = new Output();
  const [command, ...rest] = argv;
  if (!command) {
    out.err('kubectl controls the Kubernetes cluster manager.\n\nBasic Commands: get, apply, create, delete\n\nUsage:\n  kubectl [flags] [options]\n');
    return { ...out.result(), combined: out.combined };
  }
  if (command === 'get' || command === 'apply' || command === 'delete' || command === 'create') {
    let args;
    try {
      args = parseArgs(rest, COMMON);
    } catch (e) {
      if (!(e instanceof FlagError)) throw e;
      out.err(`${messages.flagError(e.message, command)}\n`);
      return { ...out.result(), combined: out.combined };
    }
    try {
      if (command === 'get') runGet(args, env, out);
      else if (command === 'apply') runApply(args, env, out, 'apply');
      else if (command === 'create') runApply(args, env, out, 'create');
      else runDelete(args, env, out);
    } catch (e) {
      // A defect of the simulation, not the learner's: say so instead of crashing the shell.
      out.err(`error: the simulated cluster failed on this command (a Podlab bug): ${(e as Error).message}\n`);
    }
  } else if (NOT_YET.has(command)) {
    out.err(`${messages.notSimulated(command)}\n`);
  } else {
    out.err(`${messages.unknownCommand(command)}\n`);
  }
  return { ...out.result(), combined: out.combined };
}
