import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock';
import type { KubeObject } from '../api/types';
import { EventRecorder, nsHex } from './event-recorder';

const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default', uid: 'u1' } } as unknown as KubeObject;

describe('event names', () => {
  it('print ms·1e6 + ns in hex exactly, as a BigInt would', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 42 }), fc.integer({ min: 0, max: 5_000_000 }), (ms, extra) => {
        expect(nsHex(ms, extra)).toBe((BigInt(ms) * 1_000_000n + BigInt(extra)).toString(16));
      }),
    );
  });

  it('name each event after the object and its creation time in ns, the next ns within one millisecond', () => {
    const clock = new VirtualClock(Date.UTC(2026, 0, 1));
    const events = new EventRecorder(clock);
    events.record(pod, 'Normal', 'Pulled', 'a', 'kubelet');
    events.record(pod, 'Normal', 'Created', 'b', 'kubelet');
    clock.advanceTo(clock.now() + 1);
    events.record(pod, 'Normal', 'Started', 'c', 'kubelet');
    const base = BigInt(Date.UTC(2026, 0, 1)) * 1_000_000n;
    expect(events.list().map((e) => e.name)).toEqual([`web.${base.toString(16)}`, `web.${(base + 1n).toString(16)}`, `web.${(base + 1_000_000n).toString(16)}`]);
  });

  it('go on after the newest saved name when restored', () => {
    const clock = new VirtualClock(Date.UTC(2026, 0, 1));
    const events = new EventRecorder(clock);
    events.record(pod, 'Normal', 'Pulled', 'a', 'kubelet');
    events.record(pod, 'Normal', 'Created', 'b', 'kubelet');
    const restored = new EventRecorder(clock);
    restored.load(events.save());
    restored.record(pod, 'Normal', 'Started', 'c', 'kubelet');
    const base = BigInt(Date.UTC(2026, 0, 1)) * 1_000_000n;
    expect(restored.list().at(-1)!.name).toBe(`web.${(base + 2n).toString(16)}`);
  });
});
