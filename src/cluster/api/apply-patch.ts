import { mergeKeyFor } from './apply-merge';

/**
 * The strategic merge patch `kubectl apply` sends for an object that
 * exists (two-way, from the last applied manifest to the new one, as
 * CreateThreeWayMergePatch's additions and deletions), and Go's `%+v` of
 * it, which is how the apiserver quotes the patch in a refusal
 * (k8s.io/apiserver/pkg/endpoints/handlers/patch.go: field.Invalid on
 * `patch` with fmt.Sprintf("%+v", patchMap)).
 */

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What changes `original` into `modified`: changed and new fields, `null` for removed ones; merge-keyed lists item by item with their order. */
export function applyPatch(original: Json, modified: Json): Json {
  const patch: Json = {};
  for (const key of Object.keys(original)) if (!(key in modified)) patch[key] = null;
  for (const [key, value] of Object.entries(modified)) {
    const before = original[key];
    if (same(before, value)) continue;
    if (isObject(value) && isObject(before)) {
      patch[key] = applyPatch(before, value);
    } else if (Array.isArray(value) && Array.isArray(before) && mergeKeyFor(key, [...value, ...before])) {
      const mk = mergeKeyFor(key, [...value, ...before])!;
      const byKey = new Map(before.filter(isObject).map((item) => [String(item[mk]), item]));
      patch[`$setElementOrder/${key}`] = value.filter(isObject).map((item) => ({ [mk]: item[mk] }));
      const items: unknown[] = [];
      for (const item of value) {
        if (!isObject(item)) continue;
        const old = byKey.get(String(item[mk]));
        if (!old) items.push(item);
        else if (!same(old, item)) items.push({ ...applyPatch(old, item), [mk]: item[mk] });
      }
      for (const [id] of byKey) if (!value.some((item) => isObject(item) && String(item[mk]) === id)) items.push({ $patch: 'delete', [mk]: byKey.get(id)![mk] });
      if (items.length > 0) patch[key] = items;
    } else {
      patch[key] = value;
    }
  }
  return patch;
}

/** Go's %v of a float64 (what JSON numbers decode to): the shortest digits, as %e once the exponent is below -4 or 6 and over (`1e+06`). */
function goFloat(n: number): string {
  if (n === 0) return '0';
  const [mantissa, expText] = n.toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(n);
}

/** Go's `%+v` of a decoded JSON value: `map[k:v ...]` with keys sorted, `[a b]`, strings bare, `<nil>` for null. */
export function goPrint(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return goFloat(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(goPrint).join(' ')}]`;
  const keys = Object.keys(value as Json).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `map[${keys.map((k) => `${k}:${goPrint((value as Json)[k])}`).join(' ')}]`;
}
