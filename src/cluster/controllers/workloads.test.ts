import { describe, expect, it } from 'vitest';
import type { Deployment, Pod } from '../api/types';
import { bareCluster } from '../../../test/support/cluster-fixture';
import { deploymentManifest } from '../../../test/support/manifests';

/** The workload controllers together, as a learner meets them: names, placement, rollouts, cascades. */

const deployment = deploymentManifest;

const pods = (c: ReturnType<typeof bareCluster>) => c.store.list('Pod', 'default');
const ready = (p: Pod) => p.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True') ?? false;

describe('Deployment, ReplicaSet and scheduler', () => {
  it('names pods <deployment>-<pod-template-hash>-<5 chars> and spreads them over the workers, never the control plane', () => {
    const c = bareCluster(1);
    c.api.create(deployment('web', 6));
    c.advance(10_000);
    const ps = pods(c);
    expect(ps).toHaveLength(6);
    const rs = c.store.list('ReplicaSet', 'default')[0]!;
    const hash = rs.metadata.labels!['pod-template-hash']!;
    expect(rs.metadata.name).toBe(`web-${hash}`);
    for (const p of ps) expect(p.metadata.name).toMatch(new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
    const perNode = new Map<string, number>();
    for (const p of ps) perNode.set(p.spec.nodeName!, (perNode.get(p.spec.nodeName!) ?? 0) + 1);
    expect([...perNode.entries()].sort()).toEqual([
      ['worker-1', 2],
      ['worker-2', 2],
      ['worker-3', 2],
    ]);
    expect(ps.every(ready)).toBe(true);
    expect((c.store.get('Deployment', 'default', 'web') as Deployment).status?.availableReplicas).toBe(6);
  });

  it('rolls out a new template within maxSurge and maxUnavailable, keeping the old ReplicaSet at zero', () => {
    const c = bareCluster(2);
    c.api.apply(deployment('web', 4));
    c.advance(10_000);
    c.api.apply(deployment('web', 4, 'httpd:2.4'));
    c.settle();
    // 25% of 4: at most one extra pod and at most one unavailable at any moment.
    const maxTotal = () => pods(c).filter((p) => !p.metadata.deletionTimestamp).length;
    expect(maxTotal()).toBeLessThanOrEqual(5);
    for (let i = 0; i < 30; i++) {
      c.advance(1_000);
      expect(maxTotal()).toBeLessThanOrEqual(5);
      expect(pods(c).filter((p) => ready(p) && !p.metadata.deletionTimestamp).length).toBeGreaterThanOrEqual(3);
    }
    const rss = c.store.list('ReplicaSet', 'default').sort((a, b) => Number(a.metadata.annotations!['deployment.kubernetes.io/revision']) - Number(b.metadata.annotations!['deployment.kubernetes.io/revision']));
    expect(rss.map((r) => r.spec.replicas)).toEqual([0, 4]);
    expect(pods(c).every((p) => p.spec.containers[0]!.image === 'httpd:2.4')).toBe(true);
    const messages = c.events.list().filter((e) => e.reason === 'ScalingReplicaSet').map((e) => e.message);
    expect(messages[0]).toBe(`Scaled up replica set ${rss[0]!.metadata.name} from 0 to 4`);
    expect(messages).toContain(`Scaled down replica set ${rss[0]!.metadata.name} from 1 to 0`);
  });

  it('deletes the newest, least ready pods first when scaling down', () => {
    const c = bareCluster(3);
    c.api.apply(deployment('web', 2));
    c.advance(10_000);
    const before = pods(c).map((p) => p.metadata.name);
    c.api.apply(deployment('web', 3));
    c.settle();
    const added = pods(c).find((p) => !before.includes(p.metadata.name))!;
    c.api.apply(deployment('web', 2));
    c.settle();
    expect(c.store.get('Pod', 'default', added.metadata.name)?.metadata.deletionTimestamp ?? 'gone').toBeTruthy();
    for (const name of before) expect(c.store.get('Pod', 'default', name)?.metadata.deletionTimestamp).toBeUndefined();
  });

  it('cascades a Deployment delete to its ReplicaSets and pods (garbage collector)', () => {
    const c = bareCluster(4);
    c.api.apply(deployment('web', 3));
    c.advance(10_000);
    c.api.delete('Deployment', 'default', 'web');
    c.advance(5_000);
    expect(c.store.list('ReplicaSet', 'default')).toHaveLength(0);
    expect(pods(c)).toHaveLength(0);
  });

  it('leaves a pod Pending with the scheduler’s reason when no node fits', () => {
    const c = bareCluster(5);
    c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'picky' }, spec: { nodeSelector: { disktype: 'ssd' }, containers: [{ name: 'c', image: 'nginx' }] } });
    c.settle();
    expect(c.store.get('Pod', 'default', 'picky')?.status?.phase).toBe('Pending');
    expect(c.events.list().find((e) => e.reason === 'FailedScheduling')?.message).toBe(
      "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.",
    );
  });
});

