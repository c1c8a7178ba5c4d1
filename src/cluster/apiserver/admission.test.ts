import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { SeededRandom } from '../random';
import { admitPod, SERVICE_ACCOUNT_MOUNT_PATH } from './admission';

/**
 * The ServiceAccount and DefaultTolerationSeconds plugins, against what
 * plugin/pkg/admission/serviceaccount and defaulttolerationseconds do.
 */

const pod = (spec: Partial<Pod['spec']> = {}, annotations?: Record<string, string>): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '', ...(annotations ? { annotations } : {}) },
  spec: { containers: [{ name: 'a', image: 'nginx' }], ...spec },
});

describe('ServiceAccount admission', () => {
  it('names the default account and mounts kube-api-access-xxxxx read-only in every container and init container', () => {
    const p = pod({ initContainers: [{ name: 'init', image: 'busybox' }] });
    admitPod(p, new SeededRandom(1));
    expect(p.spec.serviceAccountName).toBe('default');
    expect(p.spec.serviceAccount).toBe('default');
    const volume = p.spec.volumes![0]!;
    expect(volume.name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(volume).toEqual({
      name: volume.name,
      projected: {
        defaultMode: 420,
        sources: [
          { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
          { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
          { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
        ],
      },
    });
    for (const c of [...p.spec.initContainers!, ...p.spec.containers]) {
      expect(c.volumeMounts).toEqual([{ mountPath: SERVICE_ACCOUNT_MOUNT_PATH, name: volume.name, readOnly: true }]);
    }
  });

  it('keeps a named account, and the same seed gives the same volume name', () => {
    const a = pod({ serviceAccountName: 'coredns' });
    const b = pod({ serviceAccountName: 'coredns' });
    admitPod(a, new SeededRandom(7));
    admitPod(b, new SeededRandom(7));
    expect(a.spec.serviceAccount).toBe('coredns');
    expect(a.spec.volumes![0]!.name).toBe(b.spec.volumes![0]!.name);
  });

  it('mounts nothing when the pod opts out, and leaves a container that already mounts the path alone', () => {
    const out = pod({ automountServiceAccountToken: false });
    admitPod(out, new SeededRandom(1));
    expect(out.spec.volumes).toBeUndefined();
    expect(out.spec.containers[0]!.volumeMounts).toBeUndefined();
    const own = pod({ containers: [{ name: 'a', image: 'nginx', volumeMounts: [{ name: 'mine', mountPath: SERVICE_ACCOUNT_MOUNT_PATH }] }], volumes: [{ name: 'mine', emptyDir: {} }] });
    admitPod(own, new SeededRandom(1));
    expect(own.spec.volumes).toEqual([{ name: 'mine', emptyDir: {} }]);
  });

  it('never changes a mirror pod', () => {
    const p = pod({ tolerations: [{ operator: 'Exists', effect: 'NoExecute' }] }, { 'kubernetes.io/config.mirror': 'abc' });
    admitPod(p, new SeededRandom(1));
    expect(p.spec.serviceAccountName).toBeUndefined();
    expect(p.spec.volumes).toBeUndefined();
    expect(p.spec.tolerations).toEqual([{ operator: 'Exists', effect: 'NoExecute' }]);
  });
});

describe('DefaultTolerationSeconds admission', () => {
  it('adds not-ready and unreachable NoExecute tolerations for 300s after the pod’s own', () => {
    const p = pod({ tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }] });
    admitPod(p, new SeededRandom(1));
    expect(p.spec.tolerations).toEqual([
      { key: 'CriticalAddonsOnly', operator: 'Exists' },
      { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
      { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
    ]);
  });

  it('adds nothing for a taint the pod already tolerates (by key, or by an empty key or effect)', () => {
    const p = pod({ tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 }] });
    admitPod(p, new SeededRandom(1));
    expect(p.spec.tolerations!.map((t) => t.key)).toEqual(['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']);
    const all = pod({ tolerations: [{ operator: 'Exists' }] });
    admitPod(all, new SeededRandom(1));
    expect(all.spec.tolerations).toEqual([{ operator: 'Exists' }]);
  });
});
