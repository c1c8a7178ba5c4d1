import { describe, expect, it } from 'vitest';
import { run } from './commands.fixture';
import { grep } from './grep';
import { compileRegex } from './regex';

const text = 'web-1 Running\nweb-2 Pending\ndb-1 Running\nWEB-3 Running\n';

describe('grep', () => {
  it('prints matching lines and exits 0, or nothing and exits 1', () => {
    expect(run(grep, ['grep', 'web'], text)).toEqual({ stdout: 'web-1 Running\nweb-2 Pending\n', stderr: '', exitCode: 0 });
    expect(run(grep, ['grep', 'nginx'], text)).toEqual({ stdout: '', stderr: '', exitCode: 1 });
  });
  it('prints context with -A -B -C: `-` after context prefixes, `--` between groups, groups that touch merged', () => {
    const lines = 'a\nb\nc\nnodePort: 1\nd\ne\nf\ng\nh\nnodePort: 2\ni\n';
    expect(run(grep, ['grep', 'nodePort', '-C', '2'], lines).stdout).toBe('b\nc\nnodePort: 1\nd\ne\n--\ng\nh\nnodePort: 2\ni\n');
    expect(run(grep, ['grep', '-n', '-A1', 'nodePort'], lines).stdout).toBe('4:nodePort: 1\n5-d\n--\n10:nodePort: 2\n11-i\n');
    expect(run(grep, ['grep', '-B', '5', 'nodePort'], lines).stdout).toBe('a\nb\nc\nnodePort: 1\nd\ne\nf\ng\nh\nnodePort: 2\n');
    expect(run(grep, ['grep', '-C', 'x', 'a'], lines)).toEqual({ stdout: '', stderr: 'grep: x: invalid context length argument\n', exitCode: 2 });
  });
  it('takes -i -v -c -n -w -x -o', () => {
    expect(run(grep, ['grep', '-i', 'web-3'], text).stdout).toBe('WEB-3 Running\n');
    expect(run(grep, ['grep', '-v', 'Running'], text).stdout).toBe('web-2 Pending\n');
    expect(run(grep, ['grep', '-c', 'Running'], text).stdout).toBe('3\n');
    expect(run(grep, ['grep', '-n', 'db'], text).stdout).toBe('3:db-1 Running\n');
    expect(run(grep, ['grep', '-w', 'web'], 'web-1\nwebsite\n').stdout).toBe('web-1\n');
    expect(run(grep, ['grep', '-x', 'db'], 'db\ndb-1\n').stdout).toBe('db\n');
    expect(run(grep, ['grep', '-o', '[0-9]'], 'a1b2\n').stdout).toBe('1\n2\n');
    expect(run(grep, ['grep', '-iv', 'running'], text).stdout).toBe('web-2 Pending\n');
  });
  it('reads basic and extended regular expressions', () => {
    expect(run(grep, ['grep', '^db'], text).stdout).toBe('db-1 Running\n');
    expect(run(grep, ['grep', 'web-[12]'], text).stdout).toBe('web-1 Running\nweb-2 Pending\n');
    expect(run(grep, ['grep', 'web\\|db'], text).stdout.split('\n')).toHaveLength(4);
    expect(run(grep, ['grep', 'a+'], 'aa\na+\n').stdout).toBe('a+\n');
    expect(run(grep, ['grep', '-E', 'a+'], 'aa\nb\n').stdout).toBe('aa\n');
    expect(run(grep, ['grep', '-E', '(web|db)-1'], text).stdout).toBe('web-1 Running\ndb-1 Running\n');
    expect(run(grep, ['grep', '-F', 'a.b'], 'a.b\naxb\n').stdout).toBe('a.b\n');
    expect(run(grep, ['grep', '[[:digit:]]\\{2\\}'], 'a1\nb22\n').stdout).toBe('b22\n');
  });
  it('names files when there are several, and exits 2 on errors', () => {
    expect(run(grep, ['grep', 'a', 'words.txt', 'numbers.txt']).stdout).toBe('words.txt:a\nwords.txt:a\n');
    expect(run(grep, ['grep', 'x', 'nope'])).toEqual({ stdout: '', stderr: 'grep: nope: No such file or directory\n', exitCode: 2 });
    expect(run(grep, ['grep'])).toEqual({ stdout: '', stderr: "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", exitCode: 2 });
    expect(run(grep, ['grep', '-E', '(a'])).toEqual({ stdout: '', stderr: 'grep: Unmatched ( or \\(\n', exitCode: 2 });
    expect(run(grep, ['grep', '[a'])).toEqual({ stdout: '', stderr: 'grep: Unmatched [, [^, [:, [., or [=\n', exitCode: 2 });
  });
  it('matches in linear time, whatever the pattern', () => {
    const line = 'a'.repeat(5000);
    expect(run(grep, ['grep', '-E', '(a+)+$'], `${line}\n`).exitCode).toBe(0);
    expect(run(grep, ['grep', '-E', '(a|aa)*b'], `${line}\n`).exitCode).toBe(1);
    expect(run(grep, ['grep', 'a*a*a*a*a*a*b'], `${line}\n`).exitCode).toBe(1);
    expect(run(grep, ['grep', '-c', '\\(x*\\)*y'], `${'x'.repeat(3000)}\n`).stdout).toBe('0\n');
  });

  it('finds the leftmost-longest match, as POSIX does', () => {
    const compiled = compileRegex(['a|ab|abc'], { extended: true });
    if (!compiled.ok) throw new Error(compiled.message);
    expect(compiled.regex.search('xabcd', 0)).toEqual([1, 4]);
    expect(run(grep, ['grep', '-oE', 'web-[0-9]+'], 'web-12 web-3\n').stdout).toBe('web-12\nweb-3\n');
    expect(run(grep, ['grep', '-o', '\\<w[a-z]*'], 'a wide word\n').stdout).toBe('wide\nword\n');
    expect(compileRegex(['a\\{1,999\\}'])).toEqual({ ok: false, message: 'Invalid content of \\{\\}' });
    expect(compileRegex(['\\1'])).toEqual({ ok: false, message: 'this simulated shell does not run backreferences' });
  });
});
