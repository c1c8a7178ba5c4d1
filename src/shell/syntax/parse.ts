import mvdanSh, { type GoNode, type GoParseError } from 'mvdan-sh';
import type { Command, Redirect, RedirectOp, Script, Stmt, Word, WordPart } from './ast';

/**
 * Shell grammar by mvdan/sh (the parser behind shfmt), in its JS build: a
 * complete bash grammar with here-documents, and a way to ask whether input
 * is unfinished. Its Go tree is turned into ast.ts here, and nowhere else.
 */
const { syntax } = mvdanSh;

export type ParseResult =
  | { ok: true; script: Script }
  /** `incomplete`: more lines could finish it (open quote, here-document, `for` without `done`). */
  | { ok: false; incomplete: boolean; message: string; offset: number };

export function parseScript(text: string): ParseResult {
  return plainCommand(text) ?? parseWithGrammar(text);
}

/** Letters, digits and the punctuation no shell treats specially: a line of only these is a list of literal words. */
const PLAIN = /^[A-Za-z0-9_.\/:=,@%+\- \t]+\n?$/;
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'for', 'in', 'do', 'done', 'while', 'until', 'case', 'esac', 'function', 'select', 'time', 'coproc']);

/**
 * Most lines a learner types are plain commands (`kubectl get pods -o wide`).
 * mvdan-sh parses each in about a millisecond, so such a line is split here;
 * anything with quotes, `$`, operators, redirections, globs, comments, a
 * reserved word first or an assignment goes to the grammar. A property test
 * checks both give the same tree.
 */
export function plainCommand(text: string): ParseResult | undefined {
  if (!PLAIN.test(text)) return undefined;
  const words = text.trim().split(/[ \t]+/).filter((w) => w !== '');
  if (words.length === 0 || words[0]!.includes('=') || RESERVED.has(words[0]!)) return undefined;
  const args: Word[] = words.map((value) => ({ parts: [{ type: 'lit', value }] }));
  return { ok: true, script: [{ command: { type: 'call', assigns: [], args }, redirects: [], negated: false, background: false }] };
}

export function parseWithGrammar(text: string): ParseResult {
  let file: GoNode;
  try {
    file = syntax.NewParser().Parse(text, '');
  } catch (e) {
    const error = e as GoParseError;
    const message = error.Text ?? (typeof error.Error === 'function' ? error.Error() : String(e));
    return { ok: false, incomplete: error.Incomplete === true, message, offset: error.Pos ? error.Pos.Offset() : 0 };
  }
  return { ok: true, script: stmts(file.Stmts) };
}

/** True when the text so far cannot end here: the terminal shows `> ` and reads another line. */
export function needsMoreInput(text: string): boolean {
  if (plainCommand(text)) return false;
  const parsed = parseScript(text.endsWith('\n') ? text : `${text}\n`);
  if (!parsed.ok) return parsed.incomplete;
  // A backslash ending the last line continues it (the parser accepts it at the end of input).
  return /(^|[^\\])(\\\\)*\\$/.test(text.replace(/\n$/, ''));
}

const list = (value: unknown): GoNode[] => (Array.isArray(value) ? (value as GoNode[]) : []);
const nodeType = (node: unknown): string => syntax.NodeType(node);

function stmts(value: unknown): Script {
  return list(value).map(stmt);
}

function stmt(node: GoNode): Stmt {
  return {
    command: command(node.Cmd as GoNode | null),
    redirects: list(node.Redirs).map(redirect),
    negated: node.Negated === true,
    background: node.Background === true,
  };
}

// syntax.BinCmdOperator and syntax.RedirOperator values of mvdan/sh v3.
const BINARY_OPS: Record<number, '&&' | '||' | '|'> = { 10: '&&', 11: '||', 12: '|' };
const REDIRECT_OPS: Record<number, RedirectOp> = {
  54: '>', 55: '>>', 56: '<', 57: '<>', 58: '<&', 59: '>&', 60: '>|', 61: '<<', 62: '<<-', 63: '<<<', 64: '&>', 65: '&>>',
};

function command(node: GoNode | null): Command {
  if (!node) return { type: 'call', assigns: [], args: [] };
  switch (nodeType(node)) {
    case 'CallExpr':
      return {
        type: 'call',
        assigns: list(node.Assigns).map((a) => {
          const value = a.Value as GoNode | null;
          return value ? { name: lit(a.Name), value: word(value) } : { name: lit(a.Name) };
        }),
        args: list(node.Args).map((w) => word(w)),
      };
    case 'BinaryCmd': {
      const op = BINARY_OPS[node.Op as number];
      if (!op) return { type: 'unsupported', what: '|&' };
      return { type: 'binary', op, left: stmt(node.X as GoNode), right: stmt(node.Y as GoNode) };
    }
    case 'ForClause': {
      const loop = node.Loop as GoNode;
      if (nodeType(loop) !== 'WordIter') return { type: 'unsupported', what: 'for ((…))' };
      const items = loop.InPos && (loop.InPos as { Line(): number }).Line() > 0 ? list(loop.Items).map((w) => word(w)) : undefined;
      return items ? { type: 'for', name: lit(loop.Name), items, body: stmts(node.Do) } : { type: 'for', name: lit(loop.Name), body: stmts(node.Do) };
    }
    case 'IfClause':
      return ifClause(node);
    case 'Block':
    case 'Subshell':
      return { type: 'block', body: stmts(node.Stmts) };
    case 'DeclClause':
      // `export A=1 B`: the builtin with one word for each assignment.
      return {
        type: 'call',
        assigns: [],
        args: [{ parts: [{ type: 'lit', value: lit(node.Variant) }] }, ...list(node.Args).map(declWord)],
      };
    case 'WhileClause':
      return { type: 'unsupported', what: node.Until ? 'until' : 'while' };
    case 'FuncDecl':
      return { type: 'unsupported', what: 'functions' };
    case 'CaseClause':
      return { type: 'unsupported', what: 'case' };
    default:
      return { type: 'unsupported', what: nodeType(node) };
  }
}

