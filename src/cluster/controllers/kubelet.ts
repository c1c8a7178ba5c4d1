import type { Condition, Container, ContainerStatus, Pod, PodStatus } from '../api/types';
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
      conditions: this.conditions(pod, { sandbox: true, ready: false }),
      hostIP: nodeIP,
      hostIPs: [{ ip: nodeIP }],
      podIP: ip,
      podIPs: [{ ip }],
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
    const exits = behaviours.map((b) => b.exitsAfterSeconds).filter((s): s is number => s !== undefined);
    // Even a command that ends at once runs for a moment after it started.
    if (exits.length > 0) rec.exitAt = now + Math.max(100, Math.min(...exits) * 1000);
    const probe = pod.spec.containers.map((c) => c.readinessProbe).find((p) => p);
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
    status.conditions = this.conditions(pod, { sandbox: false, ready: false, reason: 'PodCompleted' });
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
    status.containerStatuses = pod.spec.containers.map((c) => ({
      name: c.name,
      image: c.image ?? '',
      imageID: this.imageID(c),
      containerID: this.containerID(pod, rec, c),
      ready,
      started: true,
      restartCount: rec.restarts,
      state: { running: { startedAt: rec.startedAt! } },
      lastState: pod.status?.containerStatuses?.find((s) => s.name === c.name)?.lastState ?? {},
    }));
    const current = this.ctx.store.get('Pod', pod.metadata.namespace, pod.metadata.name)!;
    if (changed || !deepEqual(current.status, status)) this.ctx.api.updateStatus({ ...current, status });
  }

  private statusBase(pod: Pod, ready: boolean): PodStatus {
    const current = this.ctx.store.get('Pod', pod.metadata.namespace, pod.metadata.name)!;
    return { ...current.status!, conditions: this.conditions(current, { sandbox: true, ready }) };
  }

  /**
   * The five pod conditions in the order a v1.34 kubelet writes them. They
   * depend only on the conditions before, the step and the second: pods
   * started together share one array (stored objects are never changed in
   * place), so a Deployment's replicas do not build a hundred alike.
   */
  private conditions(pod: Pod, s: { sandbox: boolean; ready: boolean; reason?: string }): Condition[] {
    const now = this.ctx.clock.timestamp();
    const previous = pod.status?.conditions;
    if (!previous) return this.buildConditions(pod, s, now, previous);
    let byStep = sharedConditions.get(previous);
    if (!byStep) sharedConditions.set(previous, (byStep = new Map()));
    const key = `${Number(s.sandbox)}${Number(s.ready)}${s.reason ?? ''}\n${now}\n${s.ready || s.reason ? '' : notReadyMessage(pod)}`;
    let built = byStep.get(key);
    if (!built) byStep.set(key, (built = this.buildConditions(pod, s, now, previous)));
    return built;
  }

  private buildConditions(pod: Pod, s: { sandbox: boolean; ready: boolean; reason?: string }, now: string, previous: Condition[] | undefined): Condition[] {
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
    const message = reason === 'ErrImagePull' || reason === 'ImagePullBackOff' ? { message: reason === 'ImagePullBackOff' ? `Back-off pulling image "${c.image}"` : `failed to pull and unpack image "${fullReference(c.image ?? '')}"` } : {};
    return { name: c.name, image: c.image ?? '', imageID: '', ready: false, started: false, restartCount: restarts, state: { waiting: { reason, ...message } }, lastState: {} };
  }

  // ------------------------------------------------------------ helpers

  private scheduleNext(pod: Pod, rec: PodRecord): void {
    const now = this.ctx.clock.now();
    const next = [rec.readyAt, rec.exitAt].filter((t): t is number => t !== undefined && t > now);
    if (next.length > 0) this.wake(pod, rec, Math.min(...next));
    else rec.dueAt = undefined;
  }

  private wake(pod: Pod, rec: PodRecord, at: number): void {
    rec.dueAt = at;
    this.ctx.wakeAt(this.name, at, keyOf(pod));
  }

  private behaviours(pod: Pod): ContainerBehaviour[] {
    return pod.spec.containers.map((c) => this.ctx.catalogue.behaviour(c) ?? { listeners: [], exitCode: 0, handlesSigterm: true });
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
    const spec = this.ctx.catalogue.lookup(c.image ?? '');
    return spec ? `${normaliseRepository(c.image ?? '')}@${spec.digest}` : '';
  }

  /** One id per container and attempt (the first container's seed predates sidecars having their own); worked out once per record and restart. */
  private containerID(pod: Pod, rec: PodRecord, c: Container): string {
    const first = pod.spec.containers[0]?.name === c.name;
    let known = containerIDs.get(rec);
    if (known?.restarts !== rec.restarts) containerIDs.set(rec, (known = { restarts: rec.restarts, ids: new Map() }));
    let id = known.ids.get(c.name);
    if (id === undefined) {
      const seed = fnv32a(first ? `${pod.metadata.uid}/${rec.restarts}/` : `${pod.metadata.uid}/${c.name}/${rec.restarts}/`);
      id = 'containerd://';
      for (let i = 0; i < 8; i++) id += hex8(fnv32a(String(i), seed));
      known.ids.set(c.name, id);
    }
    return id;
  }

  private nodeIP(node: string): string {
    this.nodeIPs ??= new Map(this.ctx.config.nodes.map((n) => [n.name, n.internalIP]));
    return this.nodeIPs.get(node) ?? '';
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

const notReadyMessages = new WeakMap<Container[], string>();
const sharedConditions = new WeakMap<Condition[], Map<string, Condition[]>>();

/** `containers with unready status: [a b]`, once per pod spec's containers. */
function notReadyMessage(pod: Pod): string {
  let text = notReadyMessages.get(pod.spec.containers);
  if (text === undefined) {
    text = `containers with unready status: [${pod.spec.containers.map((c) => c.name).join(' ')}]`;
    notReadyMessages.set(pod.spec.containers, text);
  }
  return text;
}

const HEX = '0123456789abcdef';

/** Eight lowercase hex digits, zero-padded; digit by digit, as toString(16) of a number past 2^31 takes a slow path. */
function hex8(n: number): string {
  let text = '';
  for (let shift = 28; shift >= 0; shift -= 4) text += HEX[(n >>> shift) & 15];
  return text;
}

const containerIDs = new WeakMap<PodRecord, { restarts: number; ids: Map<string, string> }>();

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
