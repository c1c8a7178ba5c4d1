import { resourceForKind } from '../../cluster/api/resources';
import type { DaemonSet, Deployment, KubeObject, ReplicaSet } from '../../cluster/api/types';
import { deepClone } from '../../cluster/util/clone';
import type { KubectlEnv } from '../env';
import { message, renderMessage, type Message } from '../messages';
import { line, out, type Chunk, type Printed } from '../output';
import { flagValue, type FlagDef } from '../parse/flags';
import { DRY_RUN_FLAG, fail, failWith, isPrinted, objectLine, OUTPUT_FLAG, parseDuration, parseVerb, PRINT_EXTRAS, printed, usage, updateObject, type VerbContext } from './common';
import { resolveObjects } from './resolve';

const REVISION = 'deployment.kubernetes.io/revision';
const CHANGE_CAUSE = 'kubernetes.io/change-cause';
const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';
/** `rollout status` has no timeout by default; the simulation stops waiting after this much virtual time. */
export const ROLLOUT_WAIT_LIMIT_MS = 10 * 60 * 1000;

const FLAGS: readonly FlagDef[] = [
  OUTPUT_FLAG,
  DRY_RUN_FLAG,
  ...PRINT_EXTRAS,
  { name: 'timeout', type: 'string' },
  { name: 'watch', short: 'w', type: 'bool' },
  { name: 'to-revision', type: 'int' },
  { name: 'revision', type: 'int', supported: false },
  { name: 'selector', short: 'l', type: 'string', supported: false },
  { name: 'filename', short: 'f', type: 'string', supported: false },
];

const SUBCOMMANDS = ['status', 'restart', 'undo', 'history'] as const;

/** `kubectl rollout status|restart|undo|history deployment/NAME`. */
export function runRollout(argv: readonly string[], env: KubectlEnv): Printed {
  const at = argv.findIndex((a) => !a.startsWith('-'));
  const sub = at === -1 ? undefined : argv[at];
  if (sub === undefined || !(SUBCOMMANDS as readonly string[]).includes(sub)) {
    if (sub && ['pause', 'resume'].includes(sub)) return fail(message('notAvailable', `kubectl rollout ${sub}`));
    const ctx = parseVerb(argv, FLAGS, 'kubectl rollout', env);
    if (isPrinted(ctx)) return ctx;
    return usage(sub ? `unknown command "${sub}" for "kubectl rollout"` : 'a subcommand is required: history, restart, status or undo', 'kubectl rollout');
  }
  const path = `kubectl rollout ${sub}`;
  const ctx = parseVerb([...argv.slice(0, at), ...argv.slice(at + 1)], FLAGS, path, env);
  if (isPrinted(ctx)) return ctx;
  const resolved = resolveObjects(ctx, ctx.flags.positional);
  if (!resolved.ok) return failWith(resolved.error);
  const { info, object } = resolved.found[0]!;
  if (sub === 'status' && object.kind === 'DaemonSet') return status(ctx, object, (live) => daemonSetStatusLine(live as DaemonSet));
  if (object.kind !== 'Deployment') return fail(message('unsupportedKind', sub === 'status' ? 'status viewer' : sub === 'history' ? 'history viewer' : sub === 'undo' ? 'rollbacker' : 'restarter', groupKind(info)));
  const d = object as Deployment;
  switch (sub) {
    case 'status':
      return status(ctx, d, (live) => deploymentStatusLine(live as Deployment));
    case 'restart': {
      const next = deepClone(d);
      const meta = next.spec.template.metadata ?? {};
      next.spec.template.metadata = { ...meta, annotations: { ...meta.annotations, [RESTARTED_AT]: env.cluster.clock.timestamp() } };
      const result = updateObject(ctx, next);
      if (!result.ok) return failWith(result.error);
      return printed([objectLine(ctx, info, result.value, d.metadata.name, 'restarted')], false);
    }
    case 'undo':
      return undo(ctx, d);
    case 'history':
      return history(ctx, d);
  }
  return usage('unreachable', path);
}

/** schema.GroupKind's String(): `Pod`, `DaemonSet.apps`. */
function groupKind(info: { kind: string; group: string }): string {
  return info.group ? `${info.kind}.${info.group}` : info.kind;
}

/** The deployment's replica sets, oldest revision first. */
function replicaSetsOf(ctx: VerbContext, d: Deployment): ReplicaSet[] {
  return ctx.env.cluster.store
    .list('ReplicaSet', d.metadata.namespace)
    .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.uid === d.metadata.uid))
    .sort((a, b) => Number(a.metadata.annotations?.[REVISION] ?? 0) - Number(b.metadata.annotations?.[REVISION] ?? 0));
}

/** polymorphichelpers' DeploymentStatusViewer, word for word; done when the rollout is complete. */
export type StatusLine = { text: string; done: boolean } | { error: Message };

