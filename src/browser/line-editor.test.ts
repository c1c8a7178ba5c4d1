import { describe, expect, it } from 'vitest';
import { decodeInput } from './key-decoder';
import { LineEditor } from './line-editor';

/** Feeds raw terminal input to an editor and returns the effects. */
function type(editor: LineEditor, data: string) {
  return decodeInput(data).map((a) => editor.apply(a));
}

describe('LineEditor', () => {
  it('inserts at the cursor and moves with arrows, Home and End', () => {
    const e = new LineEditor();
    type(e, 'kubectl pods\x1b[D\x1b[D\x1b[D\x1b[Dget \x01x\x05!');
    expect(e.state).toEqual({ text: 'xkubectl get pods!', cursor: 18 });
  });

  it('deletes with Backspace and Delete, and never past the ends', () => {
    const e = new LineEditor();
    type(e, 'abc\x7f\x01\x1b[3~\x7f\x1b[3~\x1b[3~\x1b[3~');
    expect(e.state).toEqual({ text: '', cursor: 0 });
  });

  it('kills to the start, to the end and the word before the cursor', () => {
    const e = new LineEditor();
    type(e, 'kubectl get pods -o wide\x17');
    expect(e.state.text).toBe('kubectl get pods -o ');
    type(e, '\x17\x17');
    expect(e.state.text).toBe('kubectl get ');
    type(e, '\x1b[D\x1b[D\x1b[D\x0b');
    expect(e.state).toEqual({ text: 'kubectl g', cursor: 9 });
    type(e, '\x1b[D\x15');
    expect(e.state).toEqual({ text: 'g', cursor: 0 });
  });

  it('moves by words with Alt-B and Alt-F', () => {
    const e = new LineEditor();
    type(e, 'kubectl get pods/web-1');
    type(e, '\x1bb');
    expect(e.state.cursor).toBe('kubectl get pods/web-'.length);
    type(e, '\x1bb\x1bb');
    expect(e.state.cursor).toBe('kubectl get '.length);
    type(e, '\x1bf');
    expect(e.state.cursor).toBe('kubectl get pods'.length);
  });

  it('submits the line, keeps it in history and starts afresh', () => {
    const e = new LineEditor(['kubectl get nodes']);
    expect(type(e, 'kubectl get pods\r')).toEqual([{ kind: 'none' }, { kind: 'submit', line: 'kubectl get pods' }]);
    expect(e.state).toEqual({ text: '', cursor: 0 });
    expect(e.entries).toEqual(['kubectl get nodes', 'kubectl get pods']);
  });

  it('leaves blank lines and immediate repeats out of history', () => {
    const e = new LineEditor();
    type(e, 'a\r\r  \ra\rb\ra\r');
    expect(e.entries).toEqual(['a', 'b', 'a']);
  });

  it('browses history with Up and Down and gives back the line being typed', () => {
    const e = new LineEditor(['one', 'two']);
    type(e, 'dra');
    type(e, '\x1b[A');
    expect(e.state).toEqual({ text: 'two', cursor: 3 });
    type(e, '\x1b[A\x1b[A\x1b[A');
    expect(e.state.text).toBe('one');
    type(e, '\x1b[B\x1b[B');
    expect(e.state).toEqual({ text: 'dra', cursor: 3 });
    type(e, '\x1b[B');
    expect(e.state.text).toBe('dra');
  });

  it('drops the line on Ctrl-C without keeping it in history', () => {
    const e = new LineEditor();
    expect(type(e, 'kubectl delete\x03')).toEqual([{ kind: 'none' }, { kind: 'interrupt' }]);
    expect(e.state).toEqual({ text: '', cursor: 0 });
    expect(e.entries).toEqual([]);
  });

  it('asks for a clear screen on Ctrl-L and keeps the line', () => {
    const e = new LineEditor();
    expect(type(e, 'abc\x0c')).toEqual([{ kind: 'none' }, { kind: 'clear-screen' }]);
    expect(e.state.text).toBe('abc');
  });
});

describe('LineEditor: Ctrl-R, reverse incremental search', () => {
  const history = ['kubectl get pods -o wide', 'kubectl get svc', 'curl http://web', 'kubectl get pods'];

  it('shows the newest entry holding what is typed, cursor on the match', () => {
    const e = new LineEditor(history);
    type(e, '\x12pods');
    expect(e.state).toEqual({ text: 'kubectl get pods', cursor: 12, search: { query: 'pods', failed: false } });
  });

  it('goes to older matches with Ctrl-R again, and says when there are none', () => {
    const e = new LineEditor(history);
    type(e, '\x12pods\x12');
    expect(e.state).toEqual({ text: 'kubectl get pods -o wide', cursor: 12, search: { query: 'pods', failed: false } });
    type(e, '\x12');
    expect(e.state.text).toBe('kubectl get pods -o wide');
    expect(e.state.search).toEqual({ query: 'pods', failed: true });
  });

  it('narrows as it is typed and keeps the last match when nothing holds the text', () => {
    const e = new LineEditor(history);
    type(e, '\x12kubectl get s');
    expect(e.state.text).toBe('kubectl get svc');
    type(e, 'x');
    expect(e.state).toEqual({ text: 'kubectl get svc', cursor: 0, search: { query: 'kubectl get sx', failed: true } });
    type(e, '\x7f');
    expect(e.state.search).toEqual({ query: 'kubectl get s', failed: false });
  });

  it('runs the match on Enter and keeps it in history as a new entry', () => {
    const e = new LineEditor(history);
    expect(type(e, '\x12curl\r').at(-1)).toEqual({ kind: 'submit', line: 'curl http://web' });
    expect(e.state).toEqual({ text: '', cursor: 0 });
    expect(e.entries.at(-1)).toBe('curl http://web');
    expect(e.entries).toHaveLength(5);
  });

  it('gives the original line back on Ctrl-G', () => {
    const e = new LineEditor(history);
    type(e, 'kubectl \x12curl\x07');
    expect(e.state).toEqual({ text: 'kubectl ', cursor: 8 });
  });

  it('keeps the match as the line on any other key, which then does its work', () => {
    const e = new LineEditor(history);
    type(e, '\x12svc\x05 -A');
    expect(e.state).toEqual({ text: 'kubectl get svc -A', cursor: 18 });
    // Up from a kept match goes on from that entry, not from the newest.
    const f = new LineEditor(history);
    type(f, '\x12svc\x1b[C\x1b[A');
    expect(f.state.text).toBe('kubectl get pods -o wide');
  });

  it('repeats the last search on Ctrl-R Ctrl-R (not one given up with Ctrl-G), and drops it on Ctrl-C', () => {
    const e = new LineEditor(history);
    type(e, '\x12svc\x07\x12\x12');
    expect(e.state).toEqual({ text: '', cursor: 0, search: { query: '', failed: false } });
    type(e, '\x07\x12curl\x1b[C\x15');
    type(e, '\x12\x12');
    expect(e.state.text).toBe('curl http://web');
    expect(type(e, '\x03').at(-1)).toEqual({ kind: 'interrupt' });
    expect(e.state).toEqual({ text: '', cursor: 0 });
  });
});
