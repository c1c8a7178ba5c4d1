import type { SeededRandom } from '../random';

/** A version-4 UUID drawn from the seeded generator, as metadata.uid looks on a real cluster. */
export function newUid(rng: SeededRandom): string {
  const hex = (n: number) => rng.string(n, '0123456789abcdef');
  const variant = '89ab'[rng.int(4)];
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}
