import type { SeededRandom } from '../random';

/**
 * apimachinery's rand.String alphabet: no vowels and no look-alike digits,
 * so generated names never spell words (`web-7d4b9c8f5-x2kqp`).
 */
export const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** metadata.generateName completion: the prefix plus five safe characters. */
export function generateName(prefix: string, rng: SeededRandom): string {
  const maxPrefix = 63 - 5;
  return prefix.slice(0, maxPrefix) + rng.string(5, SAFE_ALPHABET);
}

/** FNV-1a, 32 bits: what the controllers hash pod templates with. `from` continues a hash: fnv32a(b, fnv32a(a)) is fnv32a(a + b). */
export function fnv32a(text: string, from = 0x811c9dc5): number {
  let hash = from;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * rand.SafeEncodeString: maps each character of a string onto the safe
 * alphabet. The pod-template-hash label is SafeEncodeString of the decimal
 * hash, which is why it looks like `7d4b9c8f5`.
 */
export function safeEncodeString(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += SAFE_ALPHABET[text.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}
