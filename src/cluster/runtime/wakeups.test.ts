import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Wakeups } from './wakeups';

describe('Wakeups', () => {
  it('returns due wakeups in time order, ties in insertion order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 60 }), (times) => {
        const w = new Wakeups();
        times.forEach((t, i) => w.schedule(t, 'c', String(i)));
        const due = w.takeDue(50);
        const expected = times.map((t, i) => ({ t, i })).sort((a, b) => a.t - b.t || a.i - b.i);
        expect(due.map((d) => d.key)).toEqual(expected.map((e) => String(e.i)));
        expect(w.size).toBe(0);
      }),
    );
  });

  it('leaves future wakeups queued and survives save/load', () => {
    const w = new Wakeups();
    w.schedule(10, 'a', 'x');
    w.schedule(30, 'b', 'y');
    w.schedule(20, 'a', 'z');
    expect(w.takeDue(15).map((d) => d.key)).toEqual(['x']);
    const copy = new Wakeups();
    copy.load(w.save());
    expect(copy.nextAt()).toBe(20);
    expect(copy.takeDue(100).map((d) => d.key)).toEqual(['z', 'y']);
  });
});
