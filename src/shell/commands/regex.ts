/**
 * POSIX regular expressions (grep's basic and extended syntax) run by a
 * Thompson NFA (a Pike VM): time grows with line length × pattern size,
 * never exponentially, so no pattern can hang a browser tab. Matches are
 * leftmost-longest, as POSIX wants. Errors carry GNU grep's wording.
 */
type Test = (ch: string) => boolean;
type AssertKind = 'bol' | 'eol' | 'wordBoundary' | 'notWordBoundary' | 'wordStart' | 'wordEnd' | 'notWordBefore' | 'notWordAfter';

type Node =
  | { t: 'char'; test: Test }
  | { t: 'assert'; kind: AssertKind }
  | { t: 'cat'; items: Node[] }
  | { t: 'alt'; options: Node[] }
  | { t: 'rep'; node: Node; min: number; max: number };

type Token = { t: 'atom'; node: Node } | { t: 'open' } | { t: 'close' } | { t: 'alt' } | { t: 'rep'; min: number; max: number };

export type RegexResult = { ok: true; regex: Regex } | { ok: false; message: string };

export interface RegexOptions {
  extended?: boolean;
  ignoreCase?: boolean;
  /** The pattern as plain text (grep -F). */
  fixed?: boolean;
  /** Whole words only (grep -w), whole lines only (grep -x). */
  word?: boolean;
  line?: boolean;
}

/** Not GNU's limits: bounds that keep the compiled program small. */
const MAX_REPEAT = 255;
const MAX_PROGRAM = 20_000;

const isWord = (ch: string | undefined) => ch !== undefined && /[A-Za-z0-9_]/.test(ch);

