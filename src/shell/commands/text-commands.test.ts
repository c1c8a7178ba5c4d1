import { describe, expect, it } from 'vitest';
import { awk } from './awk';
import { cat } from './cat';
import { run } from './commands.fixture';
import { cut } from './cut';
import { echo } from './echo';
import { head, tail } from './head-tail';
import { seq, tr } from './seq-tr';
import { sort, uniq } from './sort-uniq';
import { wc } from './wc';

const out = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 });

describe('echo', () => {
  it('joins its words and ends the line unless -n', () => {
    expect(run(echo, ['echo', 'a', 'b'])).toEqual(out('a b\n'));
    expect(run(echo, ['echo', '-n', 'a'])).toEqual(out('a'));
    expect(run(echo, ['echo'])).toEqual(out('\n'));
  });
  it('reads escapes only with -e, and takes unknown options as text', () => {
    expect(run(echo, ['echo', '-e', 'a\\tb\\nc'])).toEqual(out('a\tb\nc\n'));
    expect(run(echo, ['echo', 'a\\nb'])).toEqual(out('a\\nb\n'));
    expect(run(echo, ['echo', '-e', 'stop\\cgone'])).toEqual(out('stop'));
    expect(run(echo, ['echo', '-x', 'y'])).toEqual(out('-x y\n'));
  });
});

describe('cat', () => {
  it('prints files, then stdin for -', () => {
    expect(run(cat, ['cat', 'words.txt'])).toEqual(out('b\na\nc\na\n'));
    expect(run(cat, ['cat'], 'in\n')).toEqual(out('in\n'));
    expect(run(cat, ['cat', 'words.txt', '-'], 'x\n').stdout).toBe('b\na\nc\na\nx\n');
  });
  it('says which file is missing and exits 1, printing the rest', () => {
    expect(run(cat, ['cat', 'nope', 'words.txt'])).toEqual({ stdout: 'b\na\nc\na\n', stderr: 'cat: nope: No such file or directory\n', exitCode: 1 });
    expect(run(cat, ['cat', 'dir'])).toEqual({ stdout: '', stderr: 'cat: dir: Is a directory\n', exitCode: 1 });
  });
});

describe('head and tail', () => {
  const ten = Array.from({ length: 12 }, (_, i) => `l${i + 1}\n`).join('');
  it('take 10 lines by default, -n N, -N and tail -n +N', () => {
    expect(run(head, ['head'], ten).stdout.split('\n')).toHaveLength(11);
    expect(run(head, ['head', '-n', '2'], ten)).toEqual(out('l1\nl2\n'));
    expect(run(head, ['head', '-2'], ten)).toEqual(out('l1\nl2\n'));
    expect(run(tail, ['tail', '-n1'], ten)).toEqual(out('l12\n'));
    expect(run(tail, ['tail', '-n', '+11'], ten)).toEqual(out('l11\nl12\n'));
  });
  it('word their errors as GNU does', () => {
    expect(run(head, ['head', '-n', 'x'])).toEqual({ stdout: '', stderr: 'head: invalid number of lines: \u2018x\u2019\n', exitCode: 1 });
    // coreutils head.c and tail.c: error (0, errno, _("cannot open %s for reading"), quoteaf (name)).
    expect(run(tail, ['tail', 'nope']).stderr).toBe("tail: cannot open 'nope' for reading: No such file or directory\n");
    expect(run(head, ['head', 'nope']).stderr).toBe("head: cannot open 'nope' for reading: No such file or directory\n");
  });
});

describe('wc', () => {
  it('counts lines, words and bytes with GNU widths', () => {
    expect(run(wc, ['wc', '-l'], 'a b\nc\n')).toEqual(out('2\n'));
    expect(run(wc, ['wc'], 'a b\nc\n')).toEqual(out('      2       3       6\n'));
    expect(run(wc, ['wc', '-l', 'words.txt'])).toEqual(out('4 words.txt\n'));
    expect(run(wc, ['wc', 'words.txt', 'numbers.txt'])).toEqual(out(' 4  4  8 words.txt\n 3  3  9 numbers.txt\n 7  7 17 total\n'));
  });
});

