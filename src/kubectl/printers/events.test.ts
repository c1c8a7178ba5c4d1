import { describe, expect, it } from 'vitest';
import type { Event } from '../../cluster/api/types';
import { eventPrinter } from './events';
import { ago, NOW, obj } from './objects.fixture';

describe('event printer (printEvent)', () => {
  it('prints an event, with subobject, source, first seen, count and name when wide', () => {
    const e = obj<Event>('Event', 'web.18a2b3c4d5e6f708', {
      involvedObject: { kind: 'Pod', namespace: 'default', name: 'web', uid: 'u', fieldPath: 'spec.containers{nginx}' },
      reason: 'Pulled',
      message: 'Container image "nginx:1.27" already present on machine\n',
      type: 'Normal',
      source: { component: 'kubelet', host: 'worker-1' },
      firstTimestamp: ago(120),
      lastTimestamp: ago(30),
      count: 3,
    });
    expect(eventPrinter.headers(false)).toEqual(['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']);
    expect(eventPrinter.row(e, NOW, false)).toEqual(['30s', 'Normal', 'Pulled', 'pod/web', 'Container image "nginx:1.27" already present on machine']);
    expect(eventPrinter.row(e, NOW, true)).toEqual([
      '30s', 'Normal', 'Pulled', 'pod/web', 'spec.containers{nginx}', 'kubelet, worker-1', 'Container image "nginx:1.27" already present on machine', '2m', '3', 'web.18a2b3c4d5e6f708',
    ]);
  });
});
