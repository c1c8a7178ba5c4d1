import { RESOURCES, lookupResource, type ResourceInfo } from '../cluster/api/resources';
import type { Cluster } from '../cluster/cluster';
import { EventRecorder } from '../cluster/runtime/event-recorder';
import { APPLY_FLAGS, CREATE_FLAGS, DELETE_FLAGS, DESCRIBE_FLAGS, GET_FLAGS, GET_FORMATS, GLOBAL_FLAGS, KUBECTL_COMMANDS } from './parse/flag-specs';
import type { FlagDef } from './parse/flags';

/** The flags each subcommand completes; commands without a list here complete the global flags. */
const COMMAND_FLAGS: Partial<Record<string, readonly FlagDef[]>> = {
  get: GET_FLAGS,
  describe: DESCRIBE_FLAGS,
  delete: DELETE_FLAGS,
  apply: APPLY_FLAGS,
  create: CREATE_FLAGS,
};

/** Commands whose arguments are `TYPE [NAME...]` or `TYPE/NAME` (ResourceTypeAndNameCompletionFunc). */
const TYPE_AND_NAME = new Set(['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'patch', 'scale', 'expose', 'wait', 'autoscale']);
/** Commands whose argument is a pod name (PodResourceNameCompletionFunc). */
const POD_NAME = new Set(['exec', 'logs', 'attach', 'port-forward', 'cp']);
const ROLLOUT_SUBCOMMANDS = ['history', 'pause', 'restart', 'resume', 'status', 'undo'];

/** Resource type words as a learner types them: plural and short names, sorted. */
function resourceWords(): string[] {
  return [...new Set(RESOURCES.flatMap((r) => [r.plural, ...r.shortNames]))].sort();
}

function objectNames(cluster: Cluster, info: ResourceInfo, namespace: string): string[] {
  const ns = info.namespaced ? namespace : undefined;
  const objects = info.kind === 'Event' ? cluster.events.list(ns === undefined ? undefined : { namespace: ns }).map((e) => EventRecorder.toObject(e)) : cluster.store.list(info.kind, ns);
  return objects.map((o) => o.metadata.name).sort();
}

/** Flags that take a value, by every spelling (`-n`, `--namespace`). */
function valuedFlags(defs: readonly FlagDef[]): Map<string, FlagDef> {
  const map = new Map<string, FlagDef>();
  for (const d of defs) {
    if (d.type === 'bool' || d.bare !== undefined) continue;
    map.set(`--${d.name}`, d);
    if (d.short) map.set(`-${d.short}`, d);
  }
  return map;
}

interface Typed {
  command?: string;
  positional: string[];
  namespace?: string;
  /** The flag whose value is being typed now, when the last word was a flag wanting one. */
  pendingFlag?: FlagDef;
}

/** Reads the words before the cursor as pflag would: the subcommand, its arguments, -n, a flag awaiting its value. */
function readWords(words: readonly string[]): Typed {
  const typed: Typed = { positional: [] };
  let valued = valuedFlags(GLOBAL_FLAGS);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.startsWith('-') && w.length > 1) {
      const eq = w.indexOf('=');
      const name = eq === -1 ? w : w.slice(0, eq);
      const short = /^-[A-Za-z]./.test(w) && !w.startsWith('--') ? w.slice(0, 2) : undefined;
      const def = valued.get(name) ?? (short ? valued.get(short) : undefined);
      let value: string | undefined;
      if (def && eq !== -1) value = w.slice(eq + 1);
      else if (def && short && name !== short) value = w.slice(2);
      else if (def) {
        if (i + 1 >= words.length) {
          typed.pendingFlag = def;
          break;
        }
        value = words[++i]!;
      }
      if (def?.name === 'namespace' && value !== undefined) typed.namespace = value;
      continue;
    }
    if (typed.command === undefined) {
      typed.command = w;
      valued = valuedFlags(COMMAND_FLAGS[w] ?? GLOBAL_FLAGS);
    } else typed.positional.push(w);
  }
  return typed;
}

