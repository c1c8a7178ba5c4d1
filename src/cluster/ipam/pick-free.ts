import type { SeededRandom } from '../random';

/**
 * A free value in [from, to], starting the search at a random point and
 * wrapping, as the apiserver's bitmap allocators scan; undefined when all
 * are taken.
 */
export function pickFree(from: number, to: number, rng: SeededRandom, used: Set<number>): number | undefined {
  const count = to - from + 1;
  if (count <= 0) return undefined;
  const start = rng.int(count);
  for (let i = 0; i < count; i++) {
    const candidate = from + ((start + i) % count);
    if (!used.has(candidate)) return candidate;
  }
  return undefined;
}
