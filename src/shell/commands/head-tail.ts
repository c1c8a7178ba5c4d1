import type { ShellCommand } from '../command-table';
import { joinLines, linesOf, readInputs, tryHelp } from './inputs';

type Count = { n: number; fromStart: boolean };

/** `-n N`, `-nN`, `-N`, `-n +N` (tail: from line N). */
function parseCount(program: string, argv: readonly string[]): { count: Count; operands: string[] } | string {
  let count: Count = { n: 10, fromStart: false };
  const operands: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    let value: string | undefined;
    if (arg === '-n' || arg === '--lines') value = argv[++i];
    else if (arg.startsWith('-n')) value = arg.slice(2);
    else if (arg.startsWith('--lines=')) value = arg.slice(8);
    else if (/^-\d+$/.test(arg)) value = arg.slice(1);
    else if (arg.startsWith('-') && arg !== '-') return `${program}: invalid option -- '${arg[1]}'\n${tryHelp(program)}`;
    else {
      operands.push(arg);
      continue;
    }
    if (value === undefined) return `${program}: option requires an argument -- 'n'\n${tryHelp(program)}`;
    const m = /^([+-]?)(\d+)$/.exec(value);
    if (!m) return `${program}: invalid number of lines: \u2018${value}\u2019\n`;
    count = { n: Number(m[2]), fromStart: m[1] === '+' };
  }
  return { count, operands };
}

/**
 * What each one says for a file it cannot open: GNU's head and tail
 * `cannot open 'F' for reading`; BusyBox's head the bare perror, its tail
 * open_or_warn's `can't open 'F'`.
 */
function openMessages(program: 'head' | 'tail', busybox: boolean): { missing: (name: string) => string; folder: (name: string) => string } {
  if (busybox && program === 'head') return { missing: (f) => `head: ${f}: No such file or directory\n`, folder: (f) => `head: ${f}: Is a directory\n` };
  if (busybox) return { missing: (f) => `tail: can't open '${f}': No such file or directory\n`, folder: () => 'tail: read error: Is a directory\n' };
  return { missing: (f) => `${program}: cannot open '${f}' for reading: No such file or directory\n`, folder: (f) => `${program}: error reading '${f}': Is a directory\n` };
}

function filter(program: 'head' | 'tail', pick: (lines: string[], count: Count) => string[]): ShellCommand {
  return (argv, ctx) => {
    const parsed = parseCount(program, argv.slice(1));
    if (typeof parsed === 'string') return { stdout: '', stderr: parsed, exitCode: 1 };
    const { inputs, errors } = readInputs(program, parsed.operands, ctx, openMessages(program, ctx.userland === 'busybox'));
    // BusyBox's tail gives up when it opened no file at all.
    if (program === 'tail' && ctx.userland === 'busybox' && inputs.length === 0) return { stdout: '', stderr: `${errors}tail: no files\n`, exitCode: 1 };
    let stdout = '';
    inputs.forEach((input, i) => {
      if (inputs.length > 1) stdout += `${i > 0 ? '\n' : ''}==> ${input.name === '-' ? 'standard input' : input.name} <==\n`;
      stdout += joinLines(pick(linesOf(input.text), parsed.count));
    });
    return { stdout, stderr: errors, exitCode: errors ? 1 : 0 };
  };
}

export const head = filter('head', (lines, { n }) => lines.slice(0, n));
export const tail = filter('tail', (lines, { n, fromStart }) => (fromStart ? lines.slice(Math.max(n - 1, 0)) : n === 0 ? [] : lines.slice(-n)));
