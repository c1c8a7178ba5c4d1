import { goValue } from '../jsonpath/index';

/**
 * A small part of Go's text/template, as `kubectl get -o go-template=…`
 * runs it over the object's JSON: text, `{{.a.b}}` field chains (`{{.}}`
 * for dot), string literals (`{{"\n"}}`), `{{range …}}…{{else}}…{{end}}`,
 * `{{if …}}…{{else}}…{{end}}`, `{{-`/`-}}` trimming. Functions, variables
 * and pipelines are refused by name rather than guessed at. Parsed into a
 * tree and walked; never evaluated as code.
 */

type Json = unknown;
type Node =
  | { type: 'text'; text: string }
  | { type: 'field'; path: string[] }
  | { type: 'string'; value: string }
  | { type: 'range' | 'if'; path: string[]; body: Node[]; elseBody: Node[] };

export type GoTemplateResult = { ok: true; text: string } | { ok: false; unsupported: string } | { ok: false; parseError: string };

class Unsupported extends Error {}
class ParseError extends Error {}

interface Token {
  kind: 'text' | 'action';
  text: string;
}

function tokenize(template: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < template.length) {
    const open = template.indexOf('{{', at);
    if (open === -1) {
      tokens.push({ kind: 'text', text: template.slice(at) });
      break;
    }
    let text = template.slice(at, open);
    const close = template.indexOf('}}', open + 2);
    if (close === -1) throw new ParseError('unclosed action');
    let inner = template.slice(open + 2, close);
    if (inner.startsWith('- ')) {
      text = text.replace(/\s+$/, '');
      inner = inner.slice(2);
    }
    let trimAfter = false;
    if (inner.endsWith(' -')) {
      trimAfter = true;
      inner = inner.slice(0, -2);
    }
    if (text) tokens.push({ kind: 'text', text });
    tokens.push({ kind: 'action', text: inner.trim() });
    at = close + 2;
    if (trimAfter) while (at < template.length && /\s/.test(template[at]!)) at++;
  }
  return tokens;
}

/** A Go interpreted string literal's escapes. */
function unquote(literal: string): string {
  return literal.slice(1, -1).replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' })[c] ?? `\\${c}`);
}

function fieldPath(text: string): string[] {
  if (text === '.') return [];
  if (!/^(\.[A-Za-z_][A-Za-z0-9_]*)+$/.test(text)) throw new Unsupported(text);
  return text.slice(1).split('.');
}

function parse(tokens: Token[]): Node[] {
  let i = 0;
  const block = (ends: string[]): { nodes: Node[]; end: string } => {
    const nodes: Node[] = [];
    while (i < tokens.length) {
      const t = tokens[i++]!;
      if (t.kind === 'text') {
        nodes.push({ type: 'text', text: t.text });
        continue;
      }
      const action = t.text;
      if (ends.includes(action)) return { nodes, end: action };
      if (action.startsWith('/*')) continue;
      if (/^"(?:[^"\\]|\\.)*"$/.test(action)) {
        nodes.push({ type: 'string', value: unquote(action) });
        continue;
      }
      const control = /^(range|if)\s+(.+)$/.exec(action);
      if (control) {
        const body = block(['end', 'else']);
        const elseBody = body.end === 'else' ? block(['end']).nodes : [];
        if (body.end === '') throw new ParseError(`unexpected EOF`);
        nodes.push({ type: control[1] as 'range' | 'if', path: fieldPath(control[2]!.trim()), body: body.nodes, elseBody });
        continue;
      }
      if (action === 'end' || action === 'else') throw new ParseError(`unexpected {{${action}}}`);
      nodes.push({ type: 'field', path: fieldPath(action) });
    }
    if (ends.length > 0) throw new ParseError('unexpected EOF');
    return { nodes, end: '' };
  };
  return block([]).nodes;
}

const NO_VALUE = Symbol('no value');

function lookup(dot: Json, path: string[]): Json | typeof NO_VALUE {
  let v: Json | typeof NO_VALUE = dot;
  for (const key of path) {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return NO_VALUE;
    const map = v as Record<string, Json>;
    v = Object.hasOwn(map, key) ? map[key] : NO_VALUE;
  }
  return v;
}

/** text/template's truth: false, 0, nil, empty strings, lists and maps are false. */
function truthy(v: Json | typeof NO_VALUE): boolean {
  if (v === NO_VALUE || v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

function run(nodes: Node[], dot: Json): string {
  let text = '';
  for (const node of nodes) {
    if (node.type === 'text') text += node.text;
    else if (node.type === 'string') text += node.value;
    else if (node.type === 'field') {
      const v = lookup(dot, node.path);
      text += v === NO_VALUE || v === null ? '<no value>' : goValue(v as never);
    } else if (node.type === 'if') {
      text += run(truthy(lookup(dot, node.path)) ? node.body : node.elseBody, dot);
    } else {
      const v = lookup(dot, node.path);
      // A map ranges over its values in key order.
      const items = Array.isArray(v) ? v : v !== null && typeof v === 'object' ? Object.keys(v).sort().map((k) => (v as Record<string, Json>)[k]) : [];
      text += items.length === 0 ? run(node.elseBody, dot) : items.map((item) => run(node.body, item)).join('');
    }
  }
  return text;
}

export function runGoTemplate(template: string, data: Json): GoTemplateResult {
  try {
    return { ok: true, text: run(parse(tokenize(template)), data) };
  } catch (e) {
    if (e instanceof Unsupported) return { ok: false, unsupported: e.message };
    if (e instanceof ParseError) return { ok: false, parseError: e.message };
    throw e;
  }
}
