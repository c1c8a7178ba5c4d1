import { describe, expect, it } from 'vitest';
import type { ReplicaSet } from '../../cluster/api/types';
import { NOW, obj } from './objects.fixture';
import { replicaSetPrinter } from './replicasets';

const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }, { name: 'log', image: 'busybox:1.36' }] } };

describe('replicaset printer (printReplicaSet)', () => {
  it('prints a ReplicaSet with its full selector', () => {
    const r = obj<ReplicaSet>('ReplicaSet', 'web-7dbf857cf4', {
      spec: { replicas: 3, selector: { matchLabels: { app: 'web', 'pod-template-hash': '7dbf857cf4' } }, template },
      status: { replicas: 3, readyReplicas: 1 },
    });
    expect(replicaSetPrinter.row(r, NOW, true)).toEqual(['web-7dbf857cf4', '3', '3', '1', '5m', 'nginx,log', 'nginx:1.27,busybox:1.36', 'app=web,pod-template-hash=7dbf857cf4']);
    expect(replicaSetPrinter.row({ ...r, status: undefined } as ReplicaSet, NOW, false)).toEqual(['web-7dbf857cf4', '3', '0', '0', '5m']);
  });
});
