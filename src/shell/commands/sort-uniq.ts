import type { ShellCommand } from '../command-table';
import { getopt, joinLines, linesOf, optionError, readInputs } from './inputs';

/**
 * sort with -r -n -u -k N (whitespace fields from N to the end of the line)
 * and -t C. Text compares by code unit, as in the C locale; GNU sort in an
 * en_US locale orders case and punctuation differently (uncertain which the
 * learner's workstation uses).
 */
export const sort: ShellCommand = (argv, ctx) => {
  const parsed = getopt(argv.slice(1), 'rnuf', 'kt');
  if (!parsed.ok) return { stdout: '', stderr: optionError('sort', parsed), exitCode: 2 };
  const has = (l: string) => parsed.options.some(([x]) => x === l);
  const keyText = parsed.options.filter(([l]) => l === 'k').at(-1)?.[1];
  const separator = parsed.options.filter(([l]) => l === 't').at(-1)?.[1];
  let keyField = 1;
  let keyEnd: number | undefined;
  if (keyText !== undefined) {
    const m = /^(\d+)(?:,(\d+))?[a-z]*$/.exec(keyText);
    if (!m || Number(m[1]) === 0) return { stdout: '', stderr: `sort: invalid number at field start: invalid count at start of \u2018${keyText}\u2019\n`, exitCode: 2 };
    keyField = Number(m[1]);
    keyEnd = m[2] ? Number(m[2]) : undefined;
    if (keyText.includes('n')) parsed.options.push(['n', '']);
  }
  // Every input is checked before sorting, and the first unreadable one ends sort: GNU's check_inputs
  // (`cannot read: F`, exit 2), BusyBox's xfopen (`can't open 'F'`, exit 1).
  const busybox = ctx.userland === 'busybox';
  const messages = { missing: (f: string) => (busybox ? `sort: can't open '${f}': No such file or directory\n` : `sort: cannot read: ${f}: No such file or directory\n`), folder: (f: string) => `sort: read failed: ${f}: Is a directory\n` };
  const { inputs, errors } = readInputs('sort', parsed.operands, ctx, messages);
  if (errors) return { stdout: '', stderr: errors.slice(0, errors.indexOf('\n') + 1), exitCode: busybox ? 1 : 2 };
  const lines = inputs.flatMap((i) => linesOf(i.text));
  const key = (line: string): string => {
    if (keyText === undefined) return line;
    const fields = separator !== undefined ? line.split(separator) : line.trim().split(/[ \t]+/);
    return fields.slice(keyField - 1, keyEnd).join(separator ?? ' ');
  };
  const numeric = has('n');
  const fold = has('f');
  const compare = (a: string, b: string): number => {
    const ka = key(a);
    const kb = key(b);
    if (numeric) {
      const d = leadingNumber(ka) - leadingNumber(kb);
      if (d !== 0) return d;
    } else {
      const x = fold ? ka.toUpperCase() : ka;
      const y = fold ? kb.toUpperCase() : kb;
      if (x !== y) return x < y ? -1 : 1;
    }
    // GNU's last resort: the whole line, byte by byte.
    return a < b ? -1 : a > b ? 1 : 0;
  };
  let sorted = [...lines].sort(compare);
  if (has('r')) sorted.reverse();
  if (has('u')) sorted = sorted.filter((l, i) => i === 0 || compare(sorted[i - 1]!, l) !== 0);
  return { stdout: joinLines(sorted), stderr: errors, exitCode: errors ? 2 : 0 };
};

function leadingNumber(text: string): number {
  const m = /^\s*(-?\d+(?:\.\d*)?)/.exec(text);
  return m ? Number(m[1]) : 0;
}

/** uniq with -c -d -u -i: adjacent equal lines once. */
export const uniq: ShellCommand = (argv, ctx) => {
  const parsed = getopt(argv.slice(1), 'cdui', '');
  if (!parsed.ok) return { stdout: '', stderr: optionError('uniq', parsed), exitCode: 1 };
  const has = (l: string) => parsed.options.some(([x]) => x === l);
  const { inputs, errors } = readInputs('uniq', parsed.operands.slice(0, 1), ctx);
  const same = (a: string, b: string) => (has('i') ? a.toLowerCase() === b.toLowerCase() : a === b);
  const groups: { line: string; count: number }[] = [];
  for (const line of inputs.flatMap((i) => linesOf(i.text))) {
    const last = groups.at(-1);
    if (last && same(last.line, line)) last.count++;
    else groups.push({ line, count: 1 });
  }
  const kept = groups.filter((g) => (has('d') ? g.count > 1 : has('u') ? g.count === 1 : true));
  const stdout = kept.map((g) => `${has('c') ? `${String(g.count).padStart(7)} ` : ''}${g.line}\n`).join('');
  return { stdout, stderr: errors, exitCode: errors ? 1 : 0 };
};
