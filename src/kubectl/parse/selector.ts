import type { Labels } from '../../cluster/api/types';

/**
 * Label queries as `-l` takes them, parsed as the apiserver parses them
 * (k8s.io/apimachinery/pkg/labels/selector.go: its lexer, parser and error
 * texts): `app=web`, `app==web`, `tier!=db`, `env in (a,b)`,
 * `env notin (a)`, `key` (exists), `!key` (does not exist), `n>1`, `n<5`,
 * comma-separated and ANDed. Keys and values are validated as label keys
 * and values.
 */
export type Requirement =
  | { key: string; op: '=' | '!='; value: string }
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | '!' }
  | { key: string; op: 'gt' | 'lt'; value: number };

/** `detail` is the whole message the apiserver gives (after kubectl's "Unable to find ...: "). */
export type SelectorResult = { ok: true; requirements: Requirement[] } | { ok: false; detail: string };

type Token = 'error' | 'eos' | ')' | ',' | '!' | '==' | '=' | '>' | 'id' | 'in' | '<' | '!=' | 'notin' | '(';
interface Item {
  tok: Token;
  lit: string;
}

const LITERALS: Record<string, Token> = { ')': ')', ',': ',', '!': '!', '==': '==', '=': '=', '>': '>', in: 'in', '<': '<', '!=': '!=', notin: 'notin', '(': '(' };
const isWhitespace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isSpecial = (c: string) => '=!(),><'.includes(c) && c !== '';

/** Lexer.Lex, over the whole text. */
function scan(s: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  for (;;) {
    while (pos < s.length && isWhitespace(s[pos]!)) pos++;
    if (pos >= s.length) {
      items.push({ tok: 'eos', lit: '' });
      return items;
    }
    if (isSpecial(s[pos]!)) {
      // scanSpecialSymbol: the longest run of symbols that is still a token.
      let buffer = '';
      let last: Item | undefined;
      while (pos < s.length && isSpecial(s[pos]!)) {
        buffer += s[pos++];
        const tok = LITERALS[buffer];
        if (tok) last = { tok, lit: buffer };
        else if (last) {
          pos--;
          break;
        }
      }
      items.push(last ?? { tok: 'error', lit: `error expected: keyword found '${buffer}'` });
      continue;
    }
    let word = '';
    while (pos < s.length && !isSpecial(s[pos]!) && !isWhitespace(s[pos]!)) word += s[pos++];
    items.push({ tok: word === 'in' || word === 'notin' ? (word as Token) : 'id', lit: word });
  }
}

class SelectorError extends Error {}

// ------------------------------------------------------------- validation

