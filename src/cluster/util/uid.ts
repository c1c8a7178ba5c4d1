import type { SeededRandom } from '../random';

const HEX = '0123456789abcdef';
const VARIANTS = '89ab';
const DASH = 0x2d;

/**
 * The uid's characters as char codes, reused: every uid is one string made
 * from them, with no array or closure per uid. The dashes and the version
 * digit are in place for good; the random digits are drawn into the rest.
 */
const codes: number[] = new Array<number>(36).fill(DASH);
codes[14] = 0x34;

/** A version-4 UUID drawn from the seeded generator, as metadata.uid looks on a real cluster. */
export function newUid(rng: SeededRandom): string {
  // The variant is drawn first, then the hex digits left to right: the order every saved seed's uids depend on.
  const variant = VARIANTS.charCodeAt(rng.int(4));
  drawHex(rng, 0, 8);
  drawHex(rng, 9, 13);
  drawHex(rng, 15, 18);
  codes[19] = variant;
  drawHex(rng, 20, 23);
  drawHex(rng, 24, 36);
  return String.fromCharCode.apply(null, codes);
}

/** Hex digits into codes[from, to). */
function drawHex(rng: SeededRandom, from: number, to: number): void {
  for (let i = from; i < to; i++) codes[i] = HEX.charCodeAt(rng.int(16));
}
