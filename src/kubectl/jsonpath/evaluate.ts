import type { JsonPathNode, ListNode } from './parser';

/**
 * client-go's JSONPath evaluation (jsonpath.go FindResults / PrintResults)
 * over plain JSON values, with kubectl's AllowMissingKeys(true): a missing
 * field yields nothing rather than an error.
 */
export class JsonPathRuntimeError extends Error {}

type Json = unknown;
const isMap = (v: Json): v is Record<string, Json> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The Go type of a decoded JSON value, as jsonpath errors name it. */
export function goTypeName(v: Json): string {
  if (Array.isArray(v)) return '[]interface {}';
  if (isMap(v)) return 'map[string]interface {}';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  return 'interface {}';
}

function mapValues(v: Record<string, Json>): Json[] {
  // Go ranges over map keys in no fixed order; sorted keeps the simulation deterministic.
  return Object.keys(v)
    .sort()
    .filter((k) => v[k] !== undefined)
    .map((k) => v[k]);
}

function children(v: Json): Json[] {
  if (Array.isArray(v)) return v;
  if (isMap(v)) return mapValues(v);
  // Go indexes a string by byte: its "children" are uint8 numbers.
  if (typeof v === 'string') return utf8Bytes(v);
  return [];
}

function utf8Bytes(s: string): number[] {
  const bytes: number[] = [];
  let encoded: string;
  try {
    encoded = encodeURIComponent(s);
  } catch {
    // A lone surrogate: Go would see invalid UTF-8; code units are close enough.
    return [...s].map((c) => c.charCodeAt(0));
  }
  for (const part of encoded.match(/%[0-9A-F]{2}|[^%]/g) ?? []) bytes.push(part.startsWith('%') ? parseInt(part.slice(1), 16) : part.charCodeAt(0));
  return bytes;
}

function compare(op: string, left: Json, right: Json): boolean {
  const bothNumbers = typeof left === 'number' && typeof right === 'number';
  const bothStrings = typeof left === 'string' && typeof right === 'string';
  if (op === '==' || op === '!=') {
    if (!bothNumbers && !bothStrings && !(typeof left === 'boolean' && typeof right === 'boolean')) {
      throw new JsonPathRuntimeError('incompatible types for comparison');
    }
    return op === '==' ? left === right : left !== right;
  }
  if (!bothNumbers && !bothStrings) throw new JsonPathRuntimeError(typeof left === 'boolean' ? 'invalid type for comparison' : 'incompatible types for comparison');
  const l = left as number | string;
  const r = right as number | string;
  switch (op) {
    case '<':
      return l < r;
    case '>':
      return l > r;
    case '<=':
      return l <= r;
    case '>=':
      return l >= r;
    default:
      throw new JsonPathRuntimeError(`unrecognized filter operator ${op}`);
  }
}

class Evaluator {
  private beginRange = 0;

  walk(values: Json[], node: JsonPathNode): Json[] {
    switch (node.type) {
      case 'list': {
        let cur = values;
        for (const n of node.nodes) cur = this.walk(cur, n);
        return cur;
      }
      case 'text':
        return [node.text];
      case 'int':
      case 'float':
      case 'bool':
        return values.map(() => node.value);
      case 'field': {
        const out: Json[] = [];
        for (const v of values) if (isMap(v) && v[node.name] !== undefined) out.push(v[node.name]);
        return out;
      }
      case 'wildcard':
        return values.flatMap(children);
      case 'recursive': {
        const out: Json[] = [];
        const visit = (v: Json) => {
          const kids = children(v);
          if (kids.length === 0) return;
          out.push(v);
          kids.forEach(visit);
        };
        values.forEach(visit);
        return out;
      }
      case 'array':
        return this.array(values, node);
      case 'union':
        return node.nodes.flatMap((n) => this.walk(values, n));
      case 'filter':
        return this.filter(values, node);
      case 'identifier':
        if (node.name === 'range') {
          this.beginRange++;
          return values;
        }
        if (node.name === 'end') throw new JsonPathRuntimeError('not in range, nothing to end');
        throw new JsonPathRuntimeError(`unrecognized identifier ${node.name}`);
    }
  }

