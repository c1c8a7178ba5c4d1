import { badRequest, isApiError, notFound } from '../../cluster/api/errors';
import { resourceForKind } from '../../cluster/api/resources';
import type { Pod } from '../../cluster/api/types';
import { matchesSelector } from '../../cluster/labels';
import type { KubectlEnv } from '../env';
import { apiError, clientError, type KubectlError } from '../errors';
import { message, renderMessage, type Message } from '../messages';
import { err, line, out, type Chunk } from '../output';
import { DEBUG_FLAGS, EXEC_FLAGS, GLOBAL_FLAGS, RUN_FLAGS } from '../parse/flag-specs';
import { flagSet, flagValue, parseFlags, type FlagDef, type ParsedFlags } from '../parse/flags';
import { renderError } from '../printers/errors';

/**
 * kubectl exec, run and debug: the commands that connect the terminal to a
 * container. kubectl here only checks, creates and waits; what runs in the
 * container is the shell's business, so each returns an AttachRequest that
 * src/shell acts on (a nested shell, or one command run in the pod).
 */

/** Where the attached process runs. */
export type AttachTarget =
  | { kind: 'pod'; namespace: string; pod: string; container: string; image: string; node?: string }
  /** kubectl debug node/NAME: a pod on the node's network, its filesystem at /host. */
  | { kind: 'node'; namespace: string; pod: string; container: string; image: string; node: string };

export interface AttachRequest {
  verb: 'exec' | 'run' | 'debug';
  target: AttachTarget;
  /** The process: `sh`, `nslookup web`…; empty means the image's own command (kubectl run -it without args). */
  argv: string[];
  stdin: boolean;
  tty: boolean;
  /** kubectl run --rm: the pod to delete when the session ends. */
  removeOnExit?: boolean;
}

export interface SessionCommandResult {
  chunks: Chunk[];
  exitCode: number;
  attach?: AttachRequest;
}

/** Not kubectl's: how long (virtual) kubectl run -it waits for the pod, as --pod-running-timeout's default. */
export const POD_RUNNING_TIMEOUT_MS = 60_000;

const failed = (error: KubectlError, before: Chunk[] = []): SessionCommandResult => ({ chunks: [...before, err(renderError(error))], exitCode: 1 });
const clientFail = (m: Message, before: Chunk[] = []) => failed(clientError(m), before);
const notice = (m: Message): Chunk => err(line(renderMessage(m)));

/** The subcommand's index in argv as cobra finds it (first word that is neither a flag nor a global flag's value). */
export function subcommandAt(argv: readonly string[]): number {
  const valued = new Set(GLOBAL_FLAGS.filter((f) => f.type !== 'bool').flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('-') || arg === '-') return i;
    if (valued.has(arg)) i++;
  }
  return -1;
}

const SPECS: Record<'exec' | 'run' | 'debug', readonly FlagDef[]> = { exec: EXEC_FLAGS, run: RUN_FLAGS, debug: DEBUG_FLAGS };

/** Runs `kubectl exec|run|debug …`; undefined when argv is another command. */
export function runSessionCommand(argv: readonly string[], env: KubectlEnv): SessionCommandResult | undefined {
  const at = subcommandAt(argv);
  const verb = argv[at];
  if (verb !== 'exec' && verb !== 'run' && verb !== 'debug') return undefined;
  const rest = [...argv.slice(0, at), ...argv.slice(at + 1)];
  // Everything after `--` is the container's command, whatever it looks like.
  const dash = rest.indexOf('--');
  const command = dash === -1 ? [] : rest.slice(dash + 1);
  const parsed = parseFlags(dash === -1 ? rest : rest.slice(0, dash), SPECS[verb], `kubectl ${verb}`);
  if (!parsed.ok) return clientFail(parsed.error);
  if (flagSet(parsed.flags, 'help')) return clientFail(message('notAvailable', `kubectl ${verb} --help`));
  if (parsed.flags.unsupported.length > 0) return clientFail(message('notAvailable', `kubectl ${verb} ${parsed.flags.unsupported[0]}`));
  const namespace = flagValue(parsed.flags, 'namespace') || env.namespace || 'default';
  if (verb === 'exec') return execute(parsed.flags, command, dash !== -1, namespace, env);
  if (verb === 'run') return run(parsed.flags, command, namespace, env);
  return debug(parsed.flags, command, namespace, env);
}

