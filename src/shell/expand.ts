import type { Script, Word } from './syntax/ast';

/** How expansion reaches the shell: variables, and running `$(…)`. */
export interface Expander {
  variable(name: string): string | undefined;
  /** Runs a command substitution; returns its standard output. */
  substitute(script: Script): string;
}

export class UnsupportedSyntax extends Error {}

/**
 * A word's fields after parameter expansion, command substitution, field
 * splitting (on blanks, of unquoted expansions only) and quote removal.
 * No pathname expansion: the workspace is not a real filesystem.
 */
export function expandFields(word: Word, shell: Expander): string[] {
  const fields: string[] = [];
  let current = '';
  let started = false;
  const literal = (text: string) => {
    current += text;
    started = true;
  };
  const split = (text: string) => {
    text.split(/[ \t\n]+/).forEach((piece, i) => {
      if (i > 0 && started) {
        fields.push(current);
        current = '';
        started = false;
      }
      if (piece !== '') literal(piece);
    });
  };
  for (const part of word.parts) {
    switch (part.type) {
      case 'lit':
        literal(part.value);
        break;
      case 'param': {
        const value = paramValue(part, shell);
        if (part.quoted) literal(value);
        else split(value);
        break;
      }
      case 'subst': {
        const value = shell.substitute(part.script).replace(/\n+$/, '');
        if (part.quoted) literal(value);
        else split(value);
        break;
      }
      case 'unsupported':
        throw new UnsupportedSyntax(part.what);
    }
  }
  if (started) fields.push(current);
  return fields;
}

/** A word as one string, without field splitting (redirection targets, here-documents, assignments). */
export function expandString(word: Word, shell: Expander): string {
  let text = '';
  for (const part of word.parts) {
    if (part.type === 'lit') text += part.value;
    else if (part.type === 'param') text += paramValue(part, shell);
    else if (part.type === 'subst') text += shell.substitute(part.script).replace(/\n+$/, '');
    else throw new UnsupportedSyntax(part.what);
  }
  return text;
}

function paramValue(part: Extract<Word['parts'][number], { type: 'param' }>, shell: Expander): string {
  const value = shell.variable(part.name);
  if (part.length) return String([...(value ?? '')].length);
  if (part.fallback && (value === undefined || (part.fallback.orEmpty && value === ''))) return expandString(part.fallback.word, shell);
  return value ?? '';
}