  private array(values: Json[], node: Extract<JsonPathNode, { type: 'array' }>): Json[] {
    const out: Json[] = [];
    for (const v of values) {
      if (v === null || v === undefined) continue;
      if (!Array.isArray(v)) throw new JsonPathRuntimeError(`${goTypeName(v)} is not array or slice`);
      const [p0, p1, p2] = node.params;
      const len = v.length;
      let start = p0.known ? p0.value : 0;
      if (start < 0) start += len;
      let end = p1.known ? p1.value : len;
      if (end < 0 || (end === 0 && p1.derived)) end += len;
      // Asking for zero elements is allowed anywhere.
      if (end === start) return out;
      if (start >= len || start < 0) throw new JsonPathRuntimeError(`array index out of bounds: index ${start}, length ${len}`);
      if (end > len || end < 0) throw new JsonPathRuntimeError(`array index out of bounds: index ${end - 1}, length ${len}`);
      if (start > end) throw new JsonPathRuntimeError(`starting index ${start} is greater than ending index ${end}`);
      let step = 1;
      if (p2.known) {
        if (p2.value <= 0) throw new JsonPathRuntimeError('step must be > 0');
        step = p2.value;
      }
      for (let i = start; i < end; i += step) out.push(v[i]);
    }
    return out;
  }

  private filter(values: Json[], node: Extract<JsonPathNode, { type: 'filter' }>): Json[] {
    const out: Json[] = [];
    for (const v of values) {
      if (!Array.isArray(v)) throw new JsonPathRuntimeError(`${goValue(v)} is not array or slice and cannot be filtered`);
      for (const item of v) {
        const lefts = this.walk([item], node.left);
        if (node.operator === 'exists') {
          if (lefts.length > 0) out.push(item);
          continue;
        }
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new JsonPathRuntimeError('can only compare one element at a time');
        const rights = this.walk([item], node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new JsonPathRuntimeError('can only compare one element at a time');
        if (compare(node.operator, lefts[0], rights[0])) out.push(item);
      }
    }
    return out;
  }

  /**
   * FindResults: one group of results per top-level node; `{range X}`
   * repeats the nodes up to its `{end}` for each result of X.
   */
  findResults(data: Json, nodes: readonly JsonPathNode[]): Json[][] {
    const groups: Json[][] = [];
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      if (isEnd(node)) throw new JsonPathRuntimeError('not in range, nothing to end');
      const results = this.walk([data], node);
      if (this.beginRange > 0) {
        this.beginRange--;
        const close = matchingEnd(nodes, i);
        const body = nodes.slice(i + 1, close);
        for (const value of results) groups.push(...this.findResults(value, body));
        i = close;
        continue;
      }
      groups.push(results);
    }
    return groups;
  }
}

const isEnd = (n: JsonPathNode) => n.type === 'list' && n.nodes.length === 1 && n.nodes[0]!.type === 'identifier' && n.nodes[0]!.name === 'end';
const isRange = (n: JsonPathNode) => n.type === 'list' && n.nodes.some((x) => x.type === 'identifier' && x.name === 'range');

/** The index of the `{end}` closing the range at `open` (nested ranges counted), or the end of the template. */
function matchingEnd(nodes: readonly JsonPathNode[], open: number): number {
  let depth = 0;
  for (let k = open + 1; k < nodes.length; k++) {
    if (isRange(nodes[k]!)) depth++;
    else if (isEnd(nodes[k]!)) {
      if (depth === 0) return k;
      depth--;
    }
  }
  return nodes.length;
}

/** Go's json.Marshal: compact, map keys sorted, `<`, `>`, `&` escaped. */
export function goJson(v: Json): string {
  const sortKeys = (x: Json): Json => (Array.isArray(x) ? x.map(sortKeys) : isMap(x) ? Object.fromEntries(Object.keys(x).sort().filter((k) => x[k] !== undefined).map((k) => [k, sortKeys(x[k])])) : x);
  return (JSON.stringify(sortKeys(v)) ?? 'null').replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** fmt.Sprint of a decoded JSON value: `map[a:b]`, `[x y]`, `<nil>`. */
export function goValue(v: Json): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`;
  if (isMap(v)) return `map[${Object.keys(v).sort().filter((k) => v[k] !== undefined).map((k) => `${k}:${goValue(v[k])}`).join(' ')}]`;
  return String(v);
}

/** PrintResults: maps and lists as JSON, scalars as text, a space between the results of one group. */
function printGroup(results: Json[]): string {
  return results
    .map((r) => (Array.isArray(r) || isMap(r) ? goJson(r) : r === null || r === undefined ? 'null' : String(r)))
    .join(' ');
}

export function findJsonPathResults(root: ListNode, data: Json): Json[][] {
  return new Evaluator().findResults(data, root.nodes);
}

/** Execute: the template's text for one object (or List). */
export function executeJsonPath(root: ListNode, data: Json): string {
  return findJsonPathResults(root, data).map(printGroup).join('');
}
