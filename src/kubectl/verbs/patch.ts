import { parse as parseYaml } from 'yaml';
import { deepClone } from '../../cluster/util/clone';
import type { Deployment, KubeObject, ReplicaSet } from '../../cluster/api/types';
import { unknownFieldsOf } from '../../cluster/api/decode';
import { ApiError, badRequest, fieldError, invalid, jsonPatchFailed } from '../../cluster/api/errors';
import { resourceForKind, type ResourceInfo } from '../../cluster/api/resources';
import { hasScale, scaleOf, type Scale } from '../commands/scale-subresource';
import { toJson, toYaml } from '../printers/documents';
import type { KubectlEnv } from '../env';
import { apiError, clientError, type KubectlError } from '../errors';
import { message, renderMessage } from '../messages';
import { err, line, out, type Chunk, type Printed } from '../output';
import { flagValue, type FlagDef } from '../parse/flags';
import { DRY_RUN_FLAG, fail, failWith, guarded, isPrinted, objectLine, OUTPUT_FLAG, parseVerb, PRINT_EXTRAS, printed, updateObject, type VerbContext } from './common';
import { applyJsonPatch, jsonPatchClientDecodeError, jsonPatchDecodeError } from './patch-json';
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
  { name: 'subresource', type: 'string' },
  { name: 'record', type: 'bool', supported: false },
];

const PATCH_TYPES = ['json', 'merge', 'strategic'];

/**
 * `kubectl patch TYPE NAME -p PATCH [--type=strategic|merge|json]`: the
 * patch (JSON or YAML, as yaml.ToJSON reads it) merged into the live object,
 * or its RFC 6902 operations applied to it, and sent; `patched`, or
 * `patched (no change)` when nothing differs. `--subresource=status` sends
 * it to the object's /status, which takes only the status;
 * `--subresource=scale` patches the workload's Scale.
 */
