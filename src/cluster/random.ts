/**
 * Seeded pseudo-random numbers (sfc32): every random choice in the cluster
 * comes from one of these, so a seed and a command sequence replay exactly.
 * The state is four 32-bit words, so it snapshots as plain JSON.
 */
export class SeededRandom {
  // The four words as fields, not an array: a draw allocates nothing.
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
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  nextUint32(): number {
    const { a, b, c, d } = this;
    const t = (((a + b) >>> 0) + d) >>> 0;
    this.d = (d + 1) >>> 0;
    this.a = (b ^ (b >>> 9)) >>> 0;
    this.b = (c + (c << 3)) >>> 0;
    this.c = ((((c << 21) | (c >>> 11)) >>> 0) + t) >>> 0;
    return t;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 0x100000000;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Characters from an alphabet, as apimachinery's rand.String picks them. */
  string(length: number, alphabet: string): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[this.int(alphabet.length)];
    return out;
  }

  save(): [number, number, number, number] {
    return [this.a, this.b, this.c, this.d];
  }

  load(state: [number, number, number, number]): void {
    [this.a, this.b, this.c, this.d] = state;
  }
}
