import type { KubeObject } from '../../cluster/api/types';
import { findJsonPathResults, parseTemplate, relaxedJsonPath } from '../jsonpath/index';
import { message, type Message } from '../messages';

const QUANTITY = /^[+-]?(\d+\.?\d*|\.\d+)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei|[eE][+-]?\d+)?$/;
const SUFFIX: Record<string, number> = { m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };

function quantityValue(s: string): number | undefined {
  const m = QUANTITY.exec(s);
  if (!m) return undefined;
  const suffix = m[2] ?? '';
  if (/^[eE]/.test(suffix)) return Number(`${m[1]}${suffix}`);
  return Number(m[1]) * (SUFFIX[suffix] ?? 1);
}

/** isLess: numbers by value, strings as quantities when both are, else byte order. */
function isLess(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined) return b !== null && b !== undefined;
  if (b === null || b === undefined) return false;
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'string' && typeof b === 'string') {
    const qa = quantityValue(a);
    const qb = quantityValue(b);
    return qa !== undefined && qb !== undefined ? qa < qb : a < b;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      if (isLess(a[i], b[i])) return true;
      if (isLess(b[i], a[i])) return false;
    }
    return a.length < b.length;
  }
  return false;
}

export type Sorted = { ok: true; objects: KubeObject[] } | { ok: false; error: Message };

/**
 * --sort-by, as kubectl sorts the rows of one table (TableSorter) or the
 * items of a list for -o yaml/json/name/jsonpath/custom-columns
 * (SortObjects): by the first value the path finds; objects without it
 * first. Go's sort is not stable; this one is (uncertain only for ties).
 */
export function sortObjects(objects: readonly KubeObject[], sortBy: string, mode: 'table' | 'list'): Sorted {
  if (objects.length === 0) return { ok: true, objects: [] };
  const relaxed = relaxedJsonPath(sortBy);
  if (relaxed === undefined && mode === 'list') return { ok: false, error: message('relaxedJsonPath') };
  const field = relaxed ?? sortBy;
  const parsed = parseTemplate(field);
  if (!parsed.ok) return { ok: false, error: mode === 'table' ? message('sortParse', parsed.detail) : message('plainError', parsed.detail) };
  const keyed = objects.map((obj) => {
    const data = JSON.parse(JSON.stringify(obj)) as unknown;
    let values: unknown[][];
    try {
      values = findJsonPathResults(parsed.root, data);
    } catch {
      values = [];
    }
    const found = values.length > 0 && values[0]!.length > 0;
    return { obj, found, key: found ? values[0]![0] : undefined };
  });
  if (!keyed.some((k) => k.found)) return { ok: false, error: message('sortFieldMissing', field) };
  const sorted = [...keyed].sort((a, b) => {
    if (!a.found) return b.found ? -1 : 0;
    if (!b.found) return 1;
    return isLess(a.key, b.key) ? -1 : isLess(b.key, a.key) ? 1 : 0;
  });
  return { ok: true, objects: sorted.map((k) => k.obj) };
}