function declWord(assign: GoNode): Word {
  const name = assign.Name as GoNode | null;
  const value = assign.Value as GoNode | null;
  if (assign.Naked) return name ? { parts: [{ type: 'lit', value: lit(name) }] } : value ? word(value) : { parts: [] };
  const parts: WordPart[] = [{ type: 'lit', value: `${lit(name)}=` }];
  if (value) parts.push(...word(value).parts);
  return { parts };
}

function ifClause(node: GoNode): Command {
  const otherwise = node.Else as GoNode | null;
  const base = { type: 'if' as const, cond: stmts(node.Cond), then: stmts(node.Then) };
  if (!otherwise) return base;
  // `else` is an IfClause with no condition; `elif` one with a condition.
  if (list(otherwise.Cond).length === 0) return { ...base, otherwise: stmts(otherwise.Then) };
  return { ...base, otherwise: [{ command: ifClause(otherwise), redirects: [], negated: false, background: false }] };
}

function redirect(node: GoNode): Redirect {
  const op = REDIRECT_OPS[node.Op as number] ?? '>';
  const r: Redirect = { op, word: word(node.Word as GoNode) };
  const n = node.N as GoNode | null;
  if (n) r.fd = Number(lit(n));
  const hdoc = node.Hdoc as GoNode | null;
  if (hdoc) r.heredoc = word(hdoc, 'heredoc');
  else if (op === '<<' || op === '<<-') r.heredoc = { parts: [] };
  return r;
}

function lit(node: unknown): string {
  return node ? String((node as GoNode).Value ?? '') : '';
}

type Context = 'plain' | 'dquote' | 'heredoc';

function word(node: GoNode, context: Context = 'plain'): Word {
  return { parts: list(node.Parts).flatMap((p) => wordPart(p, context)) };
}

function wordPart(node: GoNode, context: Context): WordPart[] {
  const quoted = context !== 'plain';
  switch (nodeType(node)) {
    case 'Lit':
      return [{ type: 'lit', value: unescape(lit(node), context) }];
    case 'SglQuoted':
      return [{ type: 'lit', value: node.Dollar ? ansiC(lit(node)) : lit(node) }];
    case 'DblQuoted': {
      const parts = list(node.Parts).flatMap((p) => wordPart(p, 'dquote'));
      // `""` is still a word: an empty literal keeps it.
      return parts.length > 0 ? parts : [{ type: 'lit', value: '' }];
    }
    case 'ParamExp':
      return [paramExp(node, quoted)];
    case 'CmdSubst':
      return [{ type: 'subst', script: stmts(node.Stmts), quoted }];
    case 'ArithmExp':
      return [{ type: 'unsupported', what: '$((…))' }];
    case 'ProcSubst':
      return [{ type: 'unsupported', what: '<(…)' }];
    case 'ExtGlob':
      return [{ type: 'unsupported', what: 'extended globs' }];
    default:
      return [{ type: 'unsupported', what: nodeType(node) }];
  }
}

function paramExp(node: GoNode, quoted: boolean): WordPart {
  const name = lit(node.Param);
  if (node.Index || node.Slice || node.Repl || node.Excl || node.Names) return { type: 'unsupported', what: `\${${name}…}` };
  if (node.Length) return { type: 'param', name, quoted, length: true };
  const exp = node.Exp as GoNode | null;
  if (!exp) return { type: 'param', name, quoted };
  // syntax.ParExpOperator: 70 `-`, 71 `:-`.
  const op = exp.Op as number;
  const w = exp.Word as GoNode | null;
  if (op !== 70 && op !== 71) return { type: 'unsupported', what: `\${${name}…}` };
  return { type: 'param', name, quoted, fallback: { word: w ? word(w, quoted ? 'dquote' : 'plain') : { parts: [] }, orEmpty: op === 71 } };
}

/** Removes the backslashes the shell removes: any outside quotes, before `$ \` " newline` inside them. */
function unescape(text: string, context: Context): string {
  if (!text.includes('\\')) return text;
  const special = context === 'dquote' ? '$`"\\\n' : '$`\\\n';
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== '\\' || i + 1 >= text.length) {
      out += ch;
      continue;
    }
    const next = text[i + 1]!;
    if (context === 'plain' || special.includes(next)) {
      if (next !== '\n') out += next;
      i++;
    } else {
      out += ch;
    }
  }
  return out;
}

const ANSI_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"' };

/** `$'…'`: the common backslash escapes. */
function ansiC(text: string): string {
  return text.replace(/\\(.)/g, (all, ch: string) => ANSI_ESCAPES[ch] ?? all);
}
