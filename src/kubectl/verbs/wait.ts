import { kindPrefix } from '../../cluster/api/resources';
import type { KubeObject } from '../../cluster/api/types';
import type { KubectlEnv } from '../env';
import { message, renderMessage } from '../messages';
import { line, out, type Chunk, type Printed } from '../output';
import { flagSet, flagValue, type FlagDef } from '../parse/flags';
import { fail, failWith, isPrinted, parseDuration, parseVerb, printed } from './common';
import { resolveObjects } from './resolve';

const FLAGS: readonly FlagDef[] = [
  { name: 'for', type: 'string' },
  { name: 'timeout', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'output', short: 'o', type: 'string', supported: false },
  { name: 'all-namespaces', short: 'A', type: 'bool', supported: false },
  { name: 'field-selector', type: 'string', supported: false },
  { name: 'filename', short: 'f', type: 'string', supported: false },
];

function conditionHolds(obj: KubeObject | undefined, condition: string): boolean {
  const conditions = (obj as { status?: { conditions?: { type: string; status: string }[] } } | undefined)?.status?.conditions ?? [];
  return conditions.some((c) => c.type.toLowerCase() === condition.toLowerCase() && c.status === 'True');
}

/**
 * `kubectl wait --for=condition=Ready|--for=delete TYPE/NAME | TYPE -l ...`:
 * the virtual clock runs until every object meets the condition, or
 * --timeout (30s by default) passes.
 */
export function runWait(argv: readonly string[], env: KubectlEnv): Printed {
  const ctx = parseVerb(argv, FLAGS, 'kubectl wait', env);
  if (isPrinted(ctx)) return ctx;
  const forText = flagValue(ctx.flags, 'for') ?? '';
  const condition = forText.toLowerCase().startsWith('condition=') ? forText.slice('condition='.length) : undefined;
  if (forText !== 'delete' && !condition) return fail(message('waitForFormat', forText));
  const timeoutText = flagValue(ctx.flags, 'timeout') ?? '30s';
  const timeout = parseDuration(timeoutText);
  if (timeout === undefined) return fail(message('invalidTimeout', timeoutText));
  const selector = flagValue(ctx.flags, 'selector');
  const resolved = resolveObjects(ctx, ctx.flags.positional, { ...(selector !== undefined ? { selector } : {}), all: flagSet(ctx.flags, 'all') });
  if (!resolved.ok) return failWith(resolved.error);
  if (resolved.found.length === 0) return fail(message('noMatchingResources'));
  const store = ctx.env.cluster.store;
  const chunks: Chunk[] = [];
  for (const { info, object } of resolved.found) {
    const live = () => store.get(info.kind, object.metadata.namespace, object.metadata.name);
    const met = forText === 'delete' ? () => live()?.metadata.uid !== object.metadata.uid : () => conditionHolds(live(), condition!);
    if (!ctx.env.cluster.advanceUntil(met, timeout)) return fail(message('waitTimedOut', info.plural, object.metadata.name), chunks);
    chunks.push(out(line(renderMessage(message('conditionMet', `${kindPrefix(info)}/${object.metadata.name}`)))));
  }
  return printed(chunks, false);
}
