import { describe, expect, it } from 'vitest';
import { kernelProbability, savedProbability, writtenProbability } from './probability';

describe('statistic probabilities', () => {
  it.each([
    [2, '0.5000000000', '0.50000000000'],
    [3, '0.3333333333', '0.33333333349'],
    [4, '0.2500000000', '0.25000000000'],
    [5, '0.2000000000', '0.20000000019'],
    [6, '0.1666666667', '0.16666666651'],
    [7, '0.1428571429', '0.14285714272'],
    [8, '0.1250000000', '0.12500000000'],
    [10, '0.1000000000', '0.10000000009'],
  ])('1/%i is written %s and saved %s', (n, written, saved) => {
    expect(writtenProbability(n)).toBe(written);
    expect(savedProbability(written)).toBe(saved);
  });

  it('stores the probability as a 31-bit fixed-point number', () => {
    expect(kernelProbability('0.5000000000')).toBe(0x40000000);
    expect(kernelProbability('1')).toBe(0x80000000);
  });
});
