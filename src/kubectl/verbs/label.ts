import type { KubeObject } from '../../cluster/api/types';
import { deepClone } from '../../cluster/util/clone';
import { clientError, combineErrors } from '../errors';
import type { KubectlEnv } from '../env';
import { message, renderMessage, type Message } from '../messages';
import { line, out, type Chunk, type Printed } from '../output';
import { flagSet, flagValue, type FlagDef } from '../parse/flags';
import { DRY_RUN_FLAG, fail, failWith, isPrinted, objectLine, OUTPUT_FLAG, parseVerb, PRINT_EXTRAS, printed, updateObject } from './common';
import { resolveObjects } from './resolve';

const FLAGS: readonly FlagDef[] = [
  OUTPUT_FLAG,
  DRY_RUN_FLAG,
  ...PRINT_EXTRAS,
  { name: 'overwrite', type: 'bool' },
  { name: 'all', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'list', type: 'bool', supported: false },
  { name: 'local', type: 'bool', supported: false },
  { name: 'resource-version', type: 'string', supported: false },
  { name: 'all-namespaces', short: 'A', type: 'bool', supported: false },
  { name: 'field-selector', type: 'string', supported: false },
  { name: 'filename', short: 'f', type: 'string', supported: false },
];

export interface Changes {
  set: Record<string, string>;
  remove: string[];
}

/** Splits `k=v` and `k-` arguments from resource arguments, as label.go and annotate.go do. */
export function splitChanges(args: readonly string[], kind: 'label' | 'annotation'): { resources: string[]; changes: Changes } | Message {
  const resources: string[] = [];
  const changes: Changes = { set: {}, remove: [] };
  for (const arg of args) {
    if (arg.includes('=')) {
      const eq = arg.indexOf('=');
      const key = arg.slice(0, eq);
      // label.go splits on every `=`: `a=b=c` is not a label; annotation values may hold `=`.
      if (kind === 'label' && arg.split('=').length !== 2) return message('invalidLabelSpec', arg);
      if (key === '') return kind === 'label' ? message('invalidLabelSpec', arg) : message('invalidAnnotationFormat', arg);
      changes.set[key] = arg.slice(eq + 1);
    } else if (arg.endsWith('-') && arg.length > 1) {
      changes.remove.push(arg.slice(0, -1));
    } else {
      resources.push(arg);
    }
  }
  if (changes.remove.some((k) => k in changes.set)) return message('modifyAndRemove', kind);
  return { resources, changes };
}

/**
 * Applies the changes to one map. Without --overwrite, setting a key that
 * is already there is refused, even to the same value (validateNoOverwrites).
 */
export function applyChanges(current: Record<string, string> | undefined, changes: Changes, overwrite: boolean): { next: Record<string, string>; missing: string[] } | Message[] {
  const map = { ...(current ?? {}) };
  if (!overwrite) {
    const refused = Object.entries(changes.set)
      .filter(([k]) => k in map)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k]) => message('alreadyHasValue', k, map[k]!));
    if (refused.length > 0) return refused;
  }
  Object.assign(map, changes.set);
  const missing: string[] = [];
  for (const key of changes.remove) {
    if (key in map) delete map[key];
    else missing.push(key);
  }
  return { next: map, missing };
}

function runMetadataVerb(verb: 'label' | 'annotate', argv: readonly string[], env: KubectlEnv): Printed {
  const path = `kubectl ${verb}`;
  const field = verb === 'label' ? 'labels' : 'annotations';
  const ctx = parseVerb(argv, FLAGS, path, env);
  if (isPrinted(ctx)) return ctx;
  const split = splitChanges(ctx.flags.positional, verb === 'label' ? 'label' : 'annotation');
  if ('id' in split) return fail(split);
  const selector = flagValue(ctx.flags, 'selector');
  const all = flagSet(ctx.flags, 'all');
  if (split.resources.length === 0) return fail(message('usage', renderMessage(message('labelNoResources')), path));
  if (Object.keys(split.changes.set).length === 0 && split.changes.remove.length === 0) {
    return fail(message('usage', renderMessage(message('updateRequired', verb === 'label' ? 'label' : 'annotation')), path));
  }
  const resolved = resolveObjects(ctx, split.resources, { ...(selector !== undefined ? { selector } : {}), all });
  if (!resolved.ok) return failWith(resolved.error);
  const chunks: Chunk[] = [];
  for (const { info, object } of resolved.found) {
    const applied = applyChanges(object.metadata[field], split.changes, flagSet(ctx.flags, 'overwrite'));
    if (Array.isArray(applied)) return failWith(combineErrors(applied.map((m) => clientError(m)))!, chunks);
    // Said only when the change is sent (not with --dry-run=client).
    if (verb === 'label' && ctx.dryRun !== 'client') for (const key of applied.missing) chunks.push(out(line(renderMessage(message('labelNotFound', key)))));
    const next = deepClone(object) as KubeObject;
    if (Object.keys(applied.next).length > 0) next.metadata[field] = applied.next;
    else delete next.metadata[field];
    const result = updateObject(ctx, next);
    if (!result.ok) return failWith(result.error, chunks);
    const outcome = verb === 'annotate' ? 'annotated' : labelOutcome(object.metadata.labels, applied.next, flagSet(ctx.flags, 'overwrite'));
    chunks.push(objectLine(ctx, info, result.value, object.metadata.name, outcome));
  }
  return printed(chunks, false);
}

/**
 * label.go's updateDataChangeMsg: `not labeled` when nothing changed;
 * `unlabeled` when, without --overwrite, the object's JSON got shorter;
 * `labeled` otherwise. Only the labels differ, so their JSON is compared.
 */
export function labelOutcome(before: Record<string, string> | undefined, after: Record<string, string>, overwrite: boolean): string {
  const old = before ?? {};
  const same = Object.keys(old).length === Object.keys(after).length && Object.entries(after).every(([k, v]) => old[k] === v);
  if (same) return 'not labeled';
  return !overwrite && JSON.stringify(after).length < JSON.stringify(old).length ? 'unlabeled' : 'labeled';
}

export const runLabel = (argv: readonly string[], env: KubectlEnv) => runMetadataVerb('label', argv, env);
export const runAnnotate = (argv: readonly string[], env: KubectlEnv) => runMetadataVerb('annotate', argv, env);
