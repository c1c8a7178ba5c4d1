import { describe, expect, it } from 'vitest';
import { age, humanDuration } from './age';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe('humanDuration (the AGE column)', () => {
  it.each([
    [0, '0s'],
    [999, '0s'],
    [5 * s, '5s'],
    [90 * s, '90s'],
    [119 * s, '119s'],
    [2 * m, '2m'],
    [2 * m + 3 * s, '2m3s'],
    [9 * m + 59 * s, '9m59s'],
    [10 * m, '10m'],
    [10 * m + 30 * s, '10m'],
    [179 * m + 59 * s, '179m'],
    [3 * h, '3h'],
    [3 * h + 4 * m, '3h4m'],
    [7 * h + 59 * m, '7h59m'],
    [8 * h, '8h'],
    [8 * h + 59 * m, '8h'],
    [47 * h, '47h'],
    [2 * d, '2d'],
    [2 * d + 5 * h, '2d5h'],
    [7 * d + 23 * h, '7d23h'],
    [8 * d, '8d'],
    [8 * d + 3 * h, '8d'],
    [364 * d, '364d'],
    [729 * d, '729d'],
    [730 * d, '2y'],
    [2 * 365 * d + 10 * d, '2y10d'],
    [8 * 365 * d, '8y'],
    [9 * 365 * d + 100 * d, '9y'],
  ])('%i ms is %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });

  it('tolerates a second of clock skew and calls more invalid', () => {
    expect(humanDuration(-1500)).toBe('0s');
    expect(humanDuration(-2000)).toBe('<invalid>');
  });

  it('prints <unknown> for a missing timestamp', () => {
    expect(age(undefined, 0)).toBe('<unknown>');
    expect(age('2026-01-05T09:00:00Z', Date.parse('2026-01-05T09:02:03Z'))).toBe('2m3s');
  });
});
