import type { SeededRandom } from '../random';

const HEX = '0123456789abcdef';

/** A version-4 UUID drawn from the seeded generator, as metadata.uid looks on a real cluster. */
export function newUid(rng: SeededRandom): string {
  // The variant is drawn first, then the hex digits left to right: the order every saved seed's uids depend on.
  const variant = '89ab'.charCodeAt(rng.int(4));
  // Char codes into one array, then one string: concatenating 32 one-character strings allocates each step.
  const codes: number[] = [];
  const hex = (n: number) => {
    for (let i = 0; i < n; i++) codes.push(HEX.charCodeAt(rng.int(16)));
  };
  const dash = 0x2d;
  hex(8);
  codes.push(dash);
  hex(4);
  codes.push(dash, 0x34);
  hex(3);
  codes.push(dash, variant);
  hex(3);
  codes.push(dash);
  hex(12);
  return String.fromCharCode(...codes);
}
