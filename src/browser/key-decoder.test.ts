import { describe, expect, it } from 'vitest';
import { decodeInput } from './key-decoder';

describe('decodeInput', () => {
  it('keeps a typed run of characters as one insert', () => {
    expect(decodeInput('kubectl get pods')).toEqual([{ type: 'insert', text: 'kubectl get pods' }]);
  });

  it('splits a pasted block into lines, CRLF counting once', () => {
    expect(decodeInput('echo a\r\necho b\rsleep 5\n')).toEqual([
      { type: 'insert', text: 'echo a' },
      { type: 'enter' },
      { type: 'insert', text: 'echo b' },
      { type: 'enter' },
      { type: 'insert', text: 'sleep 5' },
      { type: 'enter' },
    ]);
  });

  it.each([
    ['\x1b[A', 'history-prev'],
    ['\x1b[B', 'history-next'],
    ['\x1bOD', 'left'],
    ['\x1b[C', 'right'],
    ['\x1b[H', 'home'],
    ['\x1b[F', 'end'],
    ['\x1b[1~', 'home'],
    ['\x1b[4~', 'end'],
    ['\x1b[3~', 'delete'],
    ['\x1bb', 'word-left'],
    ['\x1bf', 'word-right'],
    ['\x1b[1;5C', 'word-right'],
    ['\x1b\x7f', 'kill-word-back'],
    ['\x01', 'home'],
    ['\x05', 'end'],
    ['\x15', 'kill-to-start'],
    ['\x0b', 'kill-to-end'],
    ['\x17', 'kill-word-back'],
    ['\x03', 'interrupt'],
    ['\x0c', 'clear-screen'],
    ['\x7f', 'backspace'],
  ])('decodes %j as %s', (data, type) => {
    expect(decodeInput(data)).toEqual([{ type }]);
  });

  it('swallows unknown escape sequences and stray control characters whole', () => {
    expect(decodeInput('a\x1b[15~b\x1b[200~c\x1ad')).toEqual([{ type: 'insert', text: 'abcd' }]);
  });

  it('reads a pasted tab as a space, and the Tab key as completion', () => {
    expect(decodeInput('a\tb')).toEqual([{ type: 'insert', text: 'a b' }]);
    expect(decodeInput('\t')).toEqual([{ type: 'complete' }]);
  });
});