export function runPatch(argv: readonly string[], env: KubectlEnv): Printed {
  const ctx = parseVerb(argv, FLAGS, 'kubectl patch', env);
  if (isPrinted(ctx)) return ctx;
  const text = flagValue(ctx.flags, 'patch') ?? '';
  if (text === '') return fail(message('patchRequired'));
  const type = flagValue(ctx.flags, 'type') ?? 'strategic';
  if (!PATCH_TYPES.includes(type.toLowerCase())) return fail(message('patchType', PATCH_TYPES, type));
  const subresource = flagValue(ctx.flags, 'subresource') ?? '';
  if (subresource !== '' && subresource !== 'status' && subresource !== 'scale') return fail(message('patchSubresource', subresource));
  const json = type.toLowerCase() === 'json';
  let patch: unknown;
  try {
    patch = parseYaml(text);
  } catch {
    return fail(message('patchUnparsable', text));
  }
  if (!json && (typeof patch !== 'object' || patch === null || Array.isArray(patch))) return fail(message('patchUnparsable', text));
  const resolved = resolveObjects(ctx, ctx.flags.positional);
  if (!resolved.ok) return failWith(resolved.error);
  const chunks: Chunk[] = [];
  for (const { info, object: live } of resolved.found) {
    // /scale serves a Scale built from the workload; kinds without it have no such path.
    if (subresource === 'scale' && !hasScale(live)) return failWith(apiError(new ApiError('NotFound', 404, renderMessage(message('noSuchPath')))), chunks);
    const object: KubeObject = subresource === 'scale' ? scaleOf(live as Deployment | ReplicaSet) : live;
    let next: KubeObject;
    if (json) {
      const patched = jsonPatched(object, patch, ctx.dryRun === 'client');
      if (!patched.ok) return failWith(patched.error, chunks);
      next = patched.value;
    } else next = (type.toLowerCase() === 'merge' ? jsonMergePatch(object, patch) : strategicMergePatch(object, patch as Record<string, unknown>)) as KubeObject;
    if (subresource === 'scale') {
      const done = patchScale(ctx, live as Deployment | ReplicaSet, object as Scale, next);
      if (!done.ok) return failWith(done.error, chunks);
      chunks.push(done.chunk);
      continue;
    }
    if (ctx.dryRun !== 'client') {
      // The patch handler decodes the result with fieldValidation=Warn (kubectl patch sends none):
      // each unknown field becomes a warning and is dropped.
      const unknown = unknownFieldsOf(next);
      for (const field of unknown) chunks.push(err(`${renderMessage(message('unknownFieldWarning', field))}\n`));
      if (unknown.length > 0) next = withoutFields(next, unknown);
    }
    if (subresource === 'status') {
      // The patch goes to NAME/status: the server keeps the live spec, so a change there is no change.
      const result = ctx.dryRun === 'client' ? { ok: true as const, value: next } : updateStatusObject(ctx, next);
      if (!result.ok) return failWith(result.error, chunks);
      const same = ctx.dryRun === 'client' ? JSON.stringify(next) === JSON.stringify(object) : result.value === object || JSON.stringify(result.value) === JSON.stringify(object);
      chunks.push(objectLine(ctx, info, result.value, object.metadata.name, same ? 'patched (no change)' : 'patched'));
      continue;
    }
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

/**
 * The patched Scale sent to NAME/scale: the registry takes only
 * spec.replicas (validated as ValidateScale does) into the workload and
 * answers with the new Scale; kubectl names it `scale.autoscaling/NAME`.
 */
function patchScale(ctx: VerbContext, live: Deployment | ReplicaSet, before: Scale, patched: KubeObject): { ok: true; chunk: Chunk } | { ok: false; error: KubectlError } {
  const replicas = (patched.spec as { replicas?: unknown } | undefined)?.replicas ?? 0;
  const name = live.metadata.name;
  const said = (scale: Scale, what: string): Chunk => {
    if (ctx.output === 'yaml') return out(toYaml(scale));
    if (ctx.output === 'json') return out(toJson(scale));
    if (ctx.output === 'name') return out(`scale.autoscaling/${name}\n`);
    return out(line(renderMessage(message('did', `scale.autoscaling/${name}`, what, ctx.dryRun))));
  };
  if (typeof replicas !== 'number' || !Number.isInteger(replicas)) return { ok: false, error: apiError(badRequest(`json: cannot unmarshal ${typeof replicas} into Go struct field ScaleSpec.spec.replicas of type int32`)) };
  if (replicas < 0) return { ok: false, error: apiError(invalid(SCALE_INFO, name, [fieldError.invalid('spec.replicas', replicas, 'must be greater than or equal to 0')])) };
  if (replicas === before.spec.replicas) return { ok: true, chunk: said(before, 'patched (no change)') };
  if (ctx.dryRun === 'client') return { ok: true, chunk: said({ ...before, spec: { replicas } }, 'patched') };
  const result = updateObject(ctx, { ...live, spec: { ...live.spec, replicas } } as KubeObject);
  if (!result.ok) return result;
  return { ok: true, chunk: said(scaleOf(result.value as Deployment | ReplicaSet), 'patched') };
}

/** How the apiserver's errors name a Scale (`The Scale "web" is invalid: …`). */
const SCALE_INFO = { ...resourceForKind('Deployment'), kind: 'Scale', group: 'autoscaling', plural: 'scale' } as unknown as ResourceInfo;

/** The patched object sent to the /status subresource (server dry-run runs every check and stores nothing). */
function updateStatusObject(ctx: Parameters<typeof updateObject>[0], obj: KubeObject): { ok: true; value: KubeObject } | { ok: false; error: KubectlError } {
  const result = guarded(() => ctx.env.cluster.api.updateStatusChecked(obj, { dryRun: ctx.dryRun === 'server' }));
  if (result.ok && ctx.dryRun === 'none') ctx.env.cluster.settle();
  return result;
}

/**
 * What the apiserver's JSON patch handler does with the live object
 * (apiserver handlers/patch.go applyJSPatch): a patch that is not a list of
 * operations is a BadRequest; an operation that fails (a `test` that does not
 * hold, a path that is not there) is a 422 whose reason the server does not
 * send. With --dry-run=client kubectl patches locally (patch.go
 * getPatchedJSON) and prints the library's own error.
 */
function jsonPatched(object: KubeObject, patch: unknown, local: boolean): { ok: true; value: KubeObject } | { ok: false; error: KubectlError } {
  if (local) {
    const decodeError = jsonPatchClientDecodeError(patch);
    if (decodeError !== undefined) return { ok: false, error: clientError(message('jsonPatchLocal', decodeError)) };
  } else {
    const decodeError = jsonPatchDecodeError(patch);
    if (decodeError !== undefined) return { ok: false, error: apiError(badRequest(`error decoding patch: ${decodeError}`)) };
  }
  const applied = applyJsonPatch(object, patch);
  if (!applied.ok) {
    if (!local) return { ok: false, error: apiError(jsonPatchFailed()) };
    // kubectl rewords the library's "doc is missing key" (patch.go: "pretty hacky").
    const reason = applied.reason;
    const m = reason.includes('doc is missing key') ? message('jsonPatchMissingField', reason.slice(reason.indexOf('key:') + 5)) : message('jsonPatchLocal', reason);
    return { ok: false, error: clientError(m) };
  }
  const value = applied.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: clientError(message('notAvailable', 'kubectl patch --type=json replacing the whole object with a list')) };
  return { ok: true, value: value as KubeObject };
}

/** A copy of `obj` without the fields at these decoder paths (`spec.foo`, `spec.containers[0].bar`). */
function withoutFields(obj: KubeObject, paths: readonly string[]): KubeObject {
  const copy = deepClone(obj);
  for (const path of paths) {
    const tokens = [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => m[1] ?? Number(m[2]));
    let at: unknown = copy;
    for (const token of tokens.slice(0, -1)) at = at === null || typeof at !== 'object' ? undefined : (at as Record<string | number, unknown>)[token];
    if (at !== null && typeof at === 'object') delete (at as Record<string | number, unknown>)[tokens.at(-1)!];
  }
  return copy;
}