describe('sort and uniq', () => {
  it('sorts as text, numbers, reversed, by key', () => {
    expect(run(sort, ['sort', 'words.txt'])).toEqual(out('a\na\nb\nc\n'));
    expect(run(sort, ['sort', '-n', 'numbers.txt'])).toEqual(out('9\n10\n100\n'));
    expect(run(sort, ['sort', '-rn', 'numbers.txt'])).toEqual(out('100\n10\n9\n'));
    expect(run(sort, ['sort', '-k', '4', 'pods.txt']).stdout.split('\n')[0]).toBe('web-2 Pending <none> <none>');
    expect(run(sort, ['sort', '-u', 'words.txt'])).toEqual(out('a\nb\nc\n'));
    // sort.c check_inputs: an unreadable input stops sort before it prints anything.
    expect(run(sort, ['sort', 'words.txt', 'nope'])).toEqual({ stdout: '', stderr: 'sort: cannot read: nope: No such file or directory\n', exitCode: 2 });
  });
  it('collapses adjacent repeats, counting with -c', () => {
    expect(run(uniq, ['uniq'], 'a\na\nb\na\n')).toEqual(out('a\nb\na\n'));
    expect(run(uniq, ['uniq', '-c'], 'a\na\nb\n')).toEqual(out('      2 a\n      1 b\n'));
  });
});

describe('cut', () => {
  it('picks fields and characters', () => {
    expect(run(cut, ['cut', '-d', ' ', '-f', '1,3', 'pods.txt']).stdout).toBe('web-1 10.244.1.5\nweb-2 <none>\ndb-1 10.244.2.7\n');
    expect(run(cut, ['cut', '-d:', '-f2-'], 'a:b:c\nnone\n')).toEqual(out('b:c\nnone\n'));
    expect(run(cut, ['cut', '-c', '1-3'], 'abcdef\n')).toEqual(out('abc\n'));
  });
  it('asks for a list', () => {
    expect(run(cut, ['cut', '-d', ' '])).toEqual({ stdout: '', stderr: "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n", exitCode: 1 });
  });
});

describe('awk', () => {
  it('prints fields, NR and literals, with -F and simple patterns', () => {
    expect(run(awk, ['awk', '{print $1, $3}', 'pods.txt']).stdout).toBe('web-1 10.244.1.5\nweb-2 <none>\ndb-1 10.244.2.7\n');
    expect(run(awk, ['awk', '-F:', '{print $2}'], 'a:b\n')).toEqual(out('b\n'));
    expect(run(awk, ['awk', 'NR>1 {print $NF}', 'pods.txt'])).toEqual(out('<none>\nworker-2\n'));
    expect(run(awk, ['awk', '/Running/ {print NR ": " $1}', 'pods.txt'])).toEqual(out('1: web-1\n3: db-1\n'));
    expect(run(awk, ['awk', '$2=="Pending" {print $1}', 'pods.txt'])).toEqual(out('web-2\n'));
    expect(run(awk, ['awk', '{print}'], 'x y\n')).toEqual(out('x y\n'));
  });
  it('refuses, in words, programs beyond print', () => {
    const r = run(awk, ['awk', 'BEGIN {system("rm -rf /")}']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain("only programs like '{print $1, $3}'");
  });
});

describe('seq and tr', () => {
  it('counts', () => {
    expect(run(seq, ['seq', '3'])).toEqual(out('1\n2\n3\n'));
    expect(run(seq, ['seq', '2', '2', '6'])).toEqual(out('2\n4\n6\n'));
    expect(run(seq, ['seq', '5', '1'])).toEqual(out(''));
    expect(run(seq, ['seq', 'x']).stderr).toBe("seq: invalid floating point argument: \u2018x\u2019\nTry 'seq --help' for more information.\n");
    expect(run(seq, ['seq', '1000000']).exitCode).toBe(1);
  });
  it('translates, deletes and squeezes', () => {
    expect(run(tr, ['tr', 'a-z', 'A-Z'], 'web-1\n')).toEqual(out('WEB-1\n'));
    expect(run(tr, ['tr', '-d', '-'], 'web-1\n')).toEqual(out('web1\n'));
    expect(run(tr, ['tr', '-s', ' '], 'a   b\n')).toEqual(out('a b\n'));
    expect(run(tr, ['tr', 'a']).stderr).toBe("tr: missing operand after \u2018a\u2019\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n");
  });
});
