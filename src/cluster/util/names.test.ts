import { describe, expect, it } from 'vitest';
import { fnv32a, safeEncodeString } from './names';

describe('names', () => {
  it('computes FNV-1a 32 as Go hash/fnv does', () => {
    // Reference values of FNV-1a 32-bit: "" -> 0x811c9dc5, "a" -> 0xe40c292c.
    expect(fnv32a('')).toBe(0x811c9dc5);
    expect(fnv32a('a')).toBe(0xe40c292c);
  });

  it('encodes onto the vowel-free alphabet as rand.SafeEncodeString', () => {
    // '0' is code 48; 48 % 27 = 21 -> alphabet[21] = '4'.
    expect(safeEncodeString('0')).toBe('4');
    expect(safeEncodeString('1234567890')).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{10}$/);
  });
});