function execute(flags: ParsedFlags, command: string[], hadDash: boolean, namespace: string, env: KubectlEnv): SessionCommandResult {
  const [podArg, ...extra] = flags.positional;
  if (podArg === undefined) return clientFail(message('execNeedsPod'));
  if (!hadDash && extra.length > 0) return clientFail(message('execOldSyntax'));
  if (command.length === 0) return clientFail(message('execNeedsCommand'));
  const found = attachablePod(podArg, namespace, env);
  if ('error' in found) return failed(found.error);
  const pod = found.pod;
  const name = pod.metadata.name;
  const picked = pickContainer(pod, flagValue(flags, 'container'), flagSet(flags, 'quiet'));
  if ('error' in picked) return failed(picked.error);
  const phase = pod.status?.phase ?? 'Pending';
  if (phase === 'Succeeded' || phase === 'Failed') return clientFail(message('execCompletedPod', phase), picked.notices);
  if (!isRunning(pod, picked.container)) return clientFail(message('execContainerNotStarted', picked.container), picked.notices);
  const image = pod.spec.containers.find((c) => c.name === picked.container)?.image ?? '';
  return {
    chunks: picked.notices,
    exitCode: 0,
    attach: {
      verb: 'exec',
      target: { kind: 'pod', namespace, pod: name, container: picked.container, image, ...(pod.spec.nodeName ? { node: pod.spec.nodeName } : {}) },
      argv: command,
      stdin: flagSet(flags, 'stdin'),
      tty: flagSet(flags, 'tty'),
    },
  };
}

const WORKLOAD_KINDS: Record<string, 'Deployment' | 'ReplicaSet' | 'DaemonSet'> = {
  deploy: 'Deployment', deployment: 'Deployment', deployments: 'Deployment', 'deployment.apps': 'Deployment', 'deployments.apps': 'Deployment',
  rs: 'ReplicaSet', replicaset: 'ReplicaSet', replicasets: 'ReplicaSet', ds: 'DaemonSet', daemonset: 'DaemonSet', daemonsets: 'DaemonSet',
};

/**
 * The pod `kubectl exec NAME|pod/NAME|deploy/NAME` reaches: a workload's
 * pods as AttachablePodForObject orders them, the most active first
 * (ready, then running, then the oldest; names break ties).
 */
function attachablePod(arg: string, namespace: string, env: KubectlEnv): { pod: Pod } | { error: KubectlError } {
  const slash = arg.indexOf('/');
  const type = slash === -1 ? 'pod' : arg.slice(0, slash);
  const name = slash === -1 ? arg : arg.slice(slash + 1);
  if (type === 'pod' || type === 'pods' || type === 'po') {
    const pod = env.cluster.store.get('Pod', namespace, name);
    return pod ? { pod } : { error: apiError(notFound(resourceForKind('Pod'), name)) };
  }
  const kind = WORKLOAD_KINDS[type];
  if (!kind) return { error: clientError(message('notAvailable', `kubectl exec ${type}/NAME`)) };
  const workload = env.cluster.store.get(kind, namespace, name);
  if (!workload) return { error: apiError(notFound(resourceForKind(kind), name)) };
  const rank = (p: Pod) => (p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 2 : 0) + (p.status?.phase === 'Running' ? 1 : 0);
  const pods = () =>
    env.cluster.store
      .list('Pod', namespace)
      .filter((p) => p.metadata.deletionTimestamp === undefined && matchesSelector(workload.spec.selector, p.metadata.labels))
      .sort((a, b) => rank(b) - rank(a) || a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp) || a.metadata.name.localeCompare(b.metadata.name));
  // GetFirstPod watches for a pod until --pod-running-timeout (1m) passes.
  if (pods().length === 0 && !env.cluster.advanceUntil(() => pods().length > 0, POD_RUNNING_TIMEOUT_MS)) return { error: clientError(message('podRunningTimeout')) };
  return { pod: pods()[0]! };
}

