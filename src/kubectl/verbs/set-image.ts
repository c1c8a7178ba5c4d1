import type { KubeObject, PodSpec } from '../../cluster/api/types';
import { deepClone } from '../../cluster/util/clone';
import type { KubectlEnv } from '../env';
import { message } from '../messages';
import type { Chunk, Printed } from '../output';
import { flagSet, flagValue, type FlagDef } from '../parse/flags';
import { DRY_RUN_FLAG, fail, failWith, isPrinted, objectLine, OUTPUT_FLAG, parseVerb, PRINT_EXTRAS, printed, usage, updateObject } from './common';
import { resolveObjects } from './resolve';

const FLAGS: readonly FlagDef[] = [
  OUTPUT_FLAG,
  DRY_RUN_FLAG,
  ...PRINT_EXTRAS,
  { name: 'all', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'local', type: 'bool', supported: false },
  { name: 'filename', short: 'f', type: 'string', supported: false },
];

/** The pod spec a workload carries: its own (pods) or its template's. */
export function podSpecOf(obj: KubeObject): PodSpec | undefined {
  const o = obj as unknown as { spec?: { containers?: unknown; template?: { spec?: PodSpec } } };
  if (obj.kind === 'Pod') return o.spec as PodSpec;
  return o.spec?.template?.spec;
}

/** `kubectl set image deployment/web nginx=nginx:1.28` (`*=IMAGE` sets every container). */
export function runSetImage(argv: readonly string[], env: KubectlEnv): Printed {
  const path = 'kubectl set image';
  const ctx = parseVerb(argv, FLAGS, path, env);
  if (isPrinted(ctx)) return ctx;
  const resources = ctx.flags.positional.filter((a) => !a.includes('='));
  const images = ctx.flags.positional.filter((a) => a.includes('=')).map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] as const);
  if (resources.length === 0) return usage('one or more resources must be specified as <resource> <name> or <resource>/<name>', path);
  if (images.length === 0) return fail(message('setImageNoChanges'));
  const selector = flagValue(ctx.flags, 'selector');
  const resolved = resolveObjects(ctx, resources, { ...(selector !== undefined ? { selector } : {}), all: flagSet(ctx.flags, 'all') });
  if (!resolved.ok) return failWith(resolved.error);
  const chunks: Chunk[] = [];
  for (const { info, object } of resolved.found) {
    const next = deepClone(object);
    const spec = podSpecOf(next);
    if (!spec) return fail(message('unsupportedKind', 'image setter', info.plural), chunks);
    for (const [container, image] of images) {
      const targets = [...spec.containers, ...(spec.initContainers ?? [])].filter((c) => container === '*' || c.name === container);
      if (targets.length === 0) return fail(message('setImageNoContainer', container), chunks);
      for (const c of targets) c.image = image;
    }
    const result = updateObject(ctx, next);
    if (!result.ok) return failWith(result.error, chunks);
    chunks.push(objectLine(ctx, info, result.value, object.metadata.name, 'image updated'));
  }
  return printed(chunks, false);
}
