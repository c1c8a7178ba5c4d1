import type { ContainerStatus, KubeObject, ObjectMeta, Pod, PodStatus, Service } from '../../cluster/api/types';

/** Printer tests build objects by hand: a fixed "now" and timestamps relative to it. */
export const NOW = Date.parse('2026-01-05T09:00:00Z');

export function ago(seconds: number): string {
  return new Date(NOW - seconds * 1000).toISOString().replace('.000Z', 'Z');
}

export function meta(name: string, extra: Partial<ObjectMeta> = {}): ObjectMeta {
  return { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '1', creationTimestamp: ago(300), ...extra };
}

export function obj<T extends KubeObject>(kind: string, name: string, fields: Omit<T, 'apiVersion' | 'kind' | 'metadata'> & { metadata?: Partial<ObjectMeta> }): T {
  const { metadata, ...rest } = fields;
  return { apiVersion: 'v1', kind, metadata: meta(name, metadata), ...rest } as unknown as T;
}

export function running(name: string, extra: Partial<ContainerStatus> = {}): ContainerStatus {
  return { name, image: 'nginx:1.27', imageID: '', ready: true, started: true, restartCount: 0, state: { running: { startedAt: ago(200) } }, lastState: {}, ...extra };
}

export function waiting(name: string, reason: string, extra: Partial<ContainerStatus> = {}): ContainerStatus {
  return { name, image: 'nginx:1.27', imageID: '', ready: false, started: false, restartCount: 0, state: { waiting: { reason } }, lastState: {}, ...extra };
}

export function terminated(name: string, exitCode: number, reason?: string, extra: Partial<ContainerStatus> = {}): ContainerStatus {
  return {
    name,
    image: 'busybox:1.36',
    imageID: '',
    ready: false,
    started: false,
    restartCount: 0,
    state: { terminated: { exitCode, ...(reason ? { reason } : {}), finishedAt: ago(10) } },
    lastState: {},
    ...extra,
  };
}

/** A pod with one container per status given, on worker-1, phase Running unless said. */
export function pod(name: string, statuses: ContainerStatus[], extra: { phase?: PodStatus['phase']; metadata?: Partial<ObjectMeta>; ready?: boolean } = {}): Pod {
  return obj<Pod>('Pod', name, {
    metadata: extra.metadata ?? {},
    spec: { containers: statuses.map((s) => ({ name: s.name, image: s.image })), nodeName: 'worker-1' },
    status: {
      phase: extra.phase ?? 'Running',
      podIP: '10.244.1.5',
      podIPs: [{ ip: '10.244.1.5' }],
      conditions: [{ type: 'Ready', status: extra.ready === false ? 'False' : 'True' }],
      containerStatuses: statuses,
    },
  });
}

export function service(name: string, spec: Service['spec'], status?: Service['status']): Service {
  return obj<Service>('Service', name, { spec, ...(status ? { status } : {}) });
}