/** -c, else the default-container annotation, else the first container (saying so when there are several). */
function pickContainer(pod: Pod, requested: string | undefined, quiet: boolean): { container: string; notices: Chunk[] } | { error: KubectlError } {
  const names = pod.spec.containers.map((c) => c.name);
  if (requested) {
    if (!names.includes(requested)) return { error: apiError(badRequest(`container ${requested} is not valid for pod ${pod.metadata.name}`)) };
    return { container: requested, notices: [] };
  }
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  if (annotated && names.includes(annotated)) return { container: annotated, notices: [] };
  const first = names[0]!;
  return { container: first, notices: names.length > 1 && !quiet ? [notice(message('defaultedContainer', first, names))] : [] };
}

function isRunning(pod: Pod, container: string): boolean {
  const status = pod.status?.containerStatuses?.find((s) => s.name === container);
  return pod.status?.phase === 'Running' && status !== undefined && 'running' in status.state;
}

function run(flags: ParsedFlags, command: string[], namespace: string, env: KubectlEnv): SessionCommandResult {
  const [name, ...args] = flags.positional;
  if (name === undefined) return clientFail(message('runNeedsName'));
  const image = flagValue(flags, 'image');
  if (!image) return clientFail(message('requiredFlag', 'image'));
  const stdin = flagSet(flags, 'stdin');
  const tty = flagSet(flags, 'tty');
  const attach = flagValue(flags, 'attach') === undefined ? stdin : flagSet(flags, 'attach');
  const remove = flagSet(flags, 'rm');
  if (remove && !attach) return clientFail(message('rmNeedsAttach'));
  const restart = flagValue(flags, 'restart') ?? 'Always';
  if (restart !== 'Always' && restart !== 'OnFailure' && restart !== 'Never') return clientFail(message('invalidRestart', restart));
  const containerArgs = [...args, ...command];
  const container: Record<string, unknown> = { name, image };
  if (containerArgs.length > 0) container[flagSet(flags, 'command') ? 'command' : 'args'] = containerArgs;
  if (stdin) Object.assign(container, { stdin: true, stdinOnce: true });
  if (tty) container.tty = true;
  const envVars = (flags.values.get('env') ?? []).map((e) => ({ name: e.split('=')[0], value: e.slice(e.indexOf('=') + 1) }));
  if (envVars.length > 0) container.env = envVars;
  const port = flagValue(flags, 'port');
  if (port) container.ports = [{ containerPort: Number(port) }];
  const labels = Object.fromEntries((flagValue(flags, 'labels') ?? `run=${name}`).split(',').map((kv) => [kv.split('=')[0], kv.slice(kv.indexOf('=') + 1)]));
  const manifest = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels },
    spec: { containers: [container], restartPolicy: restart, dnsPolicy: 'ClusterFirst' },
  };
  const created = create(manifest, env);
  if (created) return failed(created);
  if (!attach) return { chunks: [out(line(renderMessage(message('applied', 'pod', name, 'created', 'none'))))], exitCode: 0 };
  const started = waitRunning(env, namespace, name);
  if (started) return failed(started);
  return {
    chunks: flagSet(flags, 'quiet') ? [] : [notice(message('attachHint'))],
    exitCode: 0,
    attach: {
      verb: 'run',
      target: { kind: 'pod', namespace, pod: name, container: name, image, ...nodeOf(env, namespace, name) },
      argv: containerArgs,
      stdin,
      tty,
      ...(remove ? { removeOnExit: true } : {}),
    },
  };
}

/** kubectl's rand.String alphabet (no vowels, no confusable digits). */
const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

