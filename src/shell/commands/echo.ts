import { ok, type ShellCommand } from '../command-table';

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b', '\\': '\\' };

/** bash's echo: leading `-n`, `-e`, `-E` (and bundles of them) are options; anything else is text. */
export const echo: ShellCommand = (argv) => {
  const args = argv.slice(1);
  let newline = true;
  let escapes = false;
  while (args.length > 0 && /^-[neE]+$/.test(args[0]!)) {
    for (const letter of args.shift()!.slice(1)) {
      if (letter === 'n') newline = false;
      else escapes = letter === 'e';
    }
  }
  let text = args.join(' ');
  if (escapes) {
    const stop = text.indexOf('\\c');
    if (stop !== -1) {
      text = text.slice(0, stop);
      newline = false;
    }
    text = text.replace(/\\(0[0-7]{0,3}|.)/g, (all, code: string) => {
      if (code.startsWith('0')) return String.fromCharCode(parseInt(code.slice(1) || '0', 8));
      return ESCAPES[code] ?? all;
    });
  }
  return ok(newline ? `${text}\n` : text);
};
