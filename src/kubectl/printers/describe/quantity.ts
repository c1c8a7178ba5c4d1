/**
 * Just enough of resource.Quantity for describe's resource tables: parse
 * `250m`, `2`, `70Mi`, `8137728Ki`, `1G`, sum, and print in canonical form.
 */
const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

export interface Quantity {
  /** In thousandths of the unit, so `250m` CPU is 250. */
  milli: number;
  binary: boolean;
}

export function parseQuantity(text: string | undefined): Quantity {
  const m = /^([+-]?[0-9.]+)([a-zA-Z]*)$/.exec(text ?? '');
  if (!m) return { milli: 0, binary: false };
  const n = Number(m[1]);
  const suffix = m[2]!;
  if (suffix === 'm') return { milli: Math.round(n), binary: false };
  if (BINARY[suffix] !== undefined) return { milli: Math.round(n * BINARY[suffix]! * 1000), binary: true };
  return { milli: Math.round(n * (DECIMAL[suffix] ?? 1) * 1000), binary: false };
}

export function addQuantity(a: Quantity, b: Quantity): Quantity {
  return { milli: a.milli + b.milli, binary: a.milli === 0 ? b.binary : a.binary };
}

/** Quantity.String(): `0`, `250m`, `2`, `120Mi`, `1500M`. */
export function quantityText(q: Quantity): string {
  if (q.milli === 0) return '0';
  if (q.milli % 1000 !== 0) return `${q.milli}m`;
  const value = q.milli / 1000;
  const suffixes = q.binary ? Object.entries(BINARY) : Object.entries(DECIMAL).filter(([s]) => s !== '');
  let best: [string, number] = ['', 1];
  for (const [s, f] of suffixes) if (value % f === 0) best = [s, f];
  return `${value / best[1]}${best[0]}`;
}
