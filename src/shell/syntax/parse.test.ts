import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { needsMoreInput, parseScript, parseWithGrammar, plainCommand } from './parse';

const words = (text: string) => {
  const r = parseScript(text);
  if (!r.ok) throw new Error(r.message);
  const cmd = r.script[0]!.command;
  if (cmd.type !== 'call') throw new Error(cmd.type);
  return cmd.args.map((w) => w.parts);
};

describe('parseScript', () => {
  it('removes quotes and escapes as the shell does', () => {
    expect(words("echo 'a $b' a\\ b \"c\\\"d\"")).toEqual([
      [{ type: 'lit', value: 'echo' }],
      [{ type: 'lit', value: 'a $b' }],
      [{ type: 'lit', value: 'a b' }],
      [{ type: 'lit', value: 'c"d' }],
    ]);
    expect(words("echo $'a\\tb'")[1]).toEqual([{ type: 'lit', value: 'a\tb' }]);
  });

  it('keeps expansions apart, quoted or not', () => {
    expect(words('echo $A "${B:-x}" $(date)')[1]).toEqual([{ type: 'param', name: 'A', quoted: false }]);
    expect(words('echo $A "${B:-x}"')[2]).toEqual([{ type: 'param', name: 'B', quoted: true, fallback: { word: { parts: [{ type: 'lit', value: 'x' }] }, orEmpty: true } }]);
    expect(words('echo $(date)')[1]![0]!.type).toBe('subst');
    expect(words('echo $((1+2))')[1]).toEqual([{ type: 'unsupported', what: '$((…))' }]);
  });

  it('reads pipelines, lists, redirections and here-documents', () => {
    const r = parseScript('cat <<EOF | grep a 2>&1 > /dev/null && echo ok\nline a\nEOF\n');
    if (!r.ok) throw new Error(r.message);
    const and = r.script[0]!.command;
    expect(and.type).toBe('binary');
    if (and.type !== 'binary') return;
    expect(and.op).toBe('&&');
    const pipe = and.left.command;
    if (pipe.type !== 'binary') throw new Error('pipe');
    expect(pipe.op).toBe('|');
    expect(pipe.left.redirects[0]!.heredoc).toEqual({ parts: [{ type: 'lit', value: 'line a\n' }] });
    expect(pipe.right.redirects.map((x) => [x.fd, x.op])).toEqual([[2, '>&'], [undefined, '>']]);
  });

  it('reports errors with their position', () => {
    expect(parseScript('echo )')).toMatchObject({ ok: false, incomplete: false, offset: 5 });
  });
});

describe('needsMoreInput', () => {
  it('is true while a quote, here-document, loop or pipe is open', () => {
    expect(needsMoreInput("echo 'a")).toBe(true);
    expect(needsMoreInput('echo "a')).toBe(true);
    expect(needsMoreInput('cat <<EOF\nkind: Pod')).toBe(true);
    expect(needsMoreInput('cat <<EOF\nkind: Pod\nEOF')).toBe(false);
    expect(needsMoreInput('for i in $(seq 1 3); do')).toBe(true);
    expect(needsMoreInput('for i in $(seq 1 3); do\necho $i\ndone')).toBe(false);
    expect(needsMoreInput('kubectl get pods |')).toBe(true);
    expect(needsMoreInput('echo a \\')).toBe(true);
  });
  it('is false for complete lines and for plain errors', () => {
    expect(needsMoreInput('kubectl get pods')).toBe(false);
    expect(needsMoreInput('echo )')).toBe(false);
    expect(needsMoreInput('')).toBe(false);
  });
});

describe('the plain-command fast path', () => {
  it('gives the same tree as the grammar for every line it takes', () => {
    const char = fc.constantFrom(...'abz09_./:=,@%+- \tk'.split(''));
    const word = fc.oneof(fc.constantFrom('kubectl', 'get', 'pods', '-o', 'wide', 'for', 'in', 'x=1', '--image=nginx:1.27', 'if', ':'), fc.string({ unit: char, minLength: 1, maxLength: 8 }));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), fc.boolean(), (words, newline) => {
        const text = `${words.join(' ')}${newline ? '\n' : ''}`;
        const fast = plainCommand(text);
        if (fast) expect(fast).toEqual(parseWithGrammar(text.endsWith('\n') ? text : `${text}\n`));
      }),
      { numRuns: 500 },
    );
  });

  it('leaves quotes, variables, operators and assignments to the grammar', () => {
    for (const line of ['echo "a b"', 'echo $HOME', 'a | b', 'x=1', 'ls > f', 'for i in a; do echo $i; done', 'echo *', 'echo a # c', 'if true']) {
      expect(plainCommand(line)).toBeUndefined();
    }
  });
});