describe('DaemonSet', () => {
  it('runs one pod on every node it tolerates', () => {
    const c = bareCluster(6);
    const ds = (tolerations: unknown[]) => ({
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent' },
      spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } }, spec: { tolerations, containers: [{ name: 'a', image: 'busybox', command: ['sleep', 'infinity'] }] } } },
    });
    c.api.apply(ds([]));
    c.advance(5_000);
    expect(pods(c).map((p) => p.spec.nodeName).sort()).toEqual(['worker-1', 'worker-2', 'worker-3']);
    c.api.apply(ds([{ operator: 'Exists' }]));
    c.advance(60_000);
    expect(pods(c).filter((p) => !p.metadata.deletionTimestamp).map((p) => p.spec.nodeName).sort()).toEqual(['control-plane', 'worker-1', 'worker-2', 'worker-3']);
  });
});

describe('kubelet', () => {
  it('gives a replaced pod a new IP, not the one just released', () => {
    const c = bareCluster(7);
    c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' }, spec: { nodeName: 'worker-1', containers: [{ name: 'c', image: 'nginx' }] } });
    c.advance(5_000);
    const first = c.store.get('Pod', 'default', 'a')!.status!.podIP;
    c.api.delete('Pod', 'default', 'a');
    c.advance(5_000);
    c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' }, spec: { nodeName: 'worker-1', containers: [{ name: 'c', image: 'nginx' }] } });
    c.advance(5_000);
    expect(first).toBe('10.244.1.2');
    expect(c.store.get('Pod', 'default', 'a')!.status!.podIP).toBe('10.244.1.3');
  });

  it('takes the whole grace period to stop busybox sleep (PID 1 ignores SIGTERM) but not nginx', () => {
    const c = bareCluster(8);
    c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bb' }, spec: { containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }] } });
    c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    c.advance(10_000);
    c.api.delete('Pod', 'default', 'bb');
    c.api.delete('Pod', 'default', 'web');
    c.advance(2_000);
    expect(c.store.get('Pod', 'default', 'web')).toBeUndefined();
    expect(c.store.get('Pod', 'default', 'bb')?.metadata.deletionTimestamp).toBeDefined();
    c.advance(28_500);
    expect(c.store.get('Pod', 'default', 'bb')).toBeUndefined();
  });

  it('backs off a container that keeps exiting: CrashLoopBackOff with growing delays', () => {
    const c = bareCluster(9);
    c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'sh' }, spec: { containers: [{ name: 'c', image: 'busybox' }] } });
    c.advance(5_000);
    const status = () => c.store.get('Pod', 'default', 'sh')!.status!.containerStatuses![0]!;
    expect(status().state).toMatchObject({ waiting: { reason: 'CrashLoopBackOff' } });
    expect(status().restartCount).toBe(1);
    c.advance(60_000);
    expect(status().restartCount).toBeGreaterThanOrEqual(3);
    expect(status().restartCount).toBeLessThanOrEqual(4);
  });

  it('reports ErrImagePull, then ImagePullBackOff, for an image the registry does not have', () => {
    const c = bareCluster(10);
    c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'typo' }, spec: { containers: [{ name: 'c', image: 'ngnix' }] } });
    const reason = () => (c.store.get('Pod', 'default', 'typo')!.status!.containerStatuses![0]!.state as { waiting?: { reason: string } }).waiting?.reason;
    c.advance(1_800);
    expect(reason()).toBe('ErrImagePull');
    c.advance(1_500);
    expect(reason()).toBe('ImagePullBackOff');
  });

  it('keeps a pod unready while its readiness probe asks for something the image does not serve', () => {
    const c = bareCluster(11);
    const probe = (path: string) => ({ readinessProbe: { httpGet: { path, port: 80 } } });
    c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'good' }, spec: { containers: [{ name: 'c', image: 'nginx', ...probe('/') }] } });
    c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bad' }, spec: { containers: [{ name: 'c', image: 'nginx', ...probe('/healthz') }] } });
    c.advance(30_000);
    expect(ready(c.store.get('Pod', 'default', 'good')!)).toBe(true);
    expect(ready(c.store.get('Pod', 'default', 'bad')!)).toBe(false);
  });
});
