/**
 * Seeded pseudo-random numbers (sfc32): every random choice in the cluster
 * comes from one of these, so a seed and a command sequence replay exactly.
 * The state is four 32-bit words, so it snapshots as plain JSON.
 */
export class SeededRandom {
  // The four words as int32 fields, not an array: a draw allocates nothing (a word above
  // 2^31 held as an unsigned number would be a heap number). Saved and loaded unsigned.
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  constructor(seed: number | [number, number, number, number]) {
    if (Array.isArray(seed)) {
      this.load(seed);
      return;
    }
    // splitmix32 spreads a small integer seed over the four words.
    let x = seed >>> 0;
    const next = () => {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      return (z ^ (z >>> 15)) >>> 0;
    };
    this.load([next(), next(), next(), next()]);
    for (let i = 0; i < 12; i++) this.step();
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  nextUint32(): number {
    return this.step() >>> 0;
  }

  /** One sfc32 round in int32 arithmetic (the same bits as unsigned): the output word, signed. */
  private step(): number {
    const { a, b, c, d } = this;
    const t = (a + b + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    this.c = (((c << 21) | (c >>> 11)) + t) | 0;
    return t;
  }

  /** A float in [0, 1). */
  next(): number {
    return (this.step() >>> 0) / 0x100000000;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Characters from an alphabet, as apimachinery's rand.String picks them. */
  string(length: number, alphabet: string): string {
    // Char codes into one reused array, then one string: `+=` would copy the string at every character.
    charCodes.length = length;
    for (let i = 0; i < length; i++) charCodes[i] = alphabet.charCodeAt(this.int(alphabet.length));
    return String.fromCharCode.apply(null, charCodes);
  }

  save(): [number, number, number, number] {
    return [this.a >>> 0, this.b >>> 0, this.c >>> 0, this.d >>> 0];
  }

  load(state: [number, number, number, number]): void {
    this.a = state[0] | 0;
    this.b = state[1] | 0;
    this.c = state[2] | 0;
    this.d = state[3] | 0;
  }
}

const charCodes: number[] = [];
