import type { KubectlEnv } from '../env';
import { message } from '../messages';
import type { Printed } from '../output';
import { GLOBAL_FLAGS } from '../parse/flag-specs';
import { fail } from './common';
import { createSubcommand, runCreateGenerator } from './create';
import { runExplain } from './explain';
import { runExpose } from './expose';
import { runEdit } from './edit';
import { runApiResources, runClusterInfo, runConfig, runVersion } from './info';
import { runAnnotate, runLabel } from './label';
import { runLogs } from './logs';
import { runPatch } from './patch';
import { runRollout } from './rollout';
import { runRun } from './run';
import { runScale } from './scale';
import { runSetImage } from './set-image';
import { runWait } from './wait';

type Runner = (argv: readonly string[], env: KubectlEnv) => Printed;

const VERBS: Record<string, Runner> = {
  expose: runExpose,
  run: runRun,
  scale: runScale,
  label: runLabel,
  annotate: runAnnotate,
  rollout: runRollout,
  wait: runWait,
  version: runVersion,
  'cluster-info': runClusterInfo,
  config: runConfig,
  'api-resources': runApiResources,
  edit: runEdit,
  logs: runLogs,
  patch: runPatch,
  explain: runExplain,
  set: (argv, env) => {
    const at = argv.findIndex((a) => !a.startsWith('-'));
    if (argv[at] === 'image') return runSetImage([...argv.slice(0, at), ...argv.slice(at + 1)], env);
    return fail(message('notAvailable', `kubectl set ${argv[at] ?? ''}`.trim()));
  },
};

/** The index of the first argument that is not a global flag or its value (cobra's subcommand search). */
function firstWord(argv: readonly string[], from = 0): number {
  const valued = new Set(GLOBAL_FLAGS.filter((f) => f.type !== 'bool').flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]));
  for (let i = from; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return -1;
    if (!arg.startsWith('-') || arg === '-') return i;
    if (valued.has(arg)) i++;
  }
  return -1;
}

/**
 * The write-side verbs (create <generator>, expose, run, scale, label,
 * annotate, set image, rollout, wait, version, cluster-info, config,
 * api-resources, edit): the runner for this argv, or undefined when the
 * main parser handles it. The runner gets argv without the verb's words.
 */
export function writeVerbFor(argv: readonly string[]): ((env: KubectlEnv) => Printed) | undefined {
  const at = firstWord(argv);
  if (at === -1) return undefined;
  const verb = argv[at]!;
  const rest = [...argv.slice(0, at), ...argv.slice(at + 1)];
  if (verb === 'create') {
    const subAt = firstWord(rest, at);
    if (subAt === -1) return undefined;
    const generator = createSubcommand(rest[subAt]!, rest[subAt + 1]);
    if (!generator) return undefined;
    const words = generator.split(' ').length;
    const args = [...rest.slice(0, subAt), ...rest.slice(subAt + words)];
    return (env) => runCreateGenerator(generator, args, env);
  }
  if (verb === 'help') {
    const topic = rest.filter((a) => !a.startsWith('-'));
    if (topic[0] && Object.hasOwn(VERBS, topic[0])) return (env) => VERBS[topic[0]!]!([...topic.slice(1), '--help'], env);
    return undefined;
  }
  // Own keys only: a verb named like an Object.prototype member (`__proto__`) is not a verb.
  const runner = Object.hasOwn(VERBS, verb) ? VERBS[verb] : undefined;
  return runner ? (env) => runner(rest, env) : undefined;
}
