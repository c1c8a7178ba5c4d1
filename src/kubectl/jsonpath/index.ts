import { executeJsonPath, goTypeName, JsonPathRuntimeError } from './evaluate';
import { JsonPathSyntaxError, parseJsonPath, type ListNode } from './parser';

export { findJsonPathResults, goValue } from './evaluate';
export type { ListNode } from './parser';

export type ParsedTemplate = { ok: true; root: ListNode } | { ok: false; detail: string };

/** A template parsed, or client-go's parse error text. */
export function parseTemplate(template: string): ParsedTemplate {
  try {
    return { ok: true, root: parseJsonPath(template) };
  } catch (e) {
    if (e instanceof JsonPathSyntaxError) return { ok: false, detail: e.message };
    throw e;
  }
}

export type Executed = { ok: true; text: string } | { ok: false; detail: string };

/** Runs a parsed template over one JSON value; an evaluation error comes back as its text. */
export function runTemplate(root: ListNode, data: unknown): Executed {
  try {
    return { ok: true, text: executeJsonPath(root, data) };
  } catch (e) {
    if (e instanceof JsonPathRuntimeError) return { ok: false, detail: e.message };
    throw e;
  }
}

/**
 * Go's `%#v` of the decoded object, as kubectl's JSONPath printer puts it in
 * its error: `map[string]interface {}{"kind":"List", ...}`.
 */
export function goSyntax(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSyntax).join(', ')}}`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `map[string]interface {}{${keys.map((k) => `${JSON.stringify(k)}:${goSyntax(o[k])}`).join(', ')}}`;
  }
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
  return String(v);
}

export { goTypeName };

const JSON_PATH_FIELD = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** RelaxedJSONPathExpression: `.a.b`, `a.b`, `{a.b}` and `{.a.b}` all mean `{.a.b}`. */
export function relaxedJsonPath(path: string): string | undefined {
  if (path === '') return path;
  const m = JSON_PATH_FIELD.exec(path);
  if (!m) return undefined;
  return `{.${m[1] || m[2]}}`;
}
