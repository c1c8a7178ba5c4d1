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
