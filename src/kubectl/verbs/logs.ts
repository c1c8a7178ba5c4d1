import { ApiError } from '../../cluster/api/errors';
import type { Pod } from '../../cluster/api/types';
import type { KubectlEnv } from '../env';
import { apiError } from '../errors';
import { message, renderMessage } from '../messages';
import { err, line, out, type Chunk, type Printed } from '../output';
import { flagValue, type FlagDef } from '../parse/flags';
import { fail, failWith, isPrinted, parseVerb, printed, usage, type VerbContext } from './common';
import { containerLogLines } from './container-logs';
import { resolveObjects } from './resolve';

const FLAGS: readonly FlagDef[] = [
  { name: 'container', short: 'c', type: 'string' },
  { name: 'tail', type: 'int' },
  { name: 'follow', short: 'f', type: 'bool' },
  { name: 'previous', short: 'p', type: 'bool', supported: false },
  { name: 'timestamps', type: 'bool', supported: false },
  { name: 'since', type: 'string', supported: false },
  { name: 'since-time', type: 'string', supported: false },
  { name: 'all-containers', type: 'bool', supported: false },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'prefix', type: 'bool', supported: false },
  { name: 'limit-bytes', type: 'int', supported: false },
];

/** selectorTail in logs.go: with -l and no --tail, the last 10 lines of each container. */
const SELECTOR_TAIL = 10;

/**
 * `kubectl logs POD|TYPE/NAME [-c CONTAINER] [--tail=N] [-f]`, or `-l
 * SELECTOR` for every matching pod in turn (name order, 10 lines each
 * unless --tail says otherwise): the lines the container's image writes.
 * -f prints what there is and stops (there is no stream to follow in a
 * simulated shell).
 */
export function runLogs(argv: readonly string[], env: KubectlEnv): Printed {
  const ctx = parseVerb(argv, FLAGS, 'kubectl logs', env);
  if (isPrinted(ctx)) return ctx;
  const args = ctx.flags.positional;
  const selector = flagValue(ctx.flags, 'selector');
  if (args.length === 0 && selector === undefined) return usage('expected POD or TYPE/NAME is a required argument for the logs command', 'kubectl logs');
  if (args.length === 1 && selector !== undefined) return usage('only a selector (-l) or a POD name is allowed', 'kubectl logs');
  if (args.length > 2) return usage('expected at most 2 arguments', 'kubectl logs');
  const tailText = flagValue(ctx.flags, 'tail');
  const chunks: Chunk[] = [];
  let pods: Pod[];
  let tail = Number(tailText ?? '-1');
  if (selector !== undefined) {
    const resolved = resolveObjects(ctx, ['pods'], { selector });
    if (!resolved.ok) return failWith(resolved.error);
    pods = resolved.found.map((f) => f.object as Pod);
    if (pods.length === 0) return printed([err(line(renderMessage(message('noResourcesInNamespace', ctx.namespace))))], false);
    if (tailText === undefined) tail = SELECTOR_TAIL;
  } else {
    const picked = podOf(ctx, args[0]!, chunks);
    if (isPrinted(picked)) return picked;
    pods = [picked];
  }
  for (const pod of pods) {
    const failed = podLog(ctx, pod, flagValue(ctx.flags, 'container') ?? args[1], tail, chunks);
    if (failed) return failed;
  }
  return printed(chunks, false);
}

/** The pod POD or TYPE/NAME stands for: a workload's first pod (oldest first, as kubectl picks it), with a note. */
function podOf(ctx: VerbContext, arg: string, chunks: Chunk[]): Pod | Printed {
  const target = arg.includes('/') ? arg : `pod/${arg}`;
  const resolved = resolveObjects(ctx, [target]);
  if (!resolved.ok) return failWith(resolved.error);
  const { object } = resolved.found[0]!;
  if (object.kind === 'Pod') return object as Pod;
  const pods = ctx.env.cluster.store
    .list('Pod', ctx.namespace)
    .filter((p) => p.metadata.ownerReferences?.some((r) => r.uid === object.metadata.uid) || ownedViaReplicaSet(ctx.env, p, object.metadata.uid))
    .sort((a, b) => a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp) || a.metadata.name.localeCompare(b.metadata.name));
  if (pods.length === 0) return fail(message('timedOut'));
  if (pods.length > 1) chunks.push(err(line(renderMessage(message('foundPods', pods.length, pods[0]!.metadata.name)))));
  return pods[0]!;
}

/** One container's lines appended to `chunks`; the failure to print instead (with what came before) when it cannot. */
function podLog(ctx: VerbContext, pod: Pod, named: string | undefined, tail: number, chunks: Chunk[]): Printed | undefined {
  const names = pod.spec.containers.map((c) => c.name);
  let container = named;
  if (container === undefined) {
    container = names[0]!;
    if (names.length > 1) chunks.push(err(line(renderMessage(message('defaultedContainer', container, names)))));
  } else if (!names.includes(container)) {
    return fail(message('containerNotFound', container, pod.metadata.name), chunks);
  }
  const status = pod.status?.containerStatuses?.find((s) => s.name === container);
  const state = status?.state;
  const startedAt = state && 'running' in state ? state.running.startedAt : state && 'terminated' in state ? state.terminated.startedAt : undefined;
  if (!startedAt) {
    const reason = state && 'waiting' in state ? state.waiting.reason : 'ContainerCreating';
    return failWith(apiError(new ApiError('BadRequest', 400, renderMessage(message('waitingToStart', container, pod.metadata.name, reason)))), chunks);
  }
  const node = pod.spec.nodeName ? ctx.env.cluster.store.get('Node', undefined, pod.spec.nodeName) : undefined;
  const spec = pod.spec.containers.find((c) => c.name === container)!;
  let lines = [
    ...containerLogLines({
      image: spec.image ?? '',
      argv: [...(spec.command ?? []), ...(spec.args ?? [])],
      podIP: pod.status?.podIP,
      startedAt,
      cpus: Number(node?.status?.capacity?.cpu ?? '2'),
      kernel: node?.status?.nodeInfo?.kernelVersion ?? '6.8.0-60-generic',
    }),
    // What it wrote while serving: its access log, one line per request it answered.
    ...ctx.env.cluster.containerLog(pod.metadata.uid, container),
  ];
  if (tail >= 0) lines = lines.slice(Math.max(0, lines.length - tail));
  if (lines.length > 0) chunks.push(out(lines.map((l) => `${l}\n`).join('')));
  return undefined;
}

function ownedViaReplicaSet(env: KubectlEnv, pod: Pod, ownerUid: string): boolean {
  const ref = pod.metadata.ownerReferences?.find((r) => r.kind === 'ReplicaSet');
  if (!ref) return false;
  const rs = env.cluster.store.get('ReplicaSet', pod.metadata.namespace, ref.name);
  return rs?.metadata.ownerReferences?.some((r) => r.uid === ownerUid) ?? false;
}