function debug(flags: ParsedFlags, command: string[], namespace: string, env: KubectlEnv): SessionCommandResult {
  const [target] = flags.positional;
  if (target === undefined) return clientFail(message('notAvailable', 'kubectl debug without node/NAME'));
  if (!target.startsWith('node/') && !target.startsWith('nodes/')) return clientFail(message('notAvailable', 'kubectl debug POD (ephemeral containers)'));
  const node = target.slice(target.indexOf('/') + 1);
  if (!env.cluster.store.get('Node', undefined, node)) return failed(apiError(notFound(resourceForKind('Node'), node)));
  const image = flagValue(flags, 'image');
  if (!image) return clientFail(message('notAvailable', 'kubectl debug node/NAME without --image'));
  const stdin = flagSet(flags, 'stdin');
  const tty = flagSet(flags, 'tty');
  const pod = `node-debugger-${node}-${env.cluster.rng.string(5, SUFFIX_ALPHABET)}`;
  const container: Record<string, unknown> = { name: 'debugger', image, volumeMounts: [{ name: 'host-root', mountPath: '/host' }] };
  if (command.length > 0) container.args = command;
  if (stdin) Object.assign(container, { stdin: true, stdinOnce: true });
  if (tty) container.tty = true;
  const manifest = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: pod, namespace },
    spec: {
      containers: [container],
      nodeName: node,
      hostNetwork: true,
      hostPID: true,
      hostIPC: true,
      restartPolicy: 'Never',
      tolerations: [{ operator: 'Exists' }],
      volumes: [{ name: 'host-root', hostPath: { path: '/' } }],
    },
  };
  const creating = notice(message('debugCreating', pod, node));
  const created = create(manifest, env);
  if (created) return failed(created, [creating]);
  if (!stdin) return { chunks: [creating], exitCode: 0 };
  const started = waitRunning(env, namespace, pod);
  if (started) return failed(started, [creating]);
  return {
    chunks: [creating, notice(message('attachHint'))],
    exitCode: 0,
    attach: { verb: 'debug', target: { kind: 'node', namespace, pod, container: 'debugger', image, node }, argv: command, stdin, tty },
  };
}

function create(manifest: unknown, env: KubectlEnv): KubectlError | undefined {
  try {
    env.cluster.api.create(manifest);
    env.cluster.settle();
    return undefined;
  } catch (e) {
    if (!isApiError(e)) throw e;
    return apiError(e);
  }
}

/** kubectl run -it waits (in virtual time) for the pod to run before attaching. */
function waitRunning(env: KubectlEnv, namespace: string, name: string): KubectlError | undefined {
  const running = () => {
    const pod = env.cluster.store.get('Pod', namespace, name);
    return pod !== undefined && pod.status?.phase === 'Running';
  };
  if (env.cluster.advanceUntil(running, POD_RUNNING_TIMEOUT_MS)) return undefined;
  return clientError(message('podRunningTimeout'));
}

function nodeOf(env: KubectlEnv, namespace: string, name: string): { node?: string } {
  const node = env.cluster.store.get('Pod', namespace, name)?.spec.nodeName;
  return node ? { node } : {};
}

/**
 * The end of an attached session, as kubectl prints it: the exit code of a
 * failed exec, the pod deleted by `run --rm`, or how to attach again.
 */
export function finishSession(request: AttachRequest, exitCode: number, env: KubectlEnv): SessionCommandResult {
  const chunks: Chunk[] = [];
  if (request.verb === 'exec') {
    if (exitCode !== 0) chunks.push(notice(message('commandTerminated', exitCode)));
    return { chunks, exitCode };
  }
  const { namespace, pod, container } = request.target;
  if (request.verb === 'run' && request.removeOnExit) {
    try {
      env.cluster.api.delete('Pod', namespace, pod, { propagationPolicy: 'Background' });
      env.cluster.settle();
      env.cluster.advanceUntil(() => env.cluster.store.get('Pod', namespace, pod) === undefined, POD_RUNNING_TIMEOUT_MS * 10);
      chunks.push(out(line(renderMessage(message('deleted', 'pod', pod, namespace, false, 'none')))));
    } catch (e) {
      if (!isApiError(e)) throw e;
      return failed(apiError(e));
    }
    return { chunks, exitCode };
  }
  if (request.verb === 'run') chunks.push(notice(message('sessionEnded', pod, container)));
  return { chunks, exitCode };
}

/** A program the image lacks: the runtime's error (finishSession then adds kubectl's exit line), exit 126. */
export function execNotFound(program: string): SessionCommandResult {
  return { chunks: [err(line(renderMessage(message('execNotFound', program))))], exitCode: 126 };
}
