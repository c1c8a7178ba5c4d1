import type { KubectlEnv } from '../env';
import { message } from '../messages';
import type { Printed } from '../output';
import { flagSet, flagValue, type FlagDef } from '../parse/flags';
import { createGenerated, DRY_RUN_FLAG, fail, isPrinted, OUTPUT_FLAG, parseVerb, PRINT_EXTRAS, usage } from './common';
import { podFor } from './generators';

/**
 * The interactive flags of `kubectl run` (-it, --rm, --attach). Hook for
 * the interactive side: they are listed unsupported here, so using one says
 * it is not available; whoever implements `run -it` replaces these defs and
 * takes the run over when `wantsInteractive(flags)` holds.
 */
export const RUN_INTERACTIVE_FLAGS: readonly FlagDef[] = [
  { name: 'stdin', short: 'i', type: 'bool', supported: false },
  { name: 'tty', short: 't', type: 'bool', supported: false },
  { name: 'rm', type: 'bool', supported: false },
  { name: 'attach', type: 'bool', supported: false },
  { name: 'quiet', short: 'q', type: 'bool', supported: false },
];

const RUN_FLAGS: readonly FlagDef[] = [
  OUTPUT_FLAG,
  DRY_RUN_FLAG,
  ...PRINT_EXTRAS,
  { name: 'image', type: 'string' },
  { name: 'port', type: 'string' },
  { name: 'labels', short: 'l', type: 'string' },
  { name: 'restart', type: 'string' },
  { name: 'env', type: 'string' },
  { name: 'command', type: 'bool' },
  { name: 'image-pull-policy', type: 'string', supported: false },
  { name: 'overrides', type: 'string', supported: false },
  { name: 'expose', type: 'bool', supported: false },
  { name: 'annotations', type: 'string', supported: false },
  ...RUN_INTERACTIVE_FLAGS,
];

/** `kubectl run NAME --image=IMAGE [--port] [--labels] [--restart] [--env] [-- ARGS]`: one pod, not attached. */
export function runRun(argv: readonly string[], env: KubectlEnv): Printed {
  const ctx = parseVerb(argv, RUN_FLAGS, 'kubectl run', env);
  if (isPrinted(ctx)) return ctx;
  const [name, ...args] = ctx.flags.positional;
  if (name === undefined) return usage('NAME is required for run', 'kubectl run');
  const image = flagValue(ctx.flags, 'image');
  if (image === undefined) return fail(message('requiredFlag', 'image'));
  const restart = flagValue(ctx.flags, 'restart') ?? 'Always';
  if (restart !== 'Always' && restart !== 'OnFailure' && restart !== 'Never') return fail(message('usage', `invalid restart policy: ${restart}`, 'kubectl run'));
  let labels: Record<string, string> | undefined;
  const labelText = flagValue(ctx.flags, 'labels');
  if (labelText) {
    labels = {};
    for (const pair of labelText.split(',')) {
      const eq = pair.indexOf('=');
      if (eq <= 0) return fail(message('invalidLabelSpec', pair));
      labels[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
  }
  const envVars: { name: string; value: string }[] = [];
  for (const e of ctx.flags.values.get('env') ?? []) {
    const eq = e.indexOf('=');
    if (eq <= 0) return fail(message('usage', `invalid env: ${e}`, 'kubectl run'));
    envVars.push({ name: e.slice(0, eq), value: e.slice(eq + 1) });
  }
  const portText = flagValue(ctx.flags, 'port');
  if (portText !== undefined && portText !== '' && !/^\d+$/.test(portText)) return fail(message('invalidPortSpec', portText));
  const pod = podFor({
    name,
    ...(ctx.explicitNamespace ? { namespace: ctx.namespace } : {}),
    image,
    ...(labels ? { labels } : {}),
    ...(portText ? { port: Number(portText) } : {}),
    env: envVars,
    args,
    command: flagSet(ctx.flags, 'command'),
    restart,
  });
  return createGenerated(ctx, pod);
}
