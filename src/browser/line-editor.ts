import type { EditAction } from './key-decoder';

/**
 * The state of one shell input line and its history, changed by editing
 * actions, with bash's emacs-mode meanings. DOM-free: the terminal glue
 * draws what this holds.
 */

export interface LineState {
  text: string;
  /** Cursor position, 0..text.length. */
  cursor: number;
  /** Set during Ctrl-R: what is searched for, and whether the last search found nothing. */
  search?: { query: string; failed: boolean };
}

/** readline's prompt while searching history backwards: `(reverse-i-search)`kub': `. */
export function searchPrompt(search: { query: string; failed: boolean }): string {
  return `(${search.failed ? 'failed ' : ''}reverse-i-search)\`${search.query}': `;
}

/** A Ctrl-R search under way: the line it started from, and the entry it shows. */
interface Search {
  query: string;
  failed: boolean;
  /** The history entry shown, or history.length for the line the search started from. */
  at: number;
  original: LineState;
}

/** What an action asks of the terminal beyond redrawing the line. */
export type EditEffect = { kind: 'none' } | { kind: 'submit'; line: string } | { kind: 'interrupt' } | { kind: 'clear-screen' } | { kind: 'complete' };

const MAX_HISTORY = 500;

export class LineEditor {
  private line: LineState = { text: '', cursor: 0 };
  private readonly history: string[];
  /** Index into history while browsing it; history.length means the line being typed. */
  private browsing: number;
  /** The line being typed, kept while browsing history. */
  private draft = '';
  private search: Search | undefined;
  /** The last search's text: Ctrl-R twice on an empty search repeats it, as readline does. */
  private lastQuery = '';

  constructor(history: readonly string[] = []) {
    this.history = history.slice(-MAX_HISTORY);
    this.browsing = this.history.length;
  }

  get state(): LineState {
    if (this.search) return { ...this.line, search: { query: this.search.query, failed: this.search.failed } };
    return { ...this.line };
  }

  get entries(): readonly string[] {
    return this.history;
  }

  apply(action: EditAction): EditEffect {
    if (this.search) {
      const handled = this.applySearching(action);
      if (handled) return handled;
    }
    const { text, cursor } = this.line;
    switch (action.type) {
      case 'search-history':
        this.startSearch();
        break;
      case 'abort':
        break;
      case 'complete':
        return { kind: 'complete' };
      case 'insert':
        this.set(text.slice(0, cursor) + action.text + text.slice(cursor), cursor + action.text.length);
        break;
      case 'backspace':
        if (cursor > 0) this.set(text.slice(0, cursor - 1) + text.slice(cursor), cursor - 1);
        break;
      case 'delete':
      case 'eof':
        if (cursor < text.length) this.set(text.slice(0, cursor) + text.slice(cursor + 1), cursor);
        break;
      case 'left':
        this.set(text, Math.max(0, cursor - 1));
        break;
      case 'right':
        this.set(text, Math.min(text.length, cursor + 1));
        break;
      case 'home':
        this.set(text, 0);
        break;
      case 'end':
        this.set(text, text.length);
        break;
      case 'word-left':
        this.set(text, wordStartBefore(text, cursor));
        break;
      case 'word-right':
        this.set(text, wordEndAfter(text, cursor));
        break;
      case 'kill-to-start':
        this.set(text.slice(cursor), 0);
        break;
      case 'kill-to-end':
        this.set(text.slice(0, cursor), cursor);
        break;
      case 'kill-word-back': {
        // Ctrl-W kills back to whitespace (unix-word-rubout), not to punctuation.
        let start = cursor;
        while (start > 0 && text[start - 1] === ' ') start -= 1;
        while (start > 0 && text[start - 1] !== ' ') start -= 1;
        this.set(text.slice(0, start) + text.slice(cursor), start);
        break;
      }
      case 'history-prev':
        this.browse(this.browsing - 1);
        break;
      case 'history-next':
        this.browse(this.browsing + 1);
        break;
      case 'enter':
        return { kind: 'submit', line: this.submit() };
      case 'interrupt':
        this.reset();
        return { kind: 'interrupt' };
      case 'clear-screen':
        return { kind: 'clear-screen' };
    }
    return { kind: 'none' };
  }