export function deploymentStatusLine(d: Deployment): StatusLine {
  const name = d.metadata.name;
  const s = d.status ?? {};
  if ((d.metadata.generation ?? 0) > (s.observedGeneration ?? 0)) return { text: renderMessage(message('rolloutWaiting', 'deployment spec update to be observed...')), done: false };
  const progressing = s.conditions?.find((c) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') return { error: message('rolloutProgressDeadline', name) };
  const wanted = d.spec.replicas ?? 1;
  const updated = s.updatedReplicas ?? 0;
  const total = s.replicas ?? 0;
  const available = s.availableReplicas ?? 0;
  const waiting = (rest: string) => ({ text: renderMessage(message('rolloutWaiting', `deployment "${name}" rollout to finish: ${rest}`)), done: false });
  if (updated < wanted) return waiting(`${updated} out of ${wanted} new replicas have been updated...`);
  if (total > updated) return waiting(`${total - updated} old replicas are pending termination...`);
  if (available < updated) return waiting(`${available} of ${updated} updated replicas are available...`);
  return { text: renderMessage(message('rolloutDone', 'deployment', name)), done: true };
}

/**
 * Watches the rollout in virtual time: the clock runs from one controller
 * wakeup to the next, a line is printed each time the status text changes,
 * until the rollout is done or --timeout passes.
 */
function status(ctx: VerbContext, d: KubeObject, viewer: (live: KubeObject) => StatusLine): Printed {
  const timeoutText = flagValue(ctx.flags, 'timeout') ?? '0s';
  const timeout = parseDuration(timeoutText);
  if (timeout === undefined) return fail(message('invalidTimeout', timeoutText));
  const watch = flagValue(ctx.flags, 'watch') !== 'false';
  const limit = timeout > 0 ? timeout : ROLLOUT_WAIT_LIMIT_MS;
  const cluster = ctx.env.cluster;
  const chunks: Chunk[] = [];
  let last = '';
  let outcome = { text: '', done: false } as StatusLine;
  const check = (): boolean => {
    const live = cluster.store.get(d.kind as 'Deployment' | 'DaemonSet', d.metadata.namespace, d.metadata.name);
    if (!live) return true;
    outcome = viewer(live);
    if ('error' in outcome) return true;
    if (outcome.text !== last) chunks.push(out(line(outcome.text)));
    last = outcome.text;
    return outcome.done || !watch;
  };
  const finished = cluster.advanceUntil(check, limit);
  if ('error' in outcome) return fail(outcome.error, chunks);
  if (!finished) return fail(message('timedOut'), chunks);
  return printed(chunks, false);
}

/** polymorphichelpers' DaemonSetStatusViewer. */
export function daemonSetStatusLine(ds: DaemonSet): StatusLine {
  if ((ds.spec.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') return { error: message('rolloutOnlyRollingUpdate') };
  if ((ds.metadata.generation ?? 0) > (ds.status?.observedGeneration ?? 0)) return { text: renderMessage(message('rolloutWaiting', 'daemon set spec update to be observed...')), done: false };
  const name = ds.metadata.name;
  const desired = ds.status?.desiredNumberScheduled ?? 0;
  const updated = ds.status?.updatedNumberScheduled ?? 0;
  const available = ds.status?.numberAvailable ?? 0;
  const waiting = (rest: string) => ({ text: renderMessage(message('rolloutWaiting', `daemon set "${name}" rollout to finish: ${rest}`)), done: false });
  if (updated < desired) return waiting(`${updated} out of ${desired} new pods have been updated...`);
  if (available < desired) return waiting(`${available} of ${desired} updated pods are available...`);
  return { text: renderMessage(message('rolloutDone', 'daemon set', name)), done: true };
}

function history(ctx: VerbContext, d: Deployment): Printed {
  const rows = [['REVISION', 'CHANGE-CAUSE'], ...replicaSetsOf(ctx, d).map((rs) => [rs.metadata.annotations?.[REVISION] ?? '0', rs.metadata.annotations?.[CHANGE_CAUSE] ?? '<none>'])];
  // kubectl prints the resource with a trailing space, then its own tabwriter (padding 2), then a blank line.
  const width = Math.max(...rows.map((r) => r[0]!.length)) + 2;
  const table = rows.map(([rev, cause]) => `${rev!.padEnd(width)}${cause}\n`).join('');
  return printed([out(`deployment.apps/${d.metadata.name} \n${table}\n`)], false);
}

/** Rolls back to --to-revision, or the revision before the current one. */
function undo(ctx: VerbContext, d: Deployment): Printed {
  const sets = replicaSetsOf(ctx, d);
  const wanted = Number(flagValue(ctx.flags, 'to-revision') ?? '0');
  const current = d.metadata.annotations?.[REVISION] ?? sets.at(-1)?.metadata.annotations?.[REVISION];
  const target = wanted > 0 ? sets.find((rs) => rs.metadata.annotations?.[REVISION] === String(wanted)) : [...sets].reverse().find((rs) => rs.metadata.annotations?.[REVISION] !== current);
  // Uncertain: kubectl's exact texts for these two cases (rollback.go).
  if (!target) return fail(wanted > 0 ? message('usage', `unable to find specified revision ${wanted} in history`, 'kubectl rollout undo') : message('rolloutNoRevision'));
  const next = deepClone(d);
  const template = deepClone(target.spec.template);
  if (template.metadata?.labels) delete template.metadata.labels['pod-template-hash'];
  next.spec.template = template;
  const result = updateObject(ctx, next);
  if (!result.ok) return failWith(result.error);
  return printed([objectLine(ctx, resourceForKind('Deployment'), result.value, d.metadata.name, 'rolled back')], false);
}

