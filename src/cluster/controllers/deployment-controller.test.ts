import { describe, expect, it } from 'vitest';
import { sameJson } from './deployment-controller';

/** sameJson must agree with comparing JSON.stringify texts whose replacer drops the skipped keys. */
const skip = new Set(['lastUpdateTime', 'lastTransitionTime']);
const byText = (a: unknown, b: unknown) => {
  const text = (s: unknown) => JSON.stringify(s, (k, v) => (skip.has(k) ? undefined : v));
  return text(a) === text(b);
};

describe('sameJson', () => {
  const cases: [unknown, unknown][] = [
    [{ a: 1, b: 2 }, { a: 1, b: 2 }],
    [{ a: 1, b: 2 }, { b: 2, a: 1 }],
    [{ a: 1, b: undefined }, { a: 1 }],
    [{ a: 1, lastUpdateTime: 'x' }, { a: 1, lastUpdateTime: 'y' }],
    [{ c: [{ type: 'Available', lastTransitionTime: 'x' }] }, { c: [{ type: 'Available', lastTransitionTime: 'y' }] }],
    [{ c: [{ type: 'Available' }] }, { c: [{ type: 'Progressing' }] }],
    [[undefined], [null]],
    [[1, 2], [1, 2, 3]],
    [{ a: [] }, { a: {} }],
    [undefined, {}],
    [{ a: NaN }, { a: null }],
    [{ a: 1 }, { a: '1' }],
  ];
  it.each(cases)('agrees with the JSON texts: %j vs %j', (a, b) => {
    expect(sameJson(a, b, skip)).toBe(byText(a, b));
  });
});
