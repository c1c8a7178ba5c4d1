import { isApiError } from '../../cluster/api/errors';
import { kindPrefix, resourceForKind, type ResourceInfo } from '../../cluster/api/resources';
import type { KindName, KubeObject } from '../../cluster/api/types';
import { deepClone } from '../../cluster/util/clone';
import type { KubectlEnv } from '../env';
import { apiError, clientError, type KubectlError } from '../errors';
import { message, renderMessage, type DryRunSuffix, type Message } from '../messages';
import { err, line, out, type Chunk, type Printed } from '../output';
import { GLOBAL_FLAGS, WRITE_FORMATS } from '../parse/flag-specs';
import { flagSet, flagValue, parseFlags, type FlagDef, type ParsedFlags } from '../parse/flags';
import { toJson, toYaml } from '../printers/documents';
import { renderError } from '../printers/errors';
import { helpText } from './help';

/** What every write-side verb shares once its flags are parsed. */
export interface VerbContext {
  env: KubectlEnv;
  flags: ParsedFlags;
  /** `kubectl create deployment`: for usage errors and flag errors. */
  path: string;
  namespace: string;
  /** -n was given: generators then write it into the object (EnforceNamespace). */
  explicitNamespace: boolean;
  dryRun: DryRunSuffix;
  output: '' | 'yaml' | 'json' | 'name';
}

export const DRY_RUN_FLAG: FlagDef = { name: 'dry-run', type: 'string', bare: 'unchanged' };
export const OUTPUT_FLAG: FlagDef = { name: 'output', short: 'o', type: 'string' };
const unsupported = (name: string, type: FlagDef['type'], short?: string): FlagDef => ({ name, type, supported: false, ...(short ? { short } : {}) });
/** genericclioptions.PrintFlags' template flags, and the field manager every write takes. */
export const PRINT_EXTRAS: readonly FlagDef[] = [
  unsupported('template', 'string'),
  unsupported('allow-missing-template-keys', 'bool'),
  unsupported('show-managed-fields', 'bool'),
  unsupported('field-manager', 'string'),
];

export function printed(chunks: Chunk[], failed: boolean): Printed {
  return { chunks, exitCode: failed ? 1 : 0 };
}

export function failWith(error: KubectlError, before: Chunk[] = []): Printed {
  return printed([...before, err(renderError(error))], true);
}

export function fail(m: Message, before: Chunk[] = []): Printed {
  return failWith(clientError(m), before);
}

export function usage(text: string, path: string): Printed {
  return fail(message('usage', text, path));
}

/** Runs an apiserver call; its ApiError becomes kubectl's `Error from server (...)`. */
export function guarded<T>(call: () => T): { ok: true; value: T } | { ok: false; error: KubectlError } {
  try {
    return { ok: true, value: call() };
  } catch (e) {
    if (!isApiError(e)) throw e;
    return { ok: false, error: apiError(e) };
  }
}

/**
 * Parses a verb's flags (global flags included) and the output and dry-run
 * flags every write verb has; returns kubectl's error when they are wrong.
 */
export function parseVerb(argv: readonly string[], defs: readonly FlagDef[], path: string, env: KubectlEnv): VerbContext | Printed {
  const parsed = parseFlags(argv, [...GLOBAL_FLAGS, ...defs], path);
  if (!parsed.ok) return fail(parsed.error);
  const flags = parsed.flags;
  if (flagSet(flags, 'help')) return printed([out(helpText(path))], false);
  if (flags.unsupported.length > 0) return fail(message('notAvailable', `${path} ${flags.unsupported[0]}`));
  const explicit = flagValue(flags, 'namespace') || undefined;
  const dryText = flagValue(flags, 'dry-run') ?? 'none';
  const dryRun = dryText === 'unchanged' ? 'client' : dryText;
  if (dryRun !== 'none' && dryRun !== 'client' && dryRun !== 'server') return fail(message('invalidDryRun', dryText));
  const output = flagValue(flags, 'output') ?? '';
  if (output !== '' && output !== 'yaml' && output !== 'json' && output !== 'name') {
    const eq = output.indexOf('=');
    const format = eq === -1 ? output : output.slice(0, eq);
    if ((WRITE_FORMATS as readonly string[]).includes(format)) return fail(message('notAvailable', `${path} -o ${format}`));
    return fail(message('unsupportedOutput', output, WRITE_FORMATS));
  }
  return { env, flags, path, namespace: explicit ?? env.namespace ?? 'default', explicitNamespace: explicit !== undefined, dryRun, output };
}