  /**
   * Keys during a Ctrl-R search, as readline's incremental search takes
   * them: typing narrows it, Ctrl-R finds the next older match, Backspace
   * widens it, Ctrl-G gives the original line back, Enter runs the match.
   * Any other key keeps the match as the line and then does what it does
   * (undefined: go on with the normal handling).
   */
  private applySearching(action: EditAction): EditEffect | undefined {
    const search = this.search!;
    switch (action.type) {
      case 'insert':
        search.query += action.text;
        this.find(search.at);
        return { kind: 'none' };
      case 'backspace':
        search.query = search.query.slice(0, -1);
        if (search.query !== '') {
          this.find(this.history.length - 1);
        } else {
          // Nothing left to search for: the line the search started from, as readline shows it.
          search.at = this.history.length;
          search.failed = false;
          this.line = { ...search.original };
        }
        return { kind: 'none' };
      case 'search-history':
        if (search.query === '') search.query = this.lastQuery;
        if (search.query !== '') this.find(search.failed ? search.at : search.at - 1);
        return { kind: 'none' };
      case 'abort':
        this.line = search.original;
        this.search = undefined;
        return { kind: 'none' };
      case 'interrupt':
        this.endSearch();
        return undefined;
      default:
        this.endSearch();
        return undefined;
    }
  }

  private startSearch(): void {
    this.search = { query: '', failed: false, at: this.history.length, original: { ...this.line } };
  }

  /** The newest entry at or before `from` that holds the query; the shown entry stays when none does. */
  private find(from: number): void {
    const search = this.search!;
    for (let i = Math.min(from, this.history.length - 1); i >= 0; i--) {
      const found = this.history[i]!.lastIndexOf(search.query);
      if (found >= 0) {
        search.at = i;
        search.failed = false;
        this.set(this.history[i]!, found);
        return;
      }
    }
    search.failed = true;
  }

  /** Keeps the shown match as the line being edited, browsing history from it. */
  private endSearch(): void {
    const search = this.search!;
    if (search.query !== '') this.lastQuery = search.query;
    this.search = undefined;
    if (search.at < this.history.length) {
      if (this.browsing === this.history.length) this.draft = search.original.text;
      this.browsing = search.at;
    }
  }

  private set(text: string, cursor: number): void {
    this.line = { text, cursor };
  }

  private browse(to: number): void {
    if (to < 0 || to > this.history.length || to === this.browsing) return;
    if (this.browsing === this.history.length) this.draft = this.line.text;
    this.browsing = to;
    const text = to === this.history.length ? this.draft : this.history[to]!;
    this.set(text, text.length);
  }

  private submit(): string {
    const line = this.line.text;
    // Blank lines and immediate repeats stay out of history, as with HISTCONTROL=ignoredups.
    if (line.trim() !== '' && this.history.at(-1) !== line) {
      this.history.push(line);
      if (this.history.length > MAX_HISTORY) this.history.shift();
    }
    this.reset();
    return line;
  }

  private reset(): void {
    this.search = undefined;
    this.line = { text: '', cursor: 0 };
    this.draft = '';
    this.browsing = this.history.length;
  }
}

/** Alt-B: back to the start of the word before the cursor (words are letters and digits). */
function wordStartBefore(text: string, cursor: number): number {
  let i = cursor;
  while (i > 0 && !isWordChar(text[i - 1]!)) i -= 1;
  while (i > 0 && isWordChar(text[i - 1]!)) i -= 1;
  return i;
}

/** Alt-F: forward to the end of the next word. */
function wordEndAfter(text: string, cursor: number): number {
  let i = cursor;
  while (i < text.length && !isWordChar(text[i]!)) i += 1;
  while (i < text.length && isWordChar(text[i]!)) i += 1;
  return i;
}

function isWordChar(ch: string): boolean {
  return /[\p{L}\p{N}]/u.test(ch);
}
