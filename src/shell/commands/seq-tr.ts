import type { ShellCommand } from '../command-table';
import { tryHelp } from './inputs';

/** Not GNU's: a cap that keeps a browser tab responsive. */
export const SEQ_LIMIT = 100_000;

/** seq LAST, seq FIRST LAST, seq FIRST INCREMENT LAST (integers and decimals). */
export const seq: ShellCommand = (argv) => {
  const args = argv.slice(1);
  if (args.length === 0) return { stdout: '', stderr: `seq: missing operand\n${tryHelp('seq')}`, exitCode: 1 };
  if (args.length > 3) return { stdout: '', stderr: `seq: extra operand \u2018${args[3]}\u2019\n${tryHelp('seq')}`, exitCode: 1 };
  for (const a of args) {
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(a)) return { stdout: '', stderr: `seq: invalid floating point argument: \u2018${a}\u2019\n${tryHelp('seq')}`, exitCode: 1 };
  }
  const [first, step, last] = args.length === 1 ? [1, 1, Number(args[0])] : args.length === 2 ? [Number(args[0]), 1, Number(args[1])] : args.map(Number) as [number, number, number];
  if (step === 0) return { stdout: '', stderr: `seq: invalid Zero increment value: \u2018${args[1]}\u2019\n${tryHelp('seq')}`, exitCode: 1 };
  const decimals = Math.max(...args.map((a) => (a.includes('.') ? a.length - a.indexOf('.') - 1 : 0)));
  const count = Math.floor((last - first) / step + 1e-9) + 1;
  if (count > SEQ_LIMIT) return { stdout: '', stderr: `seq: this simulated shell prints at most ${SEQ_LIMIT} numbers\n`, exitCode: 1 };
  let stdout = '';
  for (let i = 0; i < count; i++) stdout += `${(first + i * step).toFixed(decimals)}\n`;
  return { stdout, stderr: '', exitCode: 0 };
};

/** tr SET1 SET2, tr -d SET1, tr -s SET1: ranges (a-z), escapes (\n \t) and [:upper:]/[:lower:]/[:space:]/[:digit:]. */
export const tr: ShellCommand = (argv, ctx) => {
  const args = argv.slice(1);
  let del = false;
  let squeeze = false;
  while (args[0] && /^-[ds]+$/.test(args[0])) {
    const flags = args.shift()!;
    del ||= flags.includes('d');
    squeeze ||= flags.includes('s');
  }
  if (args.length === 0) return { stdout: '', stderr: `tr: missing operand\n${tryHelp('tr')}`, exitCode: 1 };
  const set1 = expandSet(args[0]!);
  if (!del && !squeeze && args.length < 2) return { stdout: '', stderr: `tr: missing operand after \u2018${args[0]}\u2019\nTwo strings must be given when translating.\n${tryHelp('tr')}`, exitCode: 1 };
  const set2 = args[1] !== undefined ? expandSet(args[1]) : [];
  let out = '';
  let last = '';
  for (const ch of ctx.stdin) {
    let c: string | undefined = ch;
    const at = set1.indexOf(ch);
    if (del && at !== -1) c = undefined;
    else if (!del && set2.length > 0 && at !== -1) c = set2[Math.min(at, set2.length - 1)]!;
    if (c === undefined) continue;
    const squeezeSet = del ? set2 : set2.length > 0 ? set2 : set1;
    if (squeeze && c === last && squeezeSet.includes(c)) continue;
    out += c;
    last = c;
  }
  return { stdout: out, stderr: '', exitCode: 0 };
};

const CLASSES: Record<string, string> = { upper: 'A-Z', lower: 'a-z', digit: '0-9', space: ' \t\n\r\f\v', blank: ' \t', alpha: 'a-zA-Z', alnum: 'a-zA-Z0-9' };

function expandSet(text: string): string[] {
  const source = text.replace(/\[:(\w+):\]/g, (all, name: string) => CLASSES[name] ?? all).replace(/\\([ntr\\])/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r', '\\': '\\' })[c]!);
  const chars = [...source];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i + 1] === '-' && chars[i + 2] !== undefined) {
      const from = chars[i]!.codePointAt(0)!;
      const to = chars[i + 2]!.codePointAt(0)!;
      for (let c = from; c <= to && out.length < 1024; c++) out.push(String.fromCodePoint(c));
      i += 2;
    } else out.push(chars[i]!);
  }
  return out;
}
