import type { ShellCommand } from '../command-table';
import { getopt, linesOf, optionError, readInputs, tryHelp } from './inputs';
import { compileRegex } from './regex';

/**
 * grep with -i -v -c -E -F -w -x -n -o -q -h -l -e -A -B -C: basic or extended
 * regular expressions (run in linear time, see regex.ts) or fixed strings.
 * Exit 0 when a line matched, 1 when none did, 2 on errors, as GNU grep.
 */
export const grep: ShellCommand = (argv, ctx) => {
  const parsed = getopt(argv.slice(1), 'ivcEFGwxnoqhlHrs', 'eABC');
  if (!parsed.ok) return { stdout: '', stderr: usageError(parsed), exitCode: 2 };
  const has = (letter: string) => parsed.options.some(([l]) => l === letter);
  if (has('r')) return { stdout: '', stderr: 'grep: -r is not available in this simulated shell\n', exitCode: 2 };
  const operands = [...parsed.operands];
  const patterns = parsed.options.filter(([l]) => l === 'e').map(([, v]) => v);
  if (patterns.length === 0) {
    if (operands.length === 0) return { stdout: '', stderr: `Usage: grep [OPTION]... PATTERNS [FILE]...\n${tryHelp('grep')}`, exitCode: 2 };
    patterns.push(...operands.shift()!.split('\n'));
  }
  const compiled = compileRegex(patterns, { extended: has('E'), fixed: has('F'), ignoreCase: has('i'), word: has('w'), line: has('x') });
  if (!compiled.ok) return { stdout: '', stderr: `grep: ${compiled.message}\n`, exitCode: 2 };
  const regex = compiled.regex;
  const context = contextLines(parsed.options);
  if (typeof context === 'string') return { stdout: '', stderr: `grep: ${context}: invalid context length argument\n`, exitCode: 2 };

  const { inputs, errors } = readInputs('grep', operands, ctx);
  const prefixNames = (operands.length > 1 || has('H')) && !has('h');
  let stdout = '';
  let matchedAny = false;
  for (const input of inputs) {
    let count = 0;
    const name = input.name === '-' ? '(standard input)' : input.name;
    const lines = linesOf(input.text);
    // Context (-A/-B/-C): lines around a match, `-` after their prefix instead of `:`, `--` between groups.
    let lastPrinted = -1;
    let after = 0;
    const printContext = (index: number) => {
      if (lastPrinted !== -1 && index > lastPrinted + 1) stdout += '--\n';
      stdout += `${prefixNames ? `${name}-` : ''}${has('n') ? `${index + 1}-` : ''}${lines[index]}\n`;
      lastPrinted = index;
    };
    lines.forEach((line, index) => {
      const matches = regex.test(line);
      if (matches === has('v')) {
        if (after > 0 && !has('c') && !has('q') && !has('l')) {
          printContext(index);
          after--;
        }
        return;
      }
      count++;
      if (has('c') || has('q') || has('l')) return;
      const prefix = `${prefixNames ? `${name}:` : ''}${has('n') ? `${index + 1}:` : ''}`;
      if (context.before > 0 || context.after > 0) {
        for (let i = Math.max(0, index - context.before, lastPrinted + 1); i < index; i++) printContext(i);
        if (lastPrinted !== -1 && index > lastPrinted + 1) stdout += '--\n';
        lastPrinted = index;
        after = context.after;
      }
      if (has('o') && !has('v')) {
        for (let at = 0, m = regex.search(line, 0); m; m = regex.search(line, at)) {
          if (m[1] > m[0]) stdout += `${prefix}${line.slice(m[0], m[1])}\n`;
          at = m[1] > m[0] ? m[1] : m[0] + 1;
          if (at > line.length) break;
        }
      } else {
        stdout += `${prefix}${line}\n`;
      }
    });
    if (count > 0) matchedAny = true;
    if (has('c')) stdout += `${prefixNames ? `${name}:` : ''}${count}\n`;
    if (has('l') && count > 0) stdout += `${name}\n`;
  }
  if (has('q')) stdout = '';
  const exitCode = errors && !(has('q') && matchedAny) ? 2 : matchedAny ? 0 : 1;
  return { stdout, stderr: has('s') ? '' : errors, exitCode };
};

/** -A N, -B N, -C N (the last of each wins; -C sets both unless -A/-B come after); the bad argument when one is not a number. */
function contextLines(options: readonly (readonly [string, string])[]): { before: number; after: number } | string {
  let before = 0;
  let after = 0;
  for (const [letter, value] of options) {
    if (letter !== 'A' && letter !== 'B' && letter !== 'C') continue;
    if (!/^\d+$/.test(value)) return value;
    const n = Number(value);
    if (letter !== 'B') after = n;
    if (letter !== 'A') before = n;
  }
  return { before, after };
}

function usageError(bad: { bad: string; missing: boolean }): string {
  return bad.missing ? optionError('grep', bad) : `grep: invalid option -- '${bad.bad}'\nUsage: grep [OPTION]... PATTERNS [FILE]...\n${tryHelp('grep')}`;
}
