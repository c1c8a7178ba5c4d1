/**
 * Splits a command line into words as a POSIX shell does for the simple
 * cases: whitespace separates, single quotes keep everything, double quotes
 * keep spaces (a backslash there escapes `"`, `\`, `$` and a backquote), a
 * backslash outside quotes escapes the next character, and `#` at the start
 * of a word begins a comment. Pipes, variables and here-documents come with
 * a real shell grammar; this stays small so it can be replaced whole.
 */
export type SplitResult = { ok: true; words: string[] } | { ok: false; unterminated: '"' | "'" };

export function splitWords(line: string): SplitResult {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end === -1) return { ok: false, unterminated: "'" };
      word += line.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (ch === '"') {
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === '\\' && j + 1 < line.length && '"\\$`'.includes(line[j + 1]!)) j++;
        word += line[j];
      }
      if (j >= line.length) return { ok: false, unterminated: '"' };
      inWord = true;
      i = j;
    } else if (ch === '\\' && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (ch === ' ' || ch === '\t') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else if (ch === '#' && !inWord) {
      break;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return { ok: true, words };
}
