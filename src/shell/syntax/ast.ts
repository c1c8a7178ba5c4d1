/**
 * The shell's own syntax tree: what the interpreter runs. parse.ts builds it
 * from mvdan/sh's tree, so the interpreter never touches the parser's Go
 * objects and the parser can be swapped without touching it.
 */
export type WordPart =
  /** Literal text, escapes already removed; never field-split. */
  | { type: 'lit'; value: string }
  /** `$NAME`, `${NAME}`, `${NAME:-word}`, `${#NAME}`. */
  | { type: 'param'; name: string; quoted: boolean; length?: boolean; fallback?: { word: Word; orEmpty: boolean } }
  /** `$(…)` or backquotes. */
  | { type: 'subst'; script: Script; quoted: boolean }
  /** Syntax the parser knows and this shell does not run (`$((…))`, `${x/a/b}`…). */
  | { type: 'unsupported'; what: string };

export interface Word {
  parts: WordPart[];
}

export type RedirectOp = '>' | '>>' | '<' | '<>' | '>&' | '<&' | '>|' | '<<' | '<<-' | '<<<' | '&>' | '&>>';

export interface Redirect {
  op: RedirectOp;
  /** The file descriptor written before the operator (`2>`), if any. */
  fd?: number;
  word: Word;
  /** The body of a here-document. */
  heredoc?: Word;
}

export type Command =
  | { type: 'call'; assigns: { name: string; value?: Word }[]; args: Word[] }
  | { type: 'binary'; op: '&&' | '||' | '|'; left: Stmt; right: Stmt }
  | { type: 'for'; name: string; items?: Word[]; body: Script }
  | { type: 'if'; cond: Script; then: Script; otherwise?: Script }
  | { type: 'block'; body: Script }
  | { type: 'unsupported'; what: string };

export interface Stmt {
  command: Command;
  redirects: Redirect[];
  negated: boolean;
  background: boolean;
}

export type Script = Stmt[];
