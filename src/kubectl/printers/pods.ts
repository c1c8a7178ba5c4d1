import type { Condition, ContainerStatus, Pod } from '../../cluster/api/types';
import { age, humanDuration } from './age';
import { simplePrinter } from './kind-printer';

const hasTrueCondition = (conditions: Condition[] | undefined, type: string) => conditions?.some((c) => c.type === type && c.status === 'True') ?? false;

/** printPod's READY, STATUS and RESTARTS: the rules kubectl v1.34 applies, in its order. */
export function podStatus(pod: Pod, now: number): { ready: string; status: string; restarts: string } {
  const status = pod.status;
  const phase = status?.phase ?? '';
  let reason: string = status?.reason || phase;
  // A pod held by scheduling gates says so.
  for (const c of status?.conditions ?? []) if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';

  const initSpecs = new Map((pod.spec.initContainers ?? []).map((c) => [c.name, c]));
  const isSidecar = (name: string) => initSpecs.get(name)?.restartPolicy === 'Always';
  const total = pod.spec.containers.length + [...initSpecs.values()].filter((c) => c.restartPolicy === 'Always').length;
  let ready = 0;
  let restarts = 0;
  let sidecarRestarts = 0;
  let lastRestart = 0;
  let lastSidecarRestart = 0;
  const finishedAt = (s: ContainerStatus) => (s.lastState.terminated ? Date.parse(s.lastState.terminated.finishedAt) || 0 : 0);

  let initializing = false;
  const initStatuses = status?.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const s = initStatuses[i]!;
    restarts += s.restartCount;
    lastRestart = Math.max(lastRestart, finishedAt(s));
    if (isSidecar(s.name)) {
      sidecarRestarts += s.restartCount;
      lastSidecarRestart = Math.max(lastSidecarRestart, finishedAt(s));
    }
    const state = s.state;
    if ('terminated' in state && state.terminated.exitCode === 0) continue;
    if (isSidecar(s.name) && s.started) {
      if (s.ready) ready++;
      continue;
    }
    if ('terminated' in state) {
      const t = state.terminated;
      reason = t.reason ? `Init:${t.reason}` : t.signal ? `Init:Signal:${t.signal}` : `Init:ExitCode:${t.exitCode}`;
    } else if ('waiting' in state && state.waiting.reason && state.waiting.reason !== 'PodInitializing') {
      reason = `Init:${state.waiting.reason}`;
    } else {
      reason = `Init:${i}/${pod.spec.initContainers?.length ?? 0}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || hasTrueCondition(status?.conditions, 'Initialized')) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = status?.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const s = statuses[i]!;
      restarts += s.restartCount;
      lastRestart = Math.max(lastRestart, finishedAt(s));
      const state = s.state;
      if ('waiting' in state && state.waiting.reason) reason = state.waiting.reason;
      else if ('terminated' in state) {
        const t = state.terminated;
        reason = t.reason ? t.reason : t.signal ? `Signal:${t.signal}` : `ExitCode:${t.exitCode}`;
      } else if (s.ready && 'running' in state) {
        hasRunning = true;
        ready++;
      }
    }
    // A finished container beside running ones: the pod is Running (or NotReady).
    if (reason === 'Completed' && hasRunning) reason = hasTrueCondition(status?.conditions, 'Ready') ? 'Running' : 'NotReady';
  }

  if (pod.metadata.deletionTimestamp && status?.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';

  const restartText = restarts !== 0 && lastRestart !== 0 ? `${restarts} (${humanDuration(now - lastRestart)} ago)` : String(restarts);
  return { ready: `${ready}/${total}`, status: reason, restarts: restartText };
}

function readinessGates(pod: Pod): string {
  const gates = pod.spec.readinessGates ?? [];
  if (gates.length === 0) return '<none>';
  const conditions = pod.status?.conditions ?? [];
  const met = gates.filter((g) => conditions.find((c) => c.type === g.conditionType)?.status === 'True').length;
  return `${met}/${gates.length}`;
}

export const podPrinter = simplePrinter<Pod>(
  ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
  ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
  (p, now) => {
    const s = podStatus(p, now);
    return [p.metadata.name, s.ready, s.status, s.restarts, age(p.metadata.creationTimestamp, now)];
  },
  (p) => [p.status?.podIPs?.[0]?.ip || '<none>', p.spec.nodeName || '<none>', p.status?.nominatedNodeName || '<none>', readinessGates(p)],
);
