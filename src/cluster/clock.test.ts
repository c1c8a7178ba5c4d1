import { describe, expect, it } from 'vitest';
import { formatTimestamp, VirtualClock } from './clock';

describe('VirtualClock', () => {
  it('formats timestamps at second precision like metav1.Time', () => {
    expect(formatTimestamp(Date.parse('2026-01-05T09:00:00.750Z'))).toBe('2026-01-05T09:00:00Z');
  });

  it('never moves backwards', () => {
    const clock = new VirtualClock(1000);
    clock.advanceTo(5000);
    clock.advanceTo(2000);
    expect(clock.now()).toBe(5000);
  });
});
