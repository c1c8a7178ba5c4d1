import type { Deployment, ReplicaSet } from '../../cluster/api/types';
import { ApiError } from '../../cluster/api/errors';
import { apiError } from '../errors';
import { deepClone } from '../../cluster/util/clone';
import type { KubectlEnv } from '../env';
import { message, renderMessage } from '../messages';
import type { Chunk, Printed } from '../output';
import { flagSet, flagValue, type FlagDef } from '../parse/flags';
import { DRY_RUN_FLAG, fail, failWith, isPrinted, objectLine, OUTPUT_FLAG, parseVerb, PRINT_EXTRAS, printed, updateObject } from './common';
import { resolveFiles, resolveObjects } from './resolve';

const SCALE_FLAGS: readonly FlagDef[] = [
  OUTPUT_FLAG,
  DRY_RUN_FLAG,
  ...PRINT_EXTRAS,
  { name: 'replicas', type: 'int' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'current-replicas', type: 'int', supported: false },
  { name: 'resource-version', type: 'string', supported: false },
  { name: 'timeout', type: 'string', supported: false },
  { name: 'filename', short: 'f', type: 'string' },
];

/** `kubectl scale --replicas=N deployment/web` or `-f FILE` (deployments and replica sets). */
export function runScale(argv: readonly string[], env: KubectlEnv): Printed {
  const ctx = parseVerb(argv, SCALE_FLAGS, 'kubectl scale', env);
  if (isPrinted(ctx)) return ctx;
  const replicasText = flagValue(ctx.flags, 'replicas');
  if (replicasText === undefined) return fail(message('requiredFlag', 'replicas'));
  const replicas = Number(replicasText);
  if (replicas < 0) return fail(message('usage', 'The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0', 'kubectl scale'));
  const selector = flagValue(ctx.flags, 'selector');
  const paths = ctx.flags.values.get('filename') ?? [];
  const resolved = paths.length > 0 ? resolveFiles(ctx, paths, ctx.flags.positional) : resolveObjects(ctx, ctx.flags.positional, { ...(selector !== undefined ? { selector } : {}), all: flagSet(ctx.flags, 'all') });
  if (!resolved.ok) return failWith(resolved.error);
  // scale.go counts what it visited: nothing (an empty file, a selector that matches nothing) is an error.
  if (resolved.found.length === 0) return fail(message('noObjectsToScale'));
  const chunks: Chunk[] = [];
  for (const { info, object } of resolved.found) {
    // Kinds without a /scale subresource: the apiserver has no such path.
    if (object.kind !== 'Deployment' && object.kind !== 'ReplicaSet') return failWith(apiError(new ApiError('NotFound', 404, renderMessage(message('noSuchPath')))), chunks);
    const next = deepClone(object) as Deployment | ReplicaSet;
    next.spec.replicas = replicas;
    const result = updateObject(ctx, next);
    if (!result.ok) return failWith(result.error, chunks);
    chunks.push(objectLine(ctx, info, result.value, object.metadata.name, 'scaled'));
  }
  return printed(chunks, false);
}
