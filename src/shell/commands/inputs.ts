import type { CommandContext } from '../command-table';

export interface Input {
  name: string;
  text: string;
}

/**
 * The texts a filter reads: each named file (`-` is standard input), or
 * standard input when none is named. Missing files become GNU's message,
 * or the program's own (`messages`).
 */
export function readInputs(program: string, operands: readonly string[], ctx: CommandContext, messages?: { missing: (name: string) => string; folder: (name: string) => string }): { inputs: Input[]; errors: string } {
  if (operands.length === 0) return { inputs: [{ name: '-', text: ctx.stdin }], errors: '' };
  const inputs: Input[] = [];
  let errors = '';
  for (const name of operands) {
    if (name === '-') {
      inputs.push({ name, text: ctx.stdin });
      continue;
    }
    const text = ctx.files.readFile(name);
    if (text !== undefined) inputs.push({ name, text });
    else if (ctx.files.listDir(name) !== undefined) errors += messages ? messages.folder(name) : `${program}: ${name}: Is a directory\n`;
    else errors += messages ? messages.missing(name) : `${program}: ${name}: No such file or directory\n`;
  }
  return { inputs, errors };
}

/** Lines of a text, without the newline that ends the last one. */
export function linesOf(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

export const joinLines = (lines: readonly string[]): string => lines.map((l) => `${l}\n`).join('');

/** GNU's hint after a usage error. */
export const tryHelp = (program: string): string => `Try '${program} --help' for more information.\n`;

/**
 * Splits `-abc` style options as getopt does. `withValue` lists letters that
 * take a value (`-n 5`, `-n5`). Stops at `--` or the first operand unless
 * `permute` (GNU moves options from anywhere).
 */
export function getopt(
  argv: readonly string[],
  letters: string,
  withValue: string,
): { ok: true; options: [string, string][]; operands: string[] } | { ok: false; bad: string; missing: boolean } {
  const options: [string, string][] = [];
  const operands: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      operands.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      operands.push(arg);
      continue;
    }
    for (let j = 1; j < arg.length; j++) {
      const letter = arg[j]!;
      if (withValue.includes(letter)) {
        const value = j + 1 < arg.length ? arg.slice(j + 1) : argv[++i];
        if (value === undefined) return { ok: false, bad: letter, missing: true };
        options.push([letter, value]);
        break;
      }
      if (!letters.includes(letter)) return { ok: false, bad: letter, missing: false };
      options.push([letter, '']);
    }
  }
  return { ok: true, options, operands };
}

/** GNU getopt's complaint for a bad option. */
export function optionError(program: string, bad: { bad: string; missing: boolean }): string {
  return bad.missing
    ? `${program}: option requires an argument -- '${bad.bad}'\n${tryHelp(program)}`
    : `${program}: invalid option -- '${bad.bad}'\n${tryHelp(program)}`;
}
