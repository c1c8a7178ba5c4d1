import type { ShellCommand } from '../command-table';
import { joinLines, linesOf, readInputs } from './inputs';
import { compileRegex, type Regex } from './regex';

/**
 * awk, only as far as the one-liners of the course go: an optional
 * pattern (`/regex/`, `NR>1`, `NR==2`, `$3=="x"`) and `{print …}` of
 * fields, NR, NF and string literals. The program is parsed into that
 * shape, never evaluated; anything else says so.
 */
type Item = { type: 'field'; index: number | 'NF' } | { type: 'var'; name: 'NR' | 'NF' } | { type: 'text'; value: string };
type Pattern = { type: 'all' } | { type: 'regex'; regex: Regex } | { type: 'nr'; op: string; value: number } | { type: 'fieldEq'; index: number; value: string; negate: boolean };

const UNSUPPORTED = "awk: this simulated shell runs only programs like '{print $1, $3}', with -F and an optional /regex/ or NR>N pattern\n";

export const awk: ShellCommand = (argv, ctx) => {
  const args = argv.slice(1);
  let separator: string | undefined;
  while (args[0]?.startsWith('-F')) {
    const flag = args.shift()!;
    separator = flag.length > 2 ? flag.slice(2) : args.shift();
    if (separator === undefined) return { stdout: '', stderr: 'awk: option requires an argument -- F\n', exitCode: 2 };
    if (separator === '\\t' || separator === 't') separator = '\t';
  }
  const source = args.shift();
  if (source === undefined) return { stdout: '', stderr: 'usage: awk [-F fs][-v var=value][prog | -f progfile][file ...]\n', exitCode: 2 };
  const program = parseProgram(source);
  if (!program) return { stdout: '', stderr: UNSUPPORTED, exitCode: 2 };
  const { inputs, errors } = readInputs('awk', args, ctx);
  const out: string[] = [];
  let nr = 0;
  for (const line of inputs.flatMap((i) => linesOf(i.text))) {
    nr++;
    const fields = separator === undefined || separator === ' ' ? line.trim().split(/[ \t]+/).filter((f) => f !== '') : line.split(separator);
    const field = (i: number) => (i === 0 ? line : (fields[i - 1] ?? ''));
    if (!matches(program.pattern, line, nr, field)) continue;
    const items = program.items.length === 0 ? [[{ type: 'field', index: 0 } as Item]] : program.items;
    out.push(
      items
        .map((parts) =>
          parts
            .map((p) => (p.type === 'text' ? p.value : p.type === 'var' ? String(p.name === 'NR' ? nr : fields.length) : field(p.index === 'NF' ? fields.length : p.index)))
            .join(''),
        )
        .join(' '),
    );
  }
  return { stdout: joinLines(out), stderr: errors ? errors.replace(/^awk: (.*): No such file or directory$/gm, "awk: cannot open \"$1\" (No such file or directory)") : '', exitCode: errors ? 2 : 0 };
};

function matches(pattern: Pattern, line: string, nr: number, field: (i: number) => string): boolean {
  switch (pattern.type) {
    case 'all':
      return true;
    case 'regex':
      return pattern.regex.test(line);
    case 'fieldEq':
      return (field(pattern.index) === pattern.value) !== pattern.negate;
    case 'nr': {
      const v = pattern.value;
      return { '>': nr > v, '>=': nr >= v, '<': nr < v, '<=': nr <= v, '==': nr === v, '!=': nr !== v }[pattern.op] ?? false;
    }
  }
}

function parseProgram(source: string): { pattern: Pattern; items: Item[][] } | undefined {
  const m = /^\s*(.*?)\s*\{\s*print(?:\s+(.*?))?\s*;?\s*\}\s*$/s.exec(source);
  if (!m) return undefined;
  const pattern = parsePattern(m[1]!);
  if (!pattern) return undefined;
  const items: Item[][] = [];
  if (m[2] !== undefined && m[2] !== '') {
    for (const piece of splitCommas(m[2])) {
      const parts = parseItem(piece.trim());
      if (!parts) return undefined;
      items.push(parts);
    }
  }
  return { pattern, items };
}

function parsePattern(text: string): Pattern | undefined {
  if (text === '') return { type: 'all' };
  const re = /^\/(.*)\/$/.exec(text);
  if (re) {
    const compiled = compileRegex([re[1]!], { extended: true });
    return compiled.ok ? { type: 'regex', regex: compiled.regex } : undefined;
  }
  const nr = /^NR\s*(>=|<=|==|!=|>|<)\s*(\d+)$/.exec(text);
  if (nr) return { type: 'nr', op: nr[1]!, value: Number(nr[2]) };
  const eq = /^\$(\d+)\s*(==|!=)\s*"([^"]*)"$/.exec(text);
  if (eq) return { type: 'fieldEq', index: Number(eq[1]), value: eq[3]!, negate: eq[2] === '!=' };
  return undefined;
}

/** Commas outside string literals. */
function splitCommas(text: string): string[] {
  const pieces: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      pieces.push(current);
      current = '';
    } else current += ch;
  }
  pieces.push(current);
  return pieces;
}

/** `$1`, `$NF`, `NR`, `"text"`, side by side (concatenated). */
function parseItem(text: string): Item[] | undefined {
  const parts: Item[] = [];
  let rest = text;
  while (rest !== '') {
    let m: RegExpExecArray | null;
    if ((m = /^\$(\d+)\s*/.exec(rest))) parts.push({ type: 'field', index: Number(m[1]) });
    else if ((m = /^\$NF\s*/.exec(rest))) parts.push({ type: 'field', index: 'NF' });
    else if ((m = /^(NR|NF)\b\s*/.exec(rest))) parts.push({ type: 'var', name: m[1] as 'NR' | 'NF' });
    else if ((m = /^"((?:[^"\\]|\\.)*)"\s*/.exec(rest))) parts.push({ type: 'text', value: m[1]!.replace(/\\t/g, '\t').replace(/\\n/g, '\n').replace(/\\(.)/g, '$1') });
    else return undefined;
    rest = rest.slice(m[0].length);
  }
  return parts.length > 0 ? parts : undefined;
}
