/**
 * POSIX regular expressions (grep's basic and extended syntax) turned into
 * JavaScript RegExp source, refusing what could make a browser tab hang:
 * a repeated group that itself repeats (`(a+)+`) and backreferences.
 * Errors carry GNU grep's wording.
 */
export type RegexResult = { ok: true; source: string } | { ok: false; message: string };

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', word: 'A-Za-z0-9_', cntrl: '\\x00-\\x1f\\x7f', print: ' -~', graph: '!-~',
};
const JS_SPECIAL = '\\^$.|?*+()[]{}/';
const escapeJs = (ch: string) => (JS_SPECIAL.includes(ch) ? `\\${ch}` : ch);

export const NESTED_REPETITION = 'this simulated shell does not run a repeated group that itself repeats, like (a+)+';

export function posixToJs(pattern: string, extended: boolean): RegexResult {
  let out = '';
  // For each open group: where it starts in `out`, and whether it holds a repetition.
  const groups: { repeats: boolean }[] = [];
  let lastGroupRepeats = false;
  let canRepeat = false;
  const markRepeat = (): RegexResult | undefined => {
    if (lastGroupRepeats) return { ok: false, message: NESTED_REPETITION };
    if (groups.length > 0) groups.at(-1)!.repeats = true;
    lastGroupRepeats = false;
    return undefined;
  };
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    const atStart = out === '' || out.endsWith('(') || out.endsWith('|') || out === '^';
    let token: 'atom' | 'open' | 'close' | 'alt' | 'repeat' | 'anchor' = 'atom';
    let text = '';
    if (ch === '[') {
      const bracket = readBracket(pattern, i);
      if (!bracket) return { ok: false, message: 'Unmatched [, [^, [:, [., or [=' };
      text = bracket.source;
      i = bracket.end;
    } else if (ch === '\\') {
      const next = pattern[++i];
      if (next === undefined) return { ok: false, message: 'Trailing backslash' };
      if (/[1-9]/.test(next)) return { ok: false, message: 'this simulated shell does not run backreferences' };
      if (!extended && next === '(') token = 'open';
      else if (!extended && next === ')') token = 'close';
      else if (!extended && next === '|') token = 'alt';
      else if (!extended && (next === '+' || next === '?')) [token, text] = ['repeat', next];
      else if (!extended && next === '{') {
        const end = pattern.indexOf('\\}', i);
        if (end === -1) return { ok: false, message: 'Unmatched \\{' };
        const interval = pattern.slice(i + 1, end);
        if (!/^\d*(,\d*)?$/.test(interval)) return { ok: false, message: 'Invalid content of \\{\\}' };
        [token, text] = ['repeat', `{${interval}}`];
        i = end + 1;
      } else if ('wWsSb'.includes(next)) text = `\\${next}`;
      else if (next === '<') text = '\\b(?=\\w)';
      else if (next === '>') text = '\\b(?<=\\w)';
      else text = escapeJs(next);
    } else if (ch === '.') {
      text = '.';
    } else if (ch === '*') {
      if (atStart && !canRepeat) text = '\\*';
      else [token, text] = ['repeat', '*'];
    } else if (ch === '^') {
      if (extended || atStart) [token, text] = ['anchor', '^'];
      else text = '\\^';
    } else if (ch === '$') {
      const atEnd = i === pattern.length - 1 || (!extended && pattern.startsWith('\\)', i + 1)) || (extended && /^[)|]/.test(pattern[i + 1] ?? ''));
      if (extended || atEnd) [token, text] = ['anchor', '$'];
      else text = '\\$';
    } else if (extended && (ch === '+' || ch === '?')) {
      if (!canRepeat) text = escapeJs(ch);
      else [token, text] = ['repeat', ch];
    } else if (extended && ch === '{') {
      const m = /^\{(\d*(,\d*)?)\}/.exec(pattern.slice(i));
      if (m && canRepeat) {
        [token, text] = ['repeat', m[0]];
        i += m[0].length - 1;
      } else text = '\\{';
    } else if (extended && ch === '(') token = 'open';
    else if (extended && ch === ')') token = 'close';
    else if (extended && ch === '|') token = 'alt';
    else text = escapeJs(ch);

    switch (token) {
      case 'open':
        groups.push({ repeats: false });
        out += '(?:';
        canRepeat = false;
        lastGroupRepeats = false;
        break;
      case 'close': {
        const group = groups.pop();
        if (!group) return { ok: false, message: 'Unmatched ) or \\)' };
        out += ')';
        lastGroupRepeats = group.repeats;
        if (group.repeats && groups.length > 0) groups.at(-1)!.repeats = true;
        canRepeat = true;
        break;
      }
      case 'alt':
        out += '|';
        canRepeat = false;
        lastGroupRepeats = false;
        break;
      case 'repeat': {
        const problem = markRepeat();
        if (problem) return problem;
        if (/[*+?}]$/.test(out) && !out.endsWith('\\*') && !out.endsWith('\\+') && !out.endsWith('\\?') && !out.endsWith('\\}')) {
          // `a**` is `a*` in POSIX; JavaScript refuses it.
          break;
        }
        out += text;
        canRepeat = true;
        break;
      }
      case 'anchor':
        out += text;
        canRepeat = false;
        lastGroupRepeats = false;
        break;
      default:
        out += text;
        canRepeat = true;
        lastGroupRepeats = false;
    }
  }
  if (groups.length > 0) return { ok: false, message: 'Unmatched ( or \\(' };
  return { ok: true, source: out };
}

/** A bracket expression `[…]` from `start`: its JS source and the index of its `]`. */
function readBracket(pattern: string, start: number): { source: string; end: number } | undefined {
  let i = start + 1;
  let source = '[';
  if (pattern[i] === '^') {
    source += '^';
    i++;
  }
  let first = true;
  for (; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === ']' && !first) return { source: `${source}]`, end: i };
    first = false;
    if (ch === '[' && pattern[i + 1] === ':') {
      const close = pattern.indexOf(':]', i + 2);
      if (close === -1) return undefined;
      const cls = CLASSES[pattern.slice(i + 2, close)];
      if (cls === undefined) return undefined;
      source += cls;
      i = close + 1;
    } else if (ch === '\\' || ch === ']' || ch === '[' || ch === '/') {
      source += `\\${ch}`;
    } else {
      source += ch;
    }
  }
  return undefined;
}