const CLASSES: Record<string, Test> = {
  alpha: (c) => /[A-Za-z]/.test(c), digit: (c) => /[0-9]/.test(c), alnum: (c) => /[A-Za-z0-9]/.test(c), upper: (c) => /[A-Z]/.test(c),
  lower: (c) => /[a-z]/.test(c), space: (c) => /[ \t\n\r\f\v]/.test(c), blank: (c) => c === ' ' || c === '\t', punct: (c) => /[!-/:-@[-`{-~]/.test(c),
  xdigit: (c) => /[0-9A-Fa-f]/.test(c), cntrl: (c) => c < ' ' || c === '\x7f', print: (c) => c >= ' ' && c <= '~', graph: (c) => c > ' ' && c <= '~',
};

const literal = (ch: string): Node => ({ t: 'char', test: (c) => c === ch });

/** Compiles one or more patterns (grep -e … -e …) into a matcher. */
export function compileRegex(patterns: readonly string[], options: RegexOptions = {}): RegexResult {
  const nodes: Node[] = [];
  for (const pattern of patterns) {
    const parsed = options.fixed ? { ok: true as const, node: { t: 'cat' as const, items: [...pattern].map(literal) } } : parse(pattern, options.extended === true);
    if (!parsed.ok) return parsed;
    nodes.push(parsed.node);
  }
  let node: Node = nodes.length === 1 ? nodes[0]! : { t: 'alt', options: nodes };
  if (options.word) node = { t: 'cat', items: [{ t: 'assert', kind: 'notWordBefore' }, node, { t: 'assert', kind: 'notWordAfter' }] };
  if (options.line) node = { t: 'cat', items: [{ t: 'assert', kind: 'bol' }, node, { t: 'assert', kind: 'eol' }] };
  const program = compile(node, options.ignoreCase === true);
  if (!program) return { ok: false, message: 'regular expression too big' };
  return { ok: true, regex: new Regex(program) };
}

function parse(pattern: string, extended: boolean): { ok: true; node: Node } | { ok: false; message: string } {
  const tokens = tokenize(pattern, extended);
  if (!Array.isArray(tokens)) return tokens;
  let i = 0;
  const alternation = (): Node | string => {
    const options: Node[] = [];
    for (;;) {
      const items: Node[] = [];
      while (i < tokens.length && tokens[i]!.t !== 'alt' && tokens[i]!.t !== 'close') {
        const token = tokens[i++]!;
        let atom: Node;
        if (token.t === 'open') {
          const inner = alternation();
          if (typeof inner === 'string') return inner;
          if (tokens[i]?.t !== 'close') return 'Unmatched ( or \\(';
          i++;
          atom = inner;
        } else if (token.t === 'atom') {
          atom = token.node;
        } else if (token.t === 'rep') {
          // A repetition with nothing before it is literal in POSIX (`*a`); `+`/`?` the same in EREs.
          atom = literal(token.min === 0 && token.max === Infinity ? '*' : token.min === 1 ? '+' : '?');
        } else continue;
        while (tokens[i]?.t === 'rep') {
          const rep = tokens[i++] as Extract<Token, { t: 'rep' }>;
          atom = { t: 'rep', node: atom, min: rep.min, max: rep.max };
        }
        items.push(atom);
      }
      options.push(items.length === 1 ? items[0]! : { t: 'cat', items });
      if (tokens[i]?.t !== 'alt') break;
      i++;
    }
    return options.length === 1 ? options[0]! : { t: 'alt', options };
  };
  const node = alternation();
  if (typeof node === 'string') return { ok: false, message: node };
  if (i < tokens.length) return { ok: false, message: 'Unmatched ) or \\)' };
  return { ok: true, node };
}

function tokenize(pattern: string, extended: boolean): Token[] | { ok: false; message: string } {
  const tokens: Token[] = [];
  const fail = (message: string) => ({ ok: false as const, message });
  const atom = (node: Node) => tokens.push({ t: 'atom', node });
  const interval = (text: string): Token | undefined => {
    const m = /^(\d*)(,(\d*))?$/.exec(text);
    if (!m || (m[1] === '' && !m[2])) return undefined;
    const min = m[1] === '' ? 0 : Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    return { t: 'rep', min, max };
  };
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    const last = tokens.at(-1);
    const atStart = last === undefined || last.t === 'open' || last.t === 'alt' || (last.t === 'atom' && last.node.t === 'assert' && last.node.kind === 'bol');
    if (ch === '[') {
      const bracket = readBracket(pattern, i);
      if (!bracket) return fail('Unmatched [, [^, [:, [., or [=');
      atom({ t: 'char', test: bracket.test });
      i = bracket.end;
    } else if (ch === '\\') {
      const next = pattern[++i];
      if (next === undefined) return fail('Trailing backslash');
      if (/[1-9]/.test(next)) return fail('this simulated shell does not run backreferences');
      if (!extended && next === '(') tokens.push({ t: 'open' });
      else if (!extended && next === ')') tokens.push({ t: 'close' });
      else if (!extended && next === '|') tokens.push({ t: 'alt' });
      else if (!extended && next === '+') tokens.push({ t: 'rep', min: 1, max: Infinity });
      else if (!extended && next === '?') tokens.push({ t: 'rep', min: 0, max: 1 });
      else if (!extended && next === '{') {
        const end = pattern.indexOf('\\}', i);
        if (end === -1) return fail('Unmatched \\{');
        const rep = interval(pattern.slice(i + 1, end));
        if (!rep) return fail('Invalid content of \\{\\}');
        tokens.push(rep);
        i = end + 1;
      } else if (next === 'w') atom({ t: 'char', test: isWord });
      else if (next === 'W') atom({ t: 'char', test: (c) => !isWord(c) });
      else if (next === 's') atom({ t: 'char', test: CLASSES.space! });
      else if (next === 'S') atom({ t: 'char', test: (c) => !CLASSES.space!(c) });
      else if (next === 'b') atom({ t: 'assert', kind: 'wordBoundary' });
      else if (next === 'B') atom({ t: 'assert', kind: 'notWordBoundary' });
      else if (next === '<') atom({ t: 'assert', kind: 'wordStart' });
      else if (next === '>') atom({ t: 'assert', kind: 'wordEnd' });
      else atom(literal(next));
    } else if (ch === '.') {
      atom({ t: 'char', test: () => true });
    } else if (ch === '*') {
      if (atStart) atom(literal('*'));
      else tokens.push({ t: 'rep', min: 0, max: Infinity });
    } else if (ch === '^') {
      if (extended || atStart) atom({ t: 'assert', kind: 'bol' });
      else atom(literal('^'));
    } else if (ch === '$') {
      const atEnd = i === pattern.length - 1 || (extended ? /^[)|]/.test(pattern[i + 1]!) : pattern.startsWith('\\)', i + 1) || pattern.startsWith('\\|', i + 1));
      if (extended || atEnd) atom({ t: 'assert', kind: 'eol' });
      else atom(literal('$'));
    } else if (extended && (ch === '+' || ch === '?')) {
      if (atStart) atom(literal(ch));
      else tokens.push({ t: 'rep', min: ch === '+' ? 1 : 0, max: ch === '+' ? Infinity : 1 });
    } else if (extended && ch === '{') {
      const end = pattern.indexOf('}', i);
      const rep = end === -1 || atStart ? undefined : interval(pattern.slice(i + 1, end));
      if (rep) {
        tokens.push(rep);
        i = end;
      } else atom(literal('{'));
    } else if (extended && ch === '(') tokens.push({ t: 'open' });
    else if (extended && ch === ')') tokens.push({ t: 'close' });
    else if (extended && ch === '|') tokens.push({ t: 'alt' });
    else atom(literal(ch));
  }
  for (const t of tokens) if (t.t === 'rep' && (t.min > MAX_REPEAT || (t.max !== Infinity && t.max > MAX_REPEAT) || t.max < t.min)) return fail('Invalid content of \\{\\}');
  return tokens;
}

/** A bracket expression `[…]` from `start`: its test and the index of its `]`. */
function readBracket(pattern: string, start: number): { test: Test; end: number } | undefined {
  let i = start + 1;
  const negate = pattern[i] === '^';
  if (negate) i++;
  const tests: Test[] = [];
  let first = true;
  for (; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === ']' && !first) {
      const test: Test = (c) => tests.some((t) => t(c)) !== negate;
      return { test, end: i };
    }
    first = false;
    if (ch === '[' && pattern[i + 1] === ':') {
      const close = pattern.indexOf(':]', i + 2);
      const cls = close === -1 ? undefined : CLASSES[pattern.slice(i + 2, close)];
      if (!cls) return undefined;
      tests.push(cls);
      i = close + 1;
    } else if (pattern[i + 1] === '-' && pattern[i + 2] !== undefined && pattern[i + 2] !== ']') {
      const from = ch;
      const to = pattern[i + 2]!;
      tests.push((c) => c >= from && c <= to);
      i += 2;
    } else {
      tests.push((c) => c === ch);
    }
  }
  return undefined;
}

type Instruction =
  | { op: 'char'; test: Test }
  | { op: 'assert'; kind: AssertKind }
  | { op: 'split'; x: number; y: number }
  | { op: 'jmp'; x: number }
  | { op: 'match' };

function compile(node: Node, ignoreCase: boolean): Instruction[] | undefined {
  const program: Instruction[] = [];
  let tooBig = false;
  const emit = (ins: Instruction) => {
    if (program.length >= MAX_PROGRAM) tooBig = true;
    program.push(ins);
    return program.length - 1;
  };
  const gen = (n: Node): void => {
    if (tooBig) return;
    switch (n.t) {
      case 'char': {
        const test = ignoreCase ? (c: string) => n.test(c) || n.test(c.toLowerCase()) || n.test(c.toUpperCase()) : n.test;
        emit({ op: 'char', test });
        return;
      }
      case 'assert':
        emit({ op: 'assert', kind: n.kind });
        return;
      case 'cat':
        n.items.forEach(gen);
        return;
      case 'alt': {
        const jumps: number[] = [];
        n.options.forEach((option, k) => {
          if (k < n.options.length - 1) {
            const split = emit({ op: 'split', x: 0, y: 0 });
            (program[split] as { x: number }).x = program.length;
            gen(option);
            jumps.push(emit({ op: 'jmp', x: 0 }));
            (program[split] as { y: number }).y = program.length;
          } else gen(option);
        });
        for (const j of jumps) (program[j] as { x: number }).x = program.length;
        return;
      }
      case 'rep': {
        for (let k = 0; k < n.min; k++) gen(n.node);
        if (n.max === Infinity) {
          const split = emit({ op: 'split', x: 0, y: 0 });
          (program[split] as { x: number }).x = program.length;
          gen(n.node);
          emit({ op: 'jmp', x: split });
          (program[split] as { y: number }).y = program.length;
          return;
        }
        const splits: number[] = [];
        for (let k = n.min; k < n.max; k++) {
          const split = emit({ op: 'split', x: 0, y: 0 });
          (program[split] as { x: number }).x = program.length;
          splits.push(split);
          gen(n.node);
        }
        for (const s of splits) (program[s] as { y: number }).y = program.length;
        return;
      }
    }
  };
  gen(node);
  emit({ op: 'match' });
  return tooBig ? undefined : program;
}

function holds(kind: AssertKind, line: string, at: number): boolean {
  const before = isWord(line[at - 1]);
  const after = isWord(line[at]);
  switch (kind) {
    case 'bol':
      return at === 0;
    case 'eol':
      return at === line.length;
    case 'wordBoundary':
      return before !== after;
    case 'notWordBoundary':
      return before === after;
    case 'wordStart':
      return !before && after;
    case 'wordEnd':
      return before && !after;
    case 'notWordBefore':
      return !before;
    case 'notWordAfter':
      return !after;
  }
}

/** A compiled pattern: finds the leftmost-longest match in a line. */
export class Regex {
  constructor(private readonly program: Instruction[]) {}

  test(line: string): boolean {
    return this.search(line, 0) !== undefined;
  }

  /** The leftmost-longest match starting at or after `from`, as [start, end). */
  search(line: string, from: number): [number, number] | undefined {
    const program = this.program;
    let best: [number, number] | undefined;
    // Threads in order of their start, smallest first; one thread per instruction per position.
    let threads: { pc: number; start: number }[] = [];
    for (let at = from; at <= line.length; at++) {
      const next: { pc: number; start: number }[] = [];
      const seen = new Set<number>();
      const add = (pc: number, start: number) => {
        const stack = [pc];
        while (stack.length > 0) {
          const p = stack.pop()!;
          if (seen.has(p)) continue;
          seen.add(p);
          const ins = program[p]!;
          if (ins.op === 'jmp') stack.push(ins.x);
          else if (ins.op === 'split') stack.push(ins.y, ins.x);
          else if (ins.op === 'assert') {
            if (holds(ins.kind, line, at)) stack.push(p + 1);
          } else if (ins.op === 'match') {
            if (!best || start < best[0] || (start === best[0] && at > best[1])) best = [start, at];
          } else next.push({ pc: p, start });
        }
      };
      for (const t of threads) add(t.pc, t.start);
      if (!best) add(0, at);
      const ch = line[at];
      threads = [];
      if (ch === undefined) break;
      for (const t of next) {
        if (best && t.start > best[0]) continue;
        const ins = program[t.pc] as Extract<Instruction, { op: 'char' }>;
        if (ins.test(ch)) threads.push({ pc: t.pc + 1, start: t.start });
      }
      if (threads.length === 0 && best) break;
    }
    return best;
  }
}