function regexError(msg: string, fmt: string, ...examples: string[]): string {
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`;
}
const QNAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const QNAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const SUBDOMAIN_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*';
const SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const VALUE_FMT = `(${QNAME_FMT})?`;
const VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** validation.IsQualifiedName. */
function qualifiedNameErrors(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  if (parts.length > 2) {
    return [`a qualified name ${regexError(QNAME_MSG, QNAME_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  const name = parts.at(-1)!;
  if (parts.length === 2) {
    const prefix = parts[0]!;
    if (prefix === '') errs.push('prefix part must be non-empty');
    else {
      if (prefix.length > 253) errs.push('prefix part must be no more than 253 characters');
      if (!new RegExp(`^${SUBDOMAIN_FMT}$`).test(prefix)) errs.push(`prefix part ${regexError(SUBDOMAIN_MSG, SUBDOMAIN_FMT, 'example.com')}`);
    }
  }
  if (name === '') errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push('name part must be no more than 63 characters');
  if (!new RegExp(`^${QNAME_FMT}$`).test(name)) errs.push(`name part ${regexError(QNAME_MSG, QNAME_FMT, 'MyName', 'my.name', '123-abc')}`);
  return errs;
}

/** validation.IsValidLabelValue. */
function labelValueErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push('must be no more than 63 characters');
  if (!new RegExp(`^${VALUE_FMT}$`).test(value)) errs.push(regexError(VALUE_MSG, VALUE_FMT, 'MyValue', 'my_value', '12345'));
  return errs;
}

/** field.Invalid(...).Error() for a string value. */
const invalid = (path: string, value: string, detail: string) => `${path}: Invalid value: ${JSON.stringify(value)}: ${detail}`;

// ----------------------------------------------------------------- parser

class Parser {
  private position = 0;
  constructor(private readonly items: Item[]) {}

  /** lookahead/consume in the Values context: `in` and `notin` read as identifiers. */
  private peek(values = true): Item {
    const it = this.items[Math.min(this.position, this.items.length - 1)]!;
    return values && (it.tok === 'in' || it.tok === 'notin') ? { tok: 'id', lit: it.lit } : it;
  }
  private next(values = true): Item {
    const it = this.peek(values);
    this.position = Math.min(this.position + 1, this.items.length - 1);
    return it;
  }

  parse(): Requirement[] {
    const requirements: Requirement[] = [];
    for (;;) {
      const { tok, lit } = this.peek();
      if (tok === 'eos') return requirements;
      if (tok !== 'id' && tok !== '!') throw new SelectorError(`found '${lit}', expected: !, identifier, or 'end of string'`);
      try {
        requirements.push(this.requirement());
      } catch (e) {
        if (e instanceof SelectorError) throw new SelectorError(`unable to parse requirement: ${e.message}`);
        throw e;
      }
      const after = this.next();
      if (after.tok === 'eos') return requirements;
      if (after.tok !== ',') throw new SelectorError(`found '${after.lit}', expected: ',' or 'end of string'`);
      const following = this.peek();
      if (following.tok !== 'id' && following.tok !== '!') throw new SelectorError(`found '${following.lit}', expected: identifier after ','`);
    }
  }

  private requirement(): Requirement {
    let { tok, lit } = this.next();
    let absent = false;
    if (tok === '!') {
      absent = true;
      ({ tok, lit } = this.next());
    }
    if (tok !== 'id') throw new SelectorError(`found '${lit}', expected: identifier`);
    const key = lit;
    const keyErrors = qualifiedNameErrors(key);
    if (keyErrors.length > 0) throw new SelectorError(invalid('key', key, keyErrors.join('; ')));
    const ahead = this.peek().tok;
    if (absent || ahead === 'eos' || ahead === ',') {
      // `!key` followed by an operator still parses as does-not-exist, as in Go.
      return absent ? { key, op: '!' } : { key, op: 'exists' };
    }
    const op = this.next(false);
    let values: string[];
    let kind: Requirement['op'];
    switch (op.tok) {
      case 'in':
      case 'notin':
        kind = op.tok;
        values = this.setValues();
        break;
      case '=':
      case '==':
      case '!=':
      case '>':
      case '<':
        kind = op.tok === '!=' ? '!=' : op.tok === '>' ? 'gt' : op.tok === '<' ? 'lt' : '=';
        values = [this.exactValue()];
        break;
      default:
        throw new SelectorError(`found '${op.lit}', expected: in, notin, =, ==, !=, gt, lt`);
    }
    const errs: string[] = [];
    if (kind === 'gt' || kind === 'lt') {
      values.forEach((v, i) => {
        if (!/^[+-]?\d+$/.test(v)) errs.push(invalid(`values[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer"));
      });
    }
    values.forEach((v, i) => {
      const problems = labelValueErrors(v);
      if (problems.length > 0) errs.push(invalid(`values[${i}][${key}]`, v, problems.join('; ')));
    });
    // ToAggregate: one error as itself, several in brackets.
    if (errs.length > 0) throw new SelectorError(errs.length === 1 ? errs[0]! : `[${errs.join(', ')}]`);
    if (kind === 'in' || kind === 'notin') return { key, op: kind, values };
    if (kind === 'gt' || kind === 'lt') return { key, op: kind, value: Number(values[0]) };
    return { key, op: kind, value: values[0]! };
  }

  /** parseValues: `(a,b)`, sorted and unique as a sets.String; `()` is the empty value. */
  private setValues(): string[] {
    const open = this.next();
    if (open.tok !== '(') throw new SelectorError(`found '${open.lit}' expected: '('`);
    const first = this.peek();
    if (first.tok === ')') {
      this.next();
      return [''];
    }
    if (first.tok !== 'id' && first.tok !== ',') throw new SelectorError(`found '${first.lit}', expected: ',', ')' or identifier`);
    const set = new Set<string>();
    for (;;) {
      const it = this.next();
      if (it.tok === 'id') {
        set.add(it.lit);
        const after = this.peek();
        if (after.tok === ',') continue;
        if (after.tok === ')') break;
        throw new SelectorError(`found '${after.lit}', expected: ',' or ')'`);
      } else if (it.tok === ',') {
        if (set.size === 0) set.add('');
        const after = this.peek();
        if (after.tok === ')') {
          set.add('');
          break;
        }
        if (after.tok === ',') {
          this.next();
          set.add('');
        }
      } else throw new SelectorError(`found '${it.lit}', expected: ',', or identifier`);
    }
    const close = this.next();
    if (close.tok !== ')') throw new SelectorError(`found '${first.lit}', expected: ')'`);
    return [...set].sort();
  }

  /** parseExactValue: one identifier, or the empty value before `,` or the end. */
  private exactValue(): string {
    const ahead = this.peek();
    if (ahead.tok === 'eos' || ahead.tok === ',') return '';
    const it = this.next();
    if (it.tok === 'id') return it.lit;
    throw new SelectorError(`found '${it.lit}', expected: identifier`);
  }
}

export function parseLabelQuery(text: string): SelectorResult {
  try {
    return { ok: true, requirements: new Parser(scan(text)).parse() };
  } catch (e) {
    if (e instanceof SelectorError) return { ok: false, detail: e.message };
    throw e;
  }
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
      case 'gt':
      case 'lt': {
        // Requirement.Matches: a label that is not an integer does not match.
        if (!has || !/^[+-]?\d+$/.test(l[r.key]!)) return false;
        const n = Number(l[r.key]);
        return r.op === 'gt' ? n > r.value : n < r.value;
      }
    }
  });
}
