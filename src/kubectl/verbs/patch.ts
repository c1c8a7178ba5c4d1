import { parse as parseYaml } from 'yaml';
import type { KubeObject } from '../../cluster/api/types';
import type { KubectlEnv } from '../env';
import { message } from '../messages';
import type { Chunk, Printed } from '../output';
import { flagValue, type FlagDef } from '../parse/flags';
import { DRY_RUN_FLAG, fail, failWith, isPrinted, objectLine, OUTPUT_FLAG, parseVerb, PRINT_EXTRAS, printed, updateObject } from './common';
import { jsonMergePatch, strategicMergePatch } from './patch-merge';
import { resolveObjects } from './resolve';

const FLAGS: readonly FlagDef[] = [
  OUTPUT_FLAG,
  DRY_RUN_FLAG,
  ...PRINT_EXTRAS,
  { name: 'patch', short: 'p', type: 'string' },
  { name: 'type', type: 'string' },
  { name: 'patch-file', type: 'string', supported: false },
  { name: 'filename', short: 'f', type: 'string', supported: false },
  { name: 'local', type: 'bool', supported: false },
  { name: 'subresource', type: 'string', supported: false },
  { name: 'record', type: 'bool', supported: false },
];

const PATCH_TYPES = ['json', 'merge', 'strategic'];

/**
 * `kubectl patch TYPE NAME -p PATCH [--type=strategic|merge]`: the patch
 * (JSON or YAML, as yaml.ToJSON reads it) merged into the live object and
 * sent; `patched`, or `patched (no change)` when nothing differs.
 */
export function runPatch(argv: readonly string[], env: KubectlEnv): Printed {
  const ctx = parseVerb(argv, FLAGS, 'kubectl patch', env);
  if (isPrinted(ctx)) return ctx;
  const text = flagValue(ctx.flags, 'patch') ?? '';
  if (text === '') return fail(message('patchRequired'));
  const type = flagValue(ctx.flags, 'type') ?? 'strategic';
  if (!PATCH_TYPES.includes(type.toLowerCase())) return fail(message('patchType', PATCH_TYPES, type));
  if (type.toLowerCase() === 'json') return fail(message('notAvailable', 'kubectl patch --type=json'));
  let patch: unknown;
  try {
    patch = parseYaml(text);
  } catch {
    return fail(message('patchUnparsable', text));
  }
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return fail(message('patchUnparsable', text));
  const resolved = resolveObjects(ctx, ctx.flags.positional);
  if (!resolved.ok) return failWith(resolved.error);
  const chunks: Chunk[] = [];
  for (const { info, object } of resolved.found) {
    const next = (type.toLowerCase() === 'merge' ? jsonMergePatch(object, patch) : strategicMergePatch(object, patch as Record<string, unknown>)) as KubeObject;
    if (JSON.stringify(next) === JSON.stringify(object)) {
      chunks.push(objectLine(ctx, info, object, object.metadata.name, 'patched (no change)'));
      continue;
    }
    const result = updateObject(ctx, next);
    if (!result.ok) return failWith(result.error, chunks);
    chunks.push(objectLine(ctx, info, result.value, object.metadata.name, 'patched'));
  }
  return printed(chunks, false);
}
