import type { ShellCommand } from '../command-table';
import { getopt, optionError, readInputs } from './inputs';

/**
 * wc with -l -w -c (default: all three), GNU's layout: one count from one
 * input unpadded; from standard input alone, columns 7 wide; from files, as
 * wide as the total byte count.
 */
export const wc: ShellCommand = (argv, ctx) => {
  const parsed = getopt(argv.slice(1), 'lwcm', '');
  if (!parsed.ok) return { stdout: '', stderr: optionError('wc', parsed), exitCode: 1 };
  let which = parsed.options.map(([l]) => (l === 'm' ? 'c' : l));
  if (which.length === 0) which = ['l', 'w', 'c'];
  const order = ['l', 'w', 'c'].filter((l) => which.includes(l));
  const { inputs, errors } = readInputs('wc', parsed.operands, ctx);
  const rows = inputs.map((input) => ({
    name: input.name === '-' && parsed.operands.length === 0 ? '' : input.name,
    counts: order.map((l) => count(l, input.text)),
  }));
  if (rows.length > 1) rows.push({ name: 'total', counts: order.map((_, k) => rows.reduce((sum, r) => sum + r.counts[k]!, 0)) });
  const totalBytes = inputs.reduce((sum, i) => sum + utf8Length(i.text), 0);
  const width = order.length === 1 && rows.length === 1 ? 1 : parsed.operands.length === 0 ? 7 : String(totalBytes).length;
  const stdout = rows.map((r) => `${r.counts.map((c) => String(c).padStart(width)).join(' ')}${r.name ? ` ${r.name}` : ''}\n`).join('');
  return { stdout, stderr: errors, exitCode: errors ? 1 : 0 };
};

function count(letter: string, text: string): number {
  if (letter === 'l') return (text.match(/\n/g) ?? []).length;
  if (letter === 'w') return text.split(/[ \t\n\r\f\v]+/).filter((w) => w !== '').length;
  return utf8Length(text);
}

/** Bytes of the text in UTF-8 (TextEncoder is not in the core's library). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return bytes;
}
