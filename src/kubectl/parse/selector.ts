import type { Labels } from '../../cluster/api/types';

/**
 * Label queries as `-l` takes them (k8s.io/apimachinery/pkg/labels):
 * `app=web`, `app==web`, `tier!=db`, `env in (a,b)`, `env notin (a)`,
 * `key` (exists), `!key` (does not exist), comma-separated and ANDed.
 */
export type Requirement =
  | { key: string; op: '=' | '!='; value: string }
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | '!' };

export type SelectorResult = { ok: true; requirements: Requirement[] } | { ok: false; detail: string };

const KEY = String.raw`[A-Za-z0-9][-A-Za-z0-9_./]*`;
const VALUE = String.raw`[-A-Za-z0-9_.]*`;

export function parseLabelQuery(text: string): SelectorResult {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  if (current.trim() !== '' || parts.length > 0) parts.push(current);
  const requirements: Requirement[] = [];
  for (const raw of parts) {
    const p = raw.trim();
    let m: RegExpExecArray | null;
    if ((m = new RegExp(`^(${KEY})\\s*(==|=|!=)\\s*(${VALUE})$`).exec(p))) {
      requirements.push({ key: m[1]!, op: m[2] === '!=' ? '!=' : '=', value: m[3]! });
    } else if ((m = new RegExp(`^(${KEY})\\s+(in|notin)\\s+\\(([^)]*)\\)$`).exec(p))) {
      requirements.push({ key: m[1]!, op: m[2] as 'in' | 'notin', values: m[3]!.split(',').map((v) => v.trim()) });
    } else if ((m = new RegExp(`^!\\s*(${KEY})$`).exec(p))) {
      requirements.push({ key: m[1]!, op: '!' });
    } else if ((m = new RegExp(`^(${KEY})$`).exec(p))) {
      requirements.push({ key: m[1]!, op: 'exists' });
    } else {
      return { ok: false, detail: `found '${p}', expected: identifier` };
    }
  }
  return { ok: true, requirements };
}

export function matchesLabelQuery(requirements: readonly Requirement[], labels: Labels | undefined): boolean {
  const l = labels ?? {};
  return requirements.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    switch (r.op) {
      case '=':
        return has && l[r.key] === r.value;
      case '!=':
        return !has || l[r.key] !== r.value;
      case 'in':
        return has && r.values.includes(l[r.key]!);
      case 'notin':
        return !has || !r.values.includes(l[r.key]!);
      case 'exists':
        return has;
      case '!':
        return !has;
    }
  });
}
