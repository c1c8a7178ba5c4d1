/**
 * kubectl's flag conventions (spf13/pflag): `-n ns`, `-nns`, `--namespace=ns`,
 * `-owide`, repeated `-f`, `--` ending the flags. Returns the positional
 * arguments and the flags, or the error text pflag would print.
 */
export interface FlagSpec {
  /** Long name → short letter (or '' for none). */
  values: Record<string, string>;
  booleans: Record<string, string>;
}

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string[]>;
  /** Words after `--`. */
  rest: string[];
}

export class FlagError extends Error {}

export function parseArgs(argv: string[], spec: FlagSpec): ParsedArgs {
  const flags = new Map<string, string[]>();
  const positional: string[] = [];
  const shortToLong = new Map<string, string>();
  for (const [long, short] of [...Object.entries(spec.values), ...Object.entries(spec.booleans)]) if (short) shortToLong.set(short, long);
  const set = (name: string, value: string) => flags.set(name, [...(flags.get(name) ?? []), value]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return { positional, flags, rest: argv.slice(i + 1) };
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq === -1 ? undefined : eq);
      if (name in spec.values) {
        const value = eq !== -1 ? arg.slice(eq + 1) : argv[++i];
        if (value === undefined) throw new FlagError(`flag needs an argument: --${name}`);
        set(name, value);
      } else if (name in spec.booleans) {
        set(name, eq !== -1 ? arg.slice(eq + 1) : 'true');
      } else {
        throw new FlagError(`unknown flag: --${name}`);
      }
    } else if (arg.startsWith('-') && arg.length > 1) {
      const letter = arg[1]!;
      const long = shortToLong.get(letter);
      if (!long) throw new FlagError(`unknown shorthand flag: '${letter}' in ${arg}`);
      if (long in spec.values) {
        let value = arg.length > 2 ? arg.slice(2) : argv[++i];
        if (value?.startsWith('=')) value = value.slice(1);
        if (value === undefined) throw new FlagError(`flag needs an argument: '${letter}' in -${letter}`);
        set(long, value);
      } else {
        set(long, 'true');
      }
    } else {
      positional.push(arg);
    }
  }
  return { positional, flags, rest: [] };
}

export function flag(parsed: ParsedArgs, name: string): string | undefined {
  return parsed.flags.get(name)?.at(-1);
}

export function boolFlag(parsed: ParsedArgs, name: string): boolean {
  const v = flag(parsed, name);
  return v !== undefined && v !== 'false';
}
