/**
 * Seeded pseudo-random numbers (sfc32): every random choice in the cluster
 * comes from one of these, so a seed and a command sequence replay exactly.
 * The state is four 32-bit words, so it snapshots as plain JSON.
 */
export class SeededRandom {
  private state: [number, number, number, number];

  constructor(seed: number | [number, number, number, number]) {
    if (Array.isArray(seed)) {
      this.state = [...seed];
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
    this.state = [next(), next(), next(), next()];
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  nextUint32(): number {
    let [a, b, c, d] = this.state;
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    this.state = [a >>> 0, b, c, d];
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
    return [...this.state];
  }

  load(state: [number, number, number, number]): void {
    this.state = [...state];
  }
}