export function isPrinted(x: unknown): x is Printed {
  return typeof x === 'object' && x !== null && 'chunks' in x && 'exitCode' in x;
}

/**
 * The object as kubectl's client-side dry run prints it: never sent, so the
 * empty structs Go marshals are there (`creationTimestamp: null`,
 * `resources: {}`, `status: {}`). v1.34 still prints `creationTimestamp: null`
 * (the omitzero change came later; uncertain for patch releases).
 */
export function clientView(obj: KubeObject): unknown {
  const view = deepClone(obj) as unknown as Record<string, any>;
  view.metadata = { creationTimestamp: null, ...view.metadata };
  const podSpecs: Record<string, any>[] = [];
  if (view.kind === 'Pod') podSpecs.push(view.spec);
  if (view.kind === 'Deployment') {
    view.spec.strategy ??= {};
    view.spec.template.metadata = { creationTimestamp: null, ...view.spec.template.metadata };
    podSpecs.push(view.spec.template.spec);
  }
  for (const spec of podSpecs) for (const c of spec.containers ?? []) c.resources ??= {};
  if (view.kind === 'Namespace') view.spec ??= {};
  if (view.kind === 'Service') view.status ??= { loadBalancer: {} };
  else if (view.kind !== 'ConfigMap') view.status ??= {};
  return view;
}

/** One object as the verb prints it: `deployment.apps/web created`, or the object with -o. */
export function objectLine(ctx: VerbContext, info: ResourceInfo, obj: unknown, name: string, what: string): Chunk {
  const resource = `${kindPrefix(info)}/${name}`;
  if (ctx.output === 'name') return out(`${resource}\n`);
  if (ctx.output === 'yaml') return out(toYaml(obj));
  if (ctx.output === 'json') return out(toJson(obj));
  return out(line(renderMessage(message('did', resource, what, ctx.dryRun))));
}

/** Creates what a generator built, honouring --dry-run, and prints `<kind>/<name> created`. */
export function createGenerated(ctx: VerbContext, obj: KubeObject, what = 'created'): Printed {
  const info = resourceForKind(obj.kind as KindName);
  if (ctx.dryRun === 'client') return printed([objectLine(ctx, info, clientView(obj), obj.metadata.name, what)], false);
  const sent = deepClone(obj);
  if (info.namespaced) sent.metadata.namespace = ctx.namespace;
  const created = guarded(() => ctx.env.cluster.api.create(sent, { dryRun: ctx.dryRun === 'server' }));
  if (!created.ok) return failWith(created.error);
  if (ctx.dryRun === 'none') ctx.env.cluster.settle();
  return printed([objectLine(ctx, info, created.value, obj.metadata.name, what)], false);
}

/** Sends a changed object (client dry run: only prints it) and settles the controllers. */
export function updateObject(ctx: VerbContext, obj: KubeObject): { ok: true; value: KubeObject } | { ok: false; error: KubectlError } {
  if (ctx.dryRun === 'client') return { ok: true, value: obj };
  const result = guarded(() => ctx.env.cluster.api.update(obj, { dryRun: ctx.dryRun === 'server' }));
  if (result.ok && ctx.dryRun === 'none') ctx.env.cluster.settle();
  return result;
}

/** kubectl's duration flags (`30s`, `2m`, `1h30m`, `0`); undefined when Go's time.ParseDuration would refuse it. */
export function parseDuration(text: string): number | undefined {
  if (text === '0') return 0;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
  let total = 0;
  let consumed = 0;
  for (const m of text.matchAll(re)) {
    if (m.index !== consumed) return undefined;
    consumed += m[0].length;
    total += Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms' | 's' | 'm' | 'h'];
  }
  return consumed === text.length && consumed > 0 ? total : undefined;
}
