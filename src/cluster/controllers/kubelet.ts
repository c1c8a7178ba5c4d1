import type { Condition, Container, ContainerState, ContainerStatus, Pod, PodStatus } from '../api/types';
import { podQosClass } from '../api/qos';
import { normaliseRepository, type ContainerBehaviour } from '../images/catalogue';
import { PodIpam } from '../ipam/pod-ipam';
import type { Controller, ControllerContext } from '../runtime/controller';
import { WorkQueue } from '../runtime/work-queue';
import { keyOf, splitKey, type WatchEvent } from '../store/object-store';
import { deepEqual } from '../util/clone';
import { fnv32a } from '../util/names';
import { probePasses } from './probes';

const BACKOFF_START_MS = 10_000;
const BACKOFF_MAX_MS = 300_000;
const CREATE_MS = 500;

/** A step of the pod's life, as its conditions tell it; one object per step, so conditions can be shared by it. */
interface Step {
  sandbox: boolean;
  ready: boolean;
  reason?: string;
}
const NOT_READY: Step = { sandbox: true, ready: false };
const READY: Step = { sandbox: true, ready: true };
const COMPLETED: Step = { sandbox: false, ready: false, reason: 'PodCompleted' };

/** Where a pod's containers are, per pod uid; JSON so it survives snapshots. */
interface PodRecord {
  stage: 'new' | 'pulling' | 'pull-backoff' | 'running' | 'crash-backoff' | 'exited' | 'terminating';
  /** When the current stage's timed step is due (ms). */
  dueAt?: number;
  readyAt?: number;
  exitAt?: number;
  backoffMs?: number;
  restarts: number;
  startedAt?: string;
  stopAt?: number;
}

interface KubeletState {
  pods: Record<string, PodRecord>;
  /** Image repositories each node has pulled. */
  images: Record<string, string[]>;
}

/**
 * The kubelets of every node, as one controller: sandbox and IP, image
 * pulls, container start, readiness, exits and restarts with back-off,
 * graceful termination. Each step is timed on the virtual clock and
 * reported in the pod's status and events as a real kubelet reports it.
 */
export class Kubelet implements Controller {
  readonly name = 'kubelet';
  readonly queue = new WorkQueue();
  private readonly ipam: PodIpam;
  private readonly state: KubeletState;
  private nodeIPs: Map<string, string> | undefined;
  private readonly hostIPLists = new Map<string, { ip: string }[]>();
  /** `docker.io/library/nginx@sha256:…`, once per image reference: every pod of an image shares the string. */
  private readonly imageIDs = memo((image = '') => {
    const spec = this.ctx.catalogue.lookup(image);
    return spec ? `${normaliseRepository(image)}@${spec.digest}` : '';
  });

  constructor(private readonly ctx: ControllerContext) {
    const persisted = ctx.persistent(this.name) as Partial<KubeletState>;
    persisted.pods ??= {};
    persisted.images ??= {};
    this.state = persisted as KubeletState;
    this.ipam = new PodIpam(new Map(ctx.config.nodes.map((n) => [n.name, n.podCIDR])), ctx.persistent('pod-ipam'));
  }

  observe(event: WatchEvent): void {
    const pod = event.object as Pod;
    if (pod.kind !== 'Pod' || !pod.spec.nodeName) return;
    if (event.type === 'DELETED') {
      this.forget(pod);
      return;
    }
    const old = event.old as Pod | undefined;
    if (!old?.spec.nodeName || (!old.metadata.deletionTimestamp && pod.metadata.deletionTimestamp) || old.metadata.deletionGracePeriodSeconds !== pod.metadata.deletionGracePeriodSeconds) {
      this.queue.add(keyOf(pod));
    }
  }

  rebuild(): void {
    this.ipam.reset();
    for (const pod of this.ctx.store.list('Pod')) {
      if (pod.spec.nodeName && pod.status?.podIP && !pod.spec.hostNetwork) this.ipam.markUsed(pod.spec.nodeName, pod.status.podIP);
    }
  }

  sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const pod = this.ctx.store.get('Pod', namespace, name);
    if (!pod?.spec.nodeName) return;
    const now = this.ctx.clock.now();
    const rec = (this.state.pods[pod.metadata.uid] ??= { stage: 'new', restarts: 0 });
    if (pod.metadata.deletionTimestamp) return this.terminate(pod, rec, now);
    if (rec.dueAt !== undefined && now < rec.dueAt) return;
    switch (rec.stage) {
      case 'new':
        return this.createSandbox(pod, rec, now);
      case 'pulling':
        return this.finishPull(pod, rec, now);
      case 'pull-backoff':
        return this.retryPull(pod, rec, now);
      case 'running':
        return this.tick(pod, rec, now);
      case 'crash-backoff':
        return this.startContainers(pod, rec, now);
      case 'exited':
        return;
    }
  }

  // ------------------------------------------------------------ lifecycle

  private createSandbox(pod: Pod, rec: PodRecord, now: number): void {
    const node = pod.spec.nodeName!;
    const nodeIP = this.nodeIP(node);
    const ip = pod.spec.hostNetwork ? nodeIP : this.ipam.allocate(node);
    if (!ip) {
      this.event(pod, 'Warning', 'FailedCreatePodSandBox', `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox: plugin type="host-local" failed (add): failed to allocate for range 0: no IP addresses available in range set`);
      return this.wake(pod, rec, now + BACKOFF_START_MS);
    }
    const pullMs = this.pullMs(pod, node);
    const status: PodStatus = {
      phase: 'Pending',
      conditions: this.conditions(pod, NOT_READY),
      hostIP: nodeIP,
      hostIPs: this.hostIPs(node),
      podIP: ip,
      podIPs: pod.spec.hostNetwork ? this.hostIPs(node) : [{ ip }],
      startTime: this.ctx.clock.timestamp(),
      containerStatuses: pod.spec.containers.map((c) => this.waiting(c, 'ContainerCreating', rec.restarts)),
      qosClass: podQosClass(pod),
    };
    this.ctx.api.updateStatus({ ...pod, status });
    for (const c of pod.spec.containers) {
      if (this.cached(node, c.image ?? '') && c.imagePullPolicy !== 'Always') {
        this.event(pod, 'Normal', 'Pulled', texts.alreadyPresent(c.image), c.name);
      } else {
        this.event(pod, 'Normal', 'Pulling', texts.pulling(c.image), c.name);
      }
    }
    rec.stage = 'pulling';
    this.wake(pod, rec, now + CREATE_MS + pullMs);
  }

  private finishPull(pod: Pod, rec: PodRecord, now: number): void {
    const node = pod.spec.nodeName!;
    const missing = pod.spec.containers.filter((c) => !this.ctx.catalogue.has(c.image ?? ''));
    if (missing.length > 0) {
      for (const c of missing) {
        const ref = fullReference(c.image ?? '');
        this.event(pod, 'Warning', 'Failed', `Failed to pull image "${c.image}": rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`, c.name);
        this.event(pod, 'Warning', 'Failed', 'Error: ErrImagePull', c.name);
      }
      this.setContainers(pod, (c) => (missing.includes(c) ? this.waiting(c, 'ErrImagePull', rec.restarts) : this.waiting(c, 'PodInitializing', rec.restarts)));
      rec.stage = 'pull-backoff';
      rec.backoffMs = Math.min(BACKOFF_MAX_MS, rec.backoffMs ? rec.backoffMs * 2 : BACKOFF_START_MS);
      return this.wake(pod, rec, now + 1000);
    }
    for (const c of pod.spec.containers) {
      if (!this.cached(node, c.image ?? '') || c.imagePullPolicy === 'Always') {
        const spec = this.ctx.catalogue.lookup(c.image ?? '')!;
        const seconds = this.pullMs(pod, node) / 1000;
        const took = `${seconds.toFixed(3)}s`;
        this.event(pod, 'Normal', 'Pulled', `Successfully pulled image "${c.image}" in ${took} (${took} including waiting). Image size: ${spec.sizeBytes} bytes.`, c.name);
        this.cache(node, c.image ?? '');
      }
    }
    this.startContainers(pod, rec, now);
  }

  private retryPull(pod: Pod, rec: PodRecord, now: number): void {
    const current = this.ctx.store.get('Pod', pod.metadata.namespace, pod.metadata.name)!;
    const showingBackoff = current.status?.containerStatuses?.some((s) => 'waiting' in s.state && s.state.waiting.reason === 'ImagePullBackOff');
    if (!showingBackoff) {
      // Between attempts the container waits in ImagePullBackOff.
      for (const c of pod.spec.containers.filter((x) => !this.ctx.catalogue.has(x.image ?? ''))) {
        this.event(pod, 'Normal', 'BackOff', `Back-off pulling image "${c.image}"`, c.name);
        this.event(pod, 'Warning', 'Failed', 'Error: ImagePullBackOff', c.name);
      }
      this.setContainers(pod, (c) => (this.ctx.catalogue.has(c.image ?? '') ? this.waiting(c, 'PodInitializing', rec.restarts) : this.waiting(c, 'ImagePullBackOff', rec.restarts)));
      return this.wake(pod, rec, now + (rec.backoffMs ?? BACKOFF_START_MS));
    }
    for (const c of pod.spec.containers) this.event(pod, 'Normal', 'Pulling', texts.pulling(c.image), c.name);
    rec.stage = 'pulling';
    this.wake(pod, rec, now + 1000);
  }

  private startContainers(pod: Pod, rec: PodRecord, now: number): void {
    rec.startedAt = this.ctx.clock.timestamp();
    rec.stage = 'running';
    rec.readyAt = undefined;
    rec.exitAt = undefined;
    const behaviours = this.behaviours(pod);
    for (const c of pod.spec.containers) {
      this.event(pod, 'Normal', 'Created', texts.created(c.name), c.name);
      this.event(pod, 'Normal', 'Started', texts.started(c.name), c.name);
    }
    const exitsAfter = soonestExitSeconds(behaviours);
    // Even a command that ends at once runs for a moment after it started.
    if (exitsAfter !== undefined) rec.exitAt = now + Math.max(100, exitsAfter * 1000);
    const probe = pod.spec.containers.find((c) => c.readinessProbe)?.readinessProbe;
    if (!probe) rec.readyAt = now;
    else if (pod.spec.containers.every((c, i) => !c.readinessProbe || probePasses(c.readinessProbe, c, behaviours[i]!))) {
      rec.readyAt = now + (probe.initialDelaySeconds ?? 0) * 1000 + (probe.periodSeconds ?? 10) * 0;
    }
    // Containers that were waiting are running now: the status changes, no need to compare it.
    this.writeRunning(pod, rec, now, true);
    this.scheduleNext(pod, rec);
  }

  private tick(pod: Pod, rec: PodRecord, now: number): void {
    if (rec.exitAt !== undefined && now >= rec.exitAt) return this.containerExited(pod, rec, now);
    this.writeRunning(pod, rec, now);
    this.scheduleNext(pod, rec);
  }

  private containerExited(pod: Pod, rec: PodRecord, now: number): void {
    const policy = pod.spec.restartPolicy ?? 'Always';
    const finishedAt = this.ctx.clock.timestamp();
    const terminated = (c: Container) => ({ exitCode: 0, reason: 'Completed', startedAt: rec.startedAt, finishedAt, containerID: this.containerID(pod, rec, c) });
    if (policy === 'Always') {
      rec.restarts += 1;
      rec.stage = 'crash-backoff';
      rec.backoffMs = Math.min(BACKOFF_MAX_MS, BACKOFF_START_MS * 2 ** Math.max(0, rec.restarts - 1));
      for (const c of pod.spec.containers) {
        this.event(pod, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`, c.name);
      }
      const status = this.statusBase(pod, false);
      status.containerStatuses = pod.spec.containers.map((c) => ({
        ...this.waiting(c, 'CrashLoopBackOff', rec.restarts),
        state: { waiting: { reason: 'CrashLoopBackOff', message: `back-off ${formatBackoff(rec.backoffMs!)} restarting failed container=${c.name} pod=${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})` } },
        lastState: { terminated: terminated(c) },
        imageID: this.imageID(c),
        containerID: terminated(c).containerID,
      }));
      this.ctx.api.updateStatus({ ...pod, status });
      return this.wake(pod, rec, now + rec.backoffMs!);
    }
    rec.stage = 'exited';
    const status = this.statusBase(pod, false);
    status.phase = 'Succeeded';
    status.conditions = this.conditions(pod, COMPLETED);
    status.containerStatuses = pod.spec.containers.map((c) => ({
      name: c.name,
      image: c.image ?? '',
      imageID: this.imageID(c),
      containerID: terminated(c).containerID,
      ready: false,
      started: false,
      restartCount: rec.restarts,
      state: { terminated: terminated(c) },
      lastState: {},
    }));
    this.ctx.api.updateStatus({ ...pod, status });
  }

  private terminate(pod: Pod, rec: PodRecord, now: number): void {
    if (rec.stage !== 'terminating') {
      const grace = (pod.metadata.deletionGracePeriodSeconds ?? 30) * 1000;
      const wasRunning = rec.stage === 'running' || rec.stage === 'crash-backoff';
      const prompt = this.behaviours(pod).every((b) => b.handlesSigterm);
      for (const c of pod.spec.containers) if (wasRunning) this.event(pod, 'Normal', 'Killing', `Stopping container ${c.name}`, c.name);
      rec.stage = 'terminating';
      rec.stopAt = now + (!wasRunning ? 0 : prompt ? Math.min(grace, 300) : grace);
    } else {
      // A later delete may have shortened the grace period.
      const deadline = Date.parse(pod.metadata.deletionTimestamp!) + (pod.metadata.deletionGracePeriodSeconds ?? 30) * 1000;
      if (rec.stopAt! > deadline) rec.stopAt = Math.max(now, deadline);
    }
    if (now < rec.stopAt!) {
      this.ctx.wakeAt(this.name, rec.stopAt!, keyOf(pod));
      return;
    }
    this.forget(pod);
    this.ctx.api.finalizeDelete('Pod', pod.metadata.namespace, pod.metadata.name);
  }

  private forget(pod: Pod): void {
    if (!this.state.pods[pod.metadata.uid]) return;
    delete this.state.pods[pod.metadata.uid];
    if (pod.status?.podIP && !pod.spec.hostNetwork) this.ipam.release(pod.spec.nodeName!, pod.status.podIP);
  }

  // ------------------------------------------------------------ status

  private writeRunning(pod: Pod, rec: PodRecord, now: number, changed = false): void {
    const ready = rec.readyAt !== undefined && now >= rec.readyAt;
    const status = this.statusBase(pod, ready);
    status.phase = 'Running';
    const state = runningState(rec.startedAt!);
    status.containerStatuses = pod.spec.containers.map((c) => ({
      name: c.name,
      image: c.image ?? '',
      imageID: this.imageID(c),
      containerID: this.containerID(pod, rec, c),
      ready,
      started: true,
      restartCount: rec.restarts,
      state,
      lastState: lastStateOf(pod, c),
    }));
    if (changed || !deepEqual(pod.status, status)) this.ctx.api.updateStatus({ ...pod, status });
  }

  /** The pod's status with its conditions for this step; `pod` is the stored version, as sync read it and nothing was written since. */
  private statusBase(pod: Pod, ready: boolean): PodStatus {
    return { ...pod.status!, conditions: this.conditions(pod, ready ? READY : NOT_READY) };
  }

  /**
   * The five pod conditions in the order a v1.34 kubelet writes them. They
   * depend only on the conditions before, the step, the second and the
   * not-ready message: pods started together share one array (stored
   * objects are never changed in place), so a Deployment's replicas do not
   * build a hundred alike.
   */
  private conditions(pod: Pod, step: Step): Condition[] {
    const now = this.ctx.clock.timestamp();
    const previous = pod.status?.conditions;
    if (!previous) return this.buildConditions(pod, step, now, previous);
    // Time only moves forward: once the second changes, what was shared before it is not needed again.
    let shared = sharedConditions.get(previous);
    if (shared?.now !== now) sharedConditions.set(previous, (shared = { now, byStep: new Map() }));
    let byMessage = shared.byStep.get(step);
    if (!byMessage) shared.byStep.set(step, (byMessage = new Map()));
    const message = step.ready || step.reason ? '' : notReadyMessage(pod);
    let built = byMessage.get(message);
    if (!built) byMessage.set(message, (built = this.buildConditions(pod, step, now, previous)));
    return built;
  }

  private buildConditions(pod: Pod, s: Step, now: string, previous: Condition[] | undefined): Condition[] {
    const cond = (type: string, ok: boolean, reason?: string, message?: string): Condition => {
      const prev = previous?.find((c) => c.type === type);
      const status = ok ? 'True' : 'False';
      const c: Condition = { type, status, lastProbeTime: null, lastTransitionTime: prev && prev.status === status ? prev.lastTransitionTime : now };
      if (!ok && reason) {
        c.reason = reason;
        if (message) c.message = message;
      }
      return c;
    };
    const notReady = s.ready || s.reason ? undefined : notReadyMessage(pod);
    const scheduled = previous?.find((c) => c.type === 'PodScheduled');
    return [
      cond('PodReadyToStartContainers', s.sandbox),
      cond('Initialized', true),
      cond('Ready', s.ready, s.reason ?? 'ContainersNotReady', notReady),
      cond('ContainersReady', s.ready, s.reason ?? 'ContainersNotReady', notReady),
      scheduled ? { ...scheduled } : { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now },
    ];
  }

  private setContainers(pod: Pod, make: (c: Container) => ContainerStatus): void {
    const current = this.ctx.store.get('Pod', pod.metadata.namespace, pod.metadata.name)!;
    this.ctx.api.updateStatus({ ...current, status: { ...current.status!, containerStatuses: pod.spec.containers.map(make) } });
  }

  private waiting(c: Container, reason: string, restarts: number): ContainerStatus {
    const state =
      reason === 'ErrImagePull' || reason === 'ImagePullBackOff'
        ? { waiting: { reason, message: reason === 'ImagePullBackOff' ? `Back-off pulling image "${c.image}"` : `failed to pull and unpack image "${fullReference(c.image ?? '')}"` } }
        : waitingState(reason);
    return { name: c.name, image: c.image ?? '', imageID: '', ready: false, started: false, restartCount: restarts, state, lastState: NO_LAST_STATE };
  }

  // ------------------------------------------------------------ helpers

  private scheduleNext(pod: Pod, rec: PodRecord): void {
    const now = this.ctx.clock.now();
    let next: number | undefined;
    if (rec.readyAt !== undefined && rec.readyAt > now) next = rec.readyAt;
    if (rec.exitAt !== undefined && rec.exitAt > now && (next === undefined || rec.exitAt < next)) next = rec.exitAt;
    if (next !== undefined) this.wake(pod, rec, next);
    else rec.dueAt = undefined;
  }

  private wake(pod: Pod, rec: PodRecord, at: number): void {
    rec.dueAt = at;
    this.ctx.wakeAt(this.name, at, keyOf(pod));
  }

  private behaviours(pod: Pod): ContainerBehaviour[] {
    return pod.spec.containers.map((c) => this.ctx.catalogue.behaviour(c) ?? UNKNOWN_IMAGE_BEHAVIOUR);
  }

  private pullMs(pod: Pod, node: string): number {
    let ms = 0;
    for (const c of pod.spec.containers) {
      if (this.cached(node, c.image ?? '') && c.imagePullPolicy !== 'Always') continue;
      const spec = this.ctx.catalogue.lookup(c.image ?? '');
      // Seconds with a deterministic fraction, so pull times read like real ones.
      ms = Math.max(ms, spec ? spec.pullSeconds * 1000 + (fnv32a(c.image ?? '') % 1000) : 1000);
    }
    return ms;
  }

  private cached(node: string, image: string): boolean {
    return this.state.images[node]?.includes(normaliseRepository(image)) ?? false;
  }

  private cache(node: string, image: string): void {
    const list = (this.state.images[node] ??= []);
    const repo = normaliseRepository(image);
    if (!list.includes(repo)) list.push(repo);
  }

  private imageID(c: Container): string {
    return this.imageIDs(c.image ?? '');
  }

  /**
   * One id per container and attempt, seeded with the hash of `uid/restarts/`
   * or, past the first container, `uid/name/restarts/` (the first one's seed
   * predates sidecars having their own). Hashed piece by piece: the same
   * hash, without a string per container.
   */
  private containerID(pod: Pod, rec: PodRecord, c: Container): string {
    const first = pod.spec.containers[0]?.name === c.name;
    const uid = fnv32a('/', fnv32a(pod.metadata.uid));
    const container = first ? uid : fnv32a('/', fnv32a(c.name, uid));
    return containerIDFromSeed(fnv32a('/', fnv32a(String(rec.restarts), container)));
  }

  private nodeIP(node: string): string {
    this.nodeIPs ??= new Map(this.ctx.config.nodes.map((n) => [n.name, n.internalIP]));
    return this.nodeIPs.get(node) ?? '';
  }

  /** `[{ ip }]` for a node's address, one array per node for all its pods. */
  private hostIPs(node: string): { ip: string }[] {
    const ip = this.nodeIP(node);
    let list = this.hostIPLists.get(ip);
    if (!list) this.hostIPLists.set(ip, (list = [{ ip }]));
    return list;
  }

  private event(pod: Pod, type: 'Normal' | 'Warning', reason: string, message: string, container?: string): void {
    this.ctx.events.record(pod, type, reason, message, 'kubelet', { host: pod.spec.nodeName, fieldPath: container === undefined ? undefined : texts.fieldPath(container) });
  }
}

/**
 * The texts every pod of an image or container name shares, built once:
 * ten thousand pods' events then hold one string each, not one apiece.
 */
const texts = {
  alreadyPresent: memo((image) => `Container image "${image}" already present on machine`),
  pulling: memo((image) => `Pulling image "${image}"`),
  created: memo((name) => `Created container: ${name}`),
  started: memo((name) => `Started container ${name}`),
  fieldPath: memo((name) => `spec.containers{${name}}`),
};

function memo(build: (arg: string | undefined) => string): (arg: string | undefined) => string {
  const known = new Map<string | undefined, string>();
  return (arg) => {
    let text = known.get(arg);
    if (text === undefined) {
      if (known.size > 1000) known.clear();
      known.set(arg, (text = build(arg)));
    }
    return text;
  };
}

/** Conditions built from one previous array in its newest second, by step and not-ready message. */
const sharedConditions = new WeakMap<Condition[], { now: string; byStep: Map<Step, Map<string, Condition[]>> }>();

/** `containers with unready status: [a b]`, once per list of container names. */
function notReadyMessage(pod: Pod): string {
  const cs = pod.spec.containers;
  return notReadyMessages(cs.length === 1 ? cs[0]!.name : cs.map((c) => c.name).join(' '));
}

const notReadyMessages = memo((names) => `containers with unready status: [${names}]`);

const CONTAINER_ID_PREFIX = 'containerd://';
const HEX_CODES = [...'0123456789abcdef'].map((d) => d.charCodeAt(0));
/** The id's character codes, reused: one flat string is made from them, not 64 one-character concatenations. */
const containerIDCodes = [...CONTAINER_ID_PREFIX].map((ch) => ch.charCodeAt(0)).concat(new Array<number>(64).fill(0));

/** `containerd://` and 64 hex digits: eight FNV-1a hashes of `0`…`7` continued from the seed, each as eight zero-padded digits. */
function containerIDFromSeed(seed: number): string {
  let at = CONTAINER_ID_PREFIX.length;
  for (let i = 0; i < 8; i++) {
    const hash = fnv32a(DIGITS[i]!, seed);
    for (let shift = 28; shift >= 0; shift -= 4) containerIDCodes[at++] = HEX_CODES[(hash >>> shift) & 15]!;
  }
  return String.fromCharCode.apply(null, containerIDCodes);
}

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7'];

/** What a container whose image the catalogue lacks does: nothing, and stops at once. */
const UNKNOWN_IMAGE_BEHAVIOUR: ContainerBehaviour = { listeners: [], exitCode: 0, handlesSigterm: true };

/** A container status's lastState when there was no earlier run; shared, as stored objects are never changed in place. */
const NO_LAST_STATE: ContainerStatus['lastState'] = {};

/** The container's lastState in the pod's current status (the first entry with its name, as find gives). */
function lastStateOf(pod: Pod, c: Container): ContainerStatus['lastState'] {
  const statuses = pod.status?.containerStatuses;
  if (statuses) for (const s of statuses) if (s.name === c.name) return s.lastState ?? NO_LAST_STATE;
  return NO_LAST_STATE;
}

/** `{ waiting: { reason } }`, one object per reason. */
const waitingStates = new Map<string, ContainerState>();
function waitingState(reason: string): ContainerState {
  let state = waitingStates.get(reason);
  if (!state) waitingStates.set(reason, (state = { waiting: { reason } }));
  return state;
}

/** `{ running: { startedAt } }`: containers started in the same second share the newest one. */
let newestRunning: { startedAt: string; state: ContainerState } | undefined;
function runningState(startedAt: string): ContainerState {
  if (newestRunning?.startedAt !== startedAt) newestRunning = { startedAt, state: { running: { startedAt } } };
  return newestRunning.state;
}

/** The fewest seconds before a container's command ends on its own; undefined when every one runs until stopped. */
function soonestExitSeconds(behaviours: ContainerBehaviour[]): number | undefined {
  let soonest: number | undefined;
  for (const b of behaviours) if (b.exitsAfterSeconds !== undefined && (soonest === undefined || b.exitsAfterSeconds < soonest)) soonest = b.exitsAfterSeconds;
  return soonest;
}

/** `nginx` → `docker.io/library/nginx:latest`, as containerd names what it pulls. */
function fullReference(image: string): string {
  const repo = normaliseRepository(image);
  const lastSlash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  const tag = colon > lastSlash ? image.slice(colon + 1) : 'latest';
  return `${repo}:${tag}`;
}

function formatBackoff(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m${s % 60}s` : `${s}s`;
}
