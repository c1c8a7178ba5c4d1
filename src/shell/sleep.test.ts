import { describe, expect, it } from 'vitest';
import { parseSleep } from './sleep';

describe('parseSleep (GNU sleep)', () => {
  it('takes seconds, fractions and units, summed', () => {
    expect(parseSleep(['5'])).toEqual({ ok: true, ms: 5000 });
    expect(parseSleep(['1.5'])).toEqual({ ok: true, ms: 1500 });
    expect(parseSleep(['2m', '30s'])).toEqual({ ok: true, ms: 150_000 });
    expect(parseSleep(['1h'])).toEqual({ ok: true, ms: 3_600_000 });
  });

  it("words sleep's errors", () => {
    expect(parseSleep([])).toEqual({ ok: false, message: "sleep: missing operand\nTry 'sleep --help' for more information.\n" });
    expect(parseSleep(['soon'])).toEqual({ ok: false, message: "sleep: invalid time interval \u2018soon\u2019\nTry 'sleep --help' for more information.\n" });
  });
});