function flagWords(defs: readonly FlagDef[], current: string): string[] {
  const supported = defs.filter((d) => d.supported !== false);
  const long = supported.map((d) => `--${d.name}`);
  const short = current.startsWith('--') ? [] : supported.filter((d) => d.short).map((d) => `-${d.short}`);
  return [...long, ...short].sort();
}

/** The values a flag completes to: namespaces for -n, formats for -o. */
function flagValues(def: FlagDef, cluster: Cluster): string[] {
  if (def.name === 'namespace') return cluster.store.list('Namespace').map((n) => n.metadata.name).sort();
  if (def.name === 'output') return [...GET_FORMATS].sort();
  return [];
}

/** `TYPE` then names, or `TYPE/NAME` once a slash is typed. */
function typeAndName(positional: readonly string[], current: string, cluster: Cluster, namespace: string): string[] {
  if (current.includes('/')) {
    const type = current.slice(0, current.indexOf('/'));
    const info = lookupResource(type);
    return info ? objectNames(cluster, info, namespace).map((n) => `${type}/${n}`) : [];
  }
  if (positional.length === 0) return resourceWords();
  // After `type/name` arguments only more `type/name` forms make sense; kubectl offers none by itself.
  if (positional.some((p) => p.includes('/'))) return [];
  const typeArg = positional[0]!;
  // `get pods,svc` lists several types: no names to offer.
  if (typeArg.includes(',')) return [];
  const info = lookupResource(typeArg);
  if (!info) return [];
  const given = new Set(positional.slice(1));
  return objectNames(cluster, info, namespace).filter((n) => !given.has(n));
}

/**
 * Shell completion for kubectl as its cobra `__complete` answers it:
 * subcommands, then the subcommand's flags, `-n` namespaces, `-o` formats,
 * resource types (plural and short names), and object names of the type
 * in the namespace of `-n` (or `namespace`, default `default`), including
 * the `type/name` form. `words` are the words before the cursor, with or
 * without the leading `kubectl`; `current` is the word being typed. Returns
 * the candidates that start with `current`, sorted. Only flags the
 * simulation supports are offered.
 */
export function completeKubectl(words: readonly string[], current: string, cluster: Cluster, namespace = 'default'): string[] {
  const rest = words[0] === 'kubectl' ? words.slice(1) : words;
  const typed = readWords(rest);
  const ns = typed.namespace ?? namespace;
  let candidates: string[];
  if (typed.pendingFlag) candidates = flagValues(typed.pendingFlag, cluster);
  else if (current.startsWith('-')) {
    const eq = current.indexOf('=');
    if (eq !== -1) {
      // `--namespace=ku` completes the value after `=`.
      const def = valuedFlags(COMMAND_FLAGS[typed.command ?? ''] ?? GLOBAL_FLAGS).get(current.slice(0, eq));
      const prefix = current.slice(0, eq + 1);
      return def ? flagValues(def, cluster).map((v) => prefix + v).filter((c) => c.startsWith(current)) : [];
    }
    candidates = flagWords(typed.command === undefined ? GLOBAL_FLAGS : (COMMAND_FLAGS[typed.command] ?? GLOBAL_FLAGS), current);
  } else if (typed.command === undefined) candidates = [...KUBECTL_COMMANDS];
  else if (typed.command === 'help') candidates = typed.positional.length === 0 ? [...KUBECTL_COMMANDS] : [];
  else if (TYPE_AND_NAME.has(typed.command)) candidates = typeAndName(typed.positional, current, cluster, ns);
  else if (POD_NAME.has(typed.command)) candidates = typed.positional.length === 0 ? objectNames(cluster, lookupResource('pods')!, ns) : [];
  else if (typed.command === 'rollout') {
    if (typed.positional.length === 0) candidates = ROLLOUT_SUBCOMMANDS;
    else {
      // The kinds rollout works on that this cluster serves (no StatefulSets).
      const rolloutTypes = ['daemonsets', 'deploy', 'deployments', 'ds'];
      const positional = typed.positional.slice(1);
      candidates = positional.length === 0 && !current.includes('/') ? rolloutTypes.sort() : typeAndName(positional, current, cluster, ns);
    }
  } else candidates = [];
  return candidates.filter((c) => c.startsWith(current));
}
