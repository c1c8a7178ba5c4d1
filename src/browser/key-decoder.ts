/**
 * Turns what a terminal sends (xterm's onData: typed keys, escape
 * sequences, pasted text) into editing actions. DOM-free, so it is unit
 * tested in Node. Unknown escape sequences are swallowed whole rather than
 * inserted as text.
 */

export type EditAction =
  | { type: 'insert'; text: string }
  | {
      type:
        | 'enter'
        | 'backspace'
        | 'delete'
        | 'left'
        | 'right'
        | 'home'
        | 'end'
        | 'word-left'
        | 'word-right'
        | 'kill-to-start'
        | 'kill-to-end'
        | 'kill-word-back'
        | 'history-prev'
        | 'history-next'
        | 'interrupt'
        | 'clear-screen'
        | 'complete'
        | 'search-history'
        | 'abort'
        | 'eof';
    };

type SimpleType = Exclude<EditAction, { type: 'insert' }>['type'];

/** Single control characters, as bash's emacs mode binds them. */
const CONTROL: Record<string, SimpleType> = {
  '\x01': 'home', // Ctrl-A
  '\x02': 'left', // Ctrl-B
  '\x03': 'interrupt', // Ctrl-C
  '\x04': 'eof', // Ctrl-D
  '\x05': 'end', // Ctrl-E
  '\x06': 'right', // Ctrl-F
  '\x07': 'abort', // Ctrl-G
  '\x08': 'backspace', // Ctrl-H
  '\x0b': 'kill-to-end', // Ctrl-K
  '\x0c': 'clear-screen', // Ctrl-L
  '\x0e': 'history-next', // Ctrl-N
  '\x10': 'history-prev', // Ctrl-P
  '\x12': 'search-history', // Ctrl-R
  '\x15': 'kill-to-start', // Ctrl-U
  '\x17': 'kill-word-back', // Ctrl-W
  '\x7f': 'backspace',
};

/** CSI and SS3 sequences by their text after ESC. */
const SEQUENCES: Record<string, SimpleType> = {
  '[A': 'history-prev',
  '[B': 'history-next',
  '[C': 'right',
  '[D': 'left',
  '[H': 'home',
  '[F': 'end',
  OA: 'history-prev',
  OB: 'history-next',
  OC: 'right',
  OD: 'left',
  OH: 'home',
  OF: 'end',
  '[1~': 'home',
  '[7~': 'home',
  '[4~': 'end',
  '[8~': 'end',
  '[3~': 'delete',
  '[1;3D': 'word-left', // Alt-Left
  '[1;3C': 'word-right', // Alt-Right
  '[1;5D': 'word-left', // Ctrl-Left
  '[1;5C': 'word-right', // Ctrl-Right
  b: 'word-left', // Alt-B
  f: 'word-right', // Alt-F
  '\x7f': 'kill-word-back', // Alt-Backspace
};

export function decodeInput(data: string): EditAction[] {
  const actions: EditAction[] = [];
  let text = '';
  const flush = () => {
    if (text) actions.push({ type: 'insert', text });
    text = '';
  };
  let i = 0;
  while (i < data.length) {
    const ch = data[i]!;
    if (ch === '\x1b') {
      const seq = escapeSequenceAt(data, i + 1);
      const action = SEQUENCES[seq];
      if (action) {
        flush();
        actions.push({ type: action });
      }
      i += 1 + seq.length;
    } else if (ch === '\r' || ch === '\n') {
      flush();
      actions.push({ type: 'enter' });
      // A pasted CRLF is one line end, not two.
      i += ch === '\r' && data[i + 1] === '\n' ? 2 : 1;
    } else if (CONTROL[ch]) {
      flush();
      actions.push({ type: CONTROL[ch] });
      i += 1;
    } else if (ch === '\t') {
      // A Tab key completes; a tab inside pasted text reads as a space, as it would in a shell word.
      if (data.length === 1) actions.push({ type: 'complete' });
      else text += ' ';
      i += 1;
    } else if (ch < ' ') {
      i += 1;
    } else {
      text += ch;
      i += 1;
    }
  }
  flush();
  return actions;
}

/** The escape sequence starting after ESC at `from`: CSI, SS3, or ESC and one character. */
function escapeSequenceAt(data: string, from: number): string {
  const first = data[from];
  if (first === undefined) return '';
  if (first === '[') {
    // CSI: parameter and intermediate bytes, then one final byte in @..~.
    let j = from + 1;
    while (j < data.length && data.charCodeAt(j) >= 0x20 && data.charCodeAt(j) <= 0x3f) j += 1;
    return data.slice(from, Math.min(j + 1, data.length));
  }
  if (first === 'O') return data.slice(from, from + 2);
  return first;
}
