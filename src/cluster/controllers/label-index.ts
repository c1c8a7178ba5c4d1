import type { Labels } from '../api/types';

/**
 * Names by namespace and `key=value` pair, so "which pods carry app=web"
 * and "which Services select on app=web" are lookups, not scans.
 */
export class LabelIndex {
  private readonly byNs = new Map<string, Map<string, Set<string>>>();
  private changes = 0;

  /** Bumped by every add and remove: a selection made at the same version is still right. */
  get version(): number {
    return this.changes;
  }

  add(namespace: string, name: string, labels: Labels | undefined): void {
    this.changes++;
    let m = this.byNs.get(namespace);
    if (!m) this.byNs.set(namespace, (m = new Map()));
    for (const pair of pairsOf(labels)) {
      let set = m.get(pair);
      if (!set) m.set(pair, (set = new Set()));
      set.add(name);
    }
  }

  remove(namespace: string, name: string, labels: Labels | undefined): void {
    this.changes++;
    const m = this.byNs.get(namespace);
    if (!m) return;
    for (const pair of pairsOf(labels)) m.get(pair)?.delete(name);
  }

  /** Names carrying every pair of `selector`; the smallest pair's set is scanned. */
  matching(namespace: string, selector: Labels): string[] {
    const m = this.byNs.get(namespace);
    const pairs = Object.entries(selector).map(([k, v]) => `${k}=${v}`);
    if (!m || pairs.length === 0) return [];
    const sets = pairs.map((p) => m.get(p) ?? new Set<string>()).sort((a, b) => a.size - b.size);
    return [...sets[0]!].filter((n) => sets.every((s) => s.has(n)));
  }

  /** Names carrying any of these labels' pairs. */
  touching(namespace: string, labels: Labels | undefined): Set<string> {
    const out = new Set<string>();
    const m = this.byNs.get(namespace);
    if (!m) return out;
    for (const pair of pairsOf(labels)) for (const n of m.get(pair) ?? []) out.add(n);
    return out;
  }

  clear(): void {
    this.changes++;
    this.byNs.clear();
  }
}

const pairLists = new WeakMap<Labels, string[]>();
const NO_PAIRS: string[] = [];

/**
 * A labels object's `key=value` pairs. Stored objects are never changed in
 * place and writes that leave the labels alone keep the same object, so
 * each pod's pairs are built once, not on every write that reaches an index.
 */
function pairsOf(labels: Labels | undefined): string[] {
  if (!labels) return NO_PAIRS;
  let pairs = pairLists.get(labels);
  if (!pairs) pairLists.set(labels, (pairs = Object.entries(labels).map(([k, v]) => `${k}=${v}`)));
  return pairs;
}
