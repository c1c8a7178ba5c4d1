import type { ShellCommand } from '../command-table';
import { getopt, joinLines, linesOf, optionError, readInputs, tryHelp } from './inputs';

/** cut -f LIST [-d C] or -c LIST; LIST as `1,3`, `2-4`, `-2`, `3-`. */
export const cut: ShellCommand = (argv, ctx) => {
  const parsed = getopt(argv.slice(1), 's', 'fdcb');
  if (!parsed.ok) return { stdout: '', stderr: optionError('cut', parsed), exitCode: 1 };
  const value = (l: string) => parsed.options.filter(([x]) => x === l).at(-1)?.[1];
  const fields = value('f');
  const chars = value('c') ?? value('b');
  const list = fields ?? chars;
  if (list === undefined) return { stdout: '', stderr: `cut: you must specify a list of bytes, characters, or fields\n${tryHelp('cut')}`, exitCode: 1 };
  const delimiter = value('d') ?? '\t';
  if (delimiter.length !== 1) return { stdout: '', stderr: `cut: the delimiter must be a single character\n${tryHelp('cut')}`, exitCode: 1 };
  const ranges = parseList(list);
  if (typeof ranges === 'string') return { stdout: '', stderr: `cut: ${ranges}\n${tryHelp('cut')}`, exitCode: 1 };
  const wanted = (n: number) => ranges.some(([lo, hi]) => n >= lo && n <= hi);
  const { inputs, errors } = readInputs('cut', parsed.operands, ctx);
  const lines = inputs.flatMap((i) => linesOf(i.text)).flatMap((line) => {
    if (fields === undefined) return [[...line].filter((_, i) => wanted(i + 1)).join('')];
    if (!line.includes(delimiter)) return parsed.options.some(([l]) => l === 's') ? [] : [line];
    return [line.split(delimiter).filter((_, i) => wanted(i + 1)).join(delimiter)];
  });
  return { stdout: joinLines(lines), stderr: errors, exitCode: errors ? 1 : 0 };
};

function parseList(list: string): [number, number][] | string {
  const ranges: [number, number][] = [];
  for (const part of list.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (m[1] === '' && m[3] === '') ) return part === '' || part === '-' ? 'invalid range with no endpoint: -' : `invalid field value \u2018${part}\u2019`;
    const lo = m[1] === '' ? 1 : Number(m[1]);
    const hi = m[2] === '' ? lo : m[3] === '' ? Infinity : Number(m[3]);
    if (lo === 0 || hi === 0) return 'fields and positions are numbered from 1';
    if (hi < lo) return 'invalid decreasing range';
    ranges.push([lo, hi]);
  }
  return ranges;
}
