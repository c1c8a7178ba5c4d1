import type { Container, LabelSelector, Labels } from '../../cluster/api/types';

/** labels.FormatLabels: `app=web,tier=front`, keys sorted; `<none>` when empty. */
export function labelsText(labels: Labels | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${labels![k]}`).join(',');
}

/**
 * labels.Selector's String() for a metav1.LabelSelector: every requirement
 * (matchLabels as `k=v`, expressions as `k in (a,b)`, `k notin (a)`, `k`,
 * `!k`) sorted by key, values sorted; '' for an empty selector.
 */
export function selectorText(selector: LabelSelector | undefined): string {
  const reqs: { key: string; text: string }[] = [];
  for (const [k, v] of Object.entries(selector?.matchLabels ?? {})) reqs.push({ key: k, text: `${k}=${v}` });
  for (const e of selector?.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',');
    const text =
      e.operator === 'In' ? `${e.key} in (${values})` : e.operator === 'NotIn' ? `${e.key} notin (${values})` : e.operator === 'Exists' ? e.key : `!${e.key}`;
    reqs.push({ key: e.key, text });
  }
  return reqs
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((r) => r.text)
    .join(',');
}

/** metav1.FormatLabelSelector: the selector's text, `<none>` when it selects by nothing. */
export function formatLabelSelector(selector: LabelSelector | undefined): string {
  return selectorText(selector) || '<none>';
}

/** layoutContainerCells: container names and images, each joined with ','. */
export function containerCells(containers: readonly Container[]): [string, string] {
  return [containers.map((c) => c.name).join(','), containers.map((c) => c.image ?? '').join(',')];
}

/** The ENDPOINTS/PORTS cells: the first three, then ` + N more...`. */
export function listWithMore(items: readonly string[], empty: string): string {
  if (items.length === 0) return empty;
  const shown = items.slice(0, 3).join(',');
  return items.length > 3 ? `${shown} + ${items.length - 3} more...` : shown;
}
