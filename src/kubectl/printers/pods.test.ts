import { describe, expect, it } from 'vitest';
import type { ContainerStatus, Pod } from '../../cluster/api/types';
import { ago, NOW, pod, running, terminated, waiting } from './objects.fixture';
import { podPrinter, podStatus } from './pods';

const row = (p: Pod, wide = false) => podPrinter.row(p, NOW, wide);

describe('pod printer (printPod)', () => {
  it('has kubectl columns, wide ones after', () => {
    expect(podPrinter.headers(false)).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
    expect(podPrinter.headers(true)).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES']);
  });

  it('prints a running pod', () => {
    expect(row(pod('web', [running('nginx')]), true)).toEqual(['web', '1/1', 'Running', '0', '5m', '10.244.1.5', 'worker-1', '<none>', '<none>']);
  });

  it('shows the waiting reason of a container being created', () => {
    expect(row(pod('web', [waiting('nginx', 'ContainerCreating')], { phase: 'Pending', ready: false }))).toEqual(['web', '0/1', 'ContainerCreating', '0', '5m']);
  });

  it('counts restarts and says how long ago the last one ended', () => {
    const crashing = waiting('app', 'CrashLoopBackOff', { restartCount: 2, lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(303) } } });
    expect(row(pod('app', [crashing], { ready: false }))).toEqual(['app', '0/1', 'CrashLoopBackOff', '2 (5m3s ago)', '5m']);
  });

  it('prints a bare restart count when there were none', () => {
    const c = running('app', { lastState: { terminated: { exitCode: 0, finishedAt: ago(60) } } });
    expect(podStatus(pod('app', [c]), NOW).restarts).toBe('0');
  });

  it('shows Completed, Error and ExitCode:N for finished containers', () => {
    expect(podStatus(pod('job', [terminated('c', 0, 'Completed')], { phase: 'Succeeded', ready: false }), NOW).status).toBe('Completed');
    expect(podStatus(pod('job', [terminated('c', 1, 'Error')], { phase: 'Failed', ready: false }), NOW).status).toBe('Error');
    expect(podStatus(pod('job', [terminated('c', 2)], { phase: 'Failed', ready: false }), NOW).status).toBe('ExitCode:2');
  });

  it('says Running or NotReady when one container finished beside a running one', () => {
    expect(podStatus(pod('p', [running('a'), terminated('b', 0, 'Completed')]), NOW)).toMatchObject({ ready: '1/2', status: 'Running' });
    expect(podStatus(pod('p', [running('a'), terminated('b', 0, 'Completed')], { ready: false }), NOW).status).toBe('NotReady');
  });

  it('says Terminating for a pod being deleted, unless it already finished', () => {
    expect(podStatus(pod('web', [running('nginx')], { metadata: { deletionTimestamp: ago(1) } }), NOW).status).toBe('Terminating');
    const done = pod('job', [terminated('c', 0, 'Completed')], { phase: 'Succeeded', metadata: { deletionTimestamp: ago(1) } });
    expect(podStatus(done, NOW).status).toBe('Completed');
  });

  it('says Unknown for a pod deleted from a lost node', () => {
    const p = pod('web', [running('nginx')], { metadata: { deletionTimestamp: ago(1) } });
    p.status!.reason = 'NodeLost';
    expect(podStatus(p, NOW).status).toBe('Unknown');
  });

  it('prints Pending and <none> for a pod not yet scheduled', () => {
    const p: Pod = { ...pod('web', []), spec: { containers: [{ name: 'nginx', image: 'nginx' }] }, status: { phase: 'Pending' } };
    expect(row(p, true)).toEqual(['web', '0/1', 'Pending', '0', '5m', '<none>', '<none>', '<none>', '<none>']);
  });

  it('says SchedulingGated while scheduling gates hold the pod', () => {
    const p: Pod = { ...pod('web', []), status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] } };
    expect(podStatus(p, NOW).status).toBe('SchedulingGated');
  });

  it('shows init containers: Init:N/M, their waiting reason, their failure', () => {
    const withInit = (initStatuses: ContainerStatus[]): Pod => {
      const p = pod('web', [waiting('nginx', 'PodInitializing')], { phase: 'Pending', ready: false });
      p.spec.initContainers = [{ name: 'setup' }, { name: 'migrate' }];
      p.status!.initContainerStatuses = initStatuses;
      return p;
    };
    expect(podStatus(withInit([terminated('setup', 0, 'Completed'), waiting('migrate', 'PodInitializing')]), NOW).status).toBe('Init:1/2');
    expect(podStatus(withInit([waiting('setup', 'CrashLoopBackOff', { restartCount: 3 }), waiting('migrate', 'PodInitializing')]), NOW)).toMatchObject({
      status: 'Init:CrashLoopBackOff',
      restarts: '3',
    });
    expect(podStatus(withInit([terminated('setup', 1, 'Error'), waiting('migrate', 'PodInitializing')]), NOW).status).toBe('Init:Error');
  });

  it('counts a started sidecar (restartable init container) as a ready container', () => {
    const p = pod('web', [running('nginx')]);
    p.spec.initContainers = [{ name: 'proxy', restartPolicy: 'Always' }];
    p.status!.initContainerStatuses = [running('proxy')];
    expect(podStatus(p, NOW)).toMatchObject({ ready: '2/2', status: 'Running' });
  });

  it('counts readiness gates that are met', () => {
    const p = pod('web', [running('nginx')]);
    p.spec.readinessGates = [{ conditionType: 'example.com/lb' }, { conditionType: 'example.com/dns' }];
    p.status!.conditions!.push({ type: 'example.com/lb', status: 'True' });
    expect(row(p, true).at(-1)).toBe('1/2');
  });
});
