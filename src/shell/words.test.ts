import { describe, expect, it } from 'vitest';
import { splitWords } from './words';

const words = (line: string) => {
  const r = splitWords(line);
  if (!r.ok) throw new Error('unterminated');
  return r.words;
};

describe('splitWords', () => {
  it('splits on blanks and keeps quoted text whole', () => {
    expect(words('kubectl  get\tpods -l "app in (web, db)"')).toEqual(['kubectl', 'get', 'pods', '-l', 'app in (web, db)']);
    expect(words("echo 'a \"b\" $c'")).toEqual(['echo', 'a "b" $c']);
    expect(words('echo "a \\"b\\""')).toEqual(['echo', 'a "b"']);
    expect(words('echo a\\ b')).toEqual(['echo', 'a b']);
    expect(words("k get 'pod'/web")).toEqual(['k', 'get', 'pod/web']);
  });

  it('treats # at the start of a word as a comment', () => {
    expect(words('kubectl get pods # list them')).toEqual(['kubectl', 'get', 'pods']);
    expect(words('echo a#b')).toEqual(['echo', 'a#b']);
    expect(words('   # only a comment')).toEqual([]);
  });

  it('keeps empty quoted words and reports an unterminated quote', () => {
    expect(words('echo "" x')).toEqual(['echo', '', 'x']);
    expect(splitWords("echo 'oops")).toEqual({ ok: false, unterminated: "'" });
    expect(splitWords('echo "oops')).toEqual({ ok: false, unterminated: '"' });
  });
});
