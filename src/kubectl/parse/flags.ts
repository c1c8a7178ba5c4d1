import { message, type Message } from '../messages';

/**
 * kubectl's flag syntax, as spf13/pflag parses it: `--namespace=ns`,
 * `--namespace ns`, `-n ns`, `-nns`, `-n=ns`, `-owide`, bundled booleans
 * (`-Aw`), repeated flags, flags anywhere among the arguments, and `--`
 * ending them. Errors carry pflag's wording.
 */
export type FlagType = 'string' | 'bool' | 'int';

export interface FlagDef {
  name: string;
  short?: string;
  type: FlagType;
  /** False for real kubectl flags this simulation lacks: using one says so instead of "unknown flag". */
  supported?: boolean;
  /** pflag's NoOptDefVal: the value a bare `--flag` takes (`true` for booleans). */
  bare?: string;
}

export interface ParsedFlags {
  positional: string[];
  /** Values by long name, in the order given. */
  values: Map<string, string[]>;
  /** Unsupported flags that were used, as typed (`--watch`). */
  unsupported: string[];
}

export type FlagResult = { ok: true; flags: ParsedFlags } | { ok: false; error: Message };

const BOOL_TEXT = new Set(['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False']);

/** strconv.ParseBool's spellings of true. */
export function isTrue(text: string | undefined): boolean {
  return text === '1' || text === 't' || text === 'T' || text === 'TRUE' || text === 'true' || text === 'True';
}

export function parseFlags(argv: readonly string[], defs: readonly FlagDef[], commandPath: string): FlagResult {
  const byName = new Map(defs.map((d) => [d.name, d]));
  const byShort = new Map(defs.filter((d) => d.short).map((d) => [d.short!, d]));
  const flags: ParsedFlags = { positional: [], values: new Map(), unsupported: [] };
  const args = [...argv];

  const set = (def: FlagDef, value: string, typed: string): Message | undefined => {
    const flagName = def.short ? `-${def.short}, --${def.name}` : `--${def.name}`;
    if (def.type === 'bool' && !BOOL_TEXT.has(value)) return message('invalidFlagValue', value, flagName, 'ParseBool', commandPath);
    if (def.type === 'int' && !/^[+-]?\d+$/.test(value)) return message('invalidFlagValue', value, flagName, 'ParseInt', commandPath);
    if (def.supported === false) flags.unsupported.push(typed);
    flags.values.set(def.name, [...(flags.values.get(def.name) ?? []), value]);
    return undefined;
  };
  const bareValue = (def: FlagDef) => def.bare ?? (def.type === 'bool' ? 'true' : undefined);

  while (args.length > 0) {
    const arg = args.shift()!;
    if (arg.length < 2 || !arg.startsWith('-')) {
      flags.positional.push(arg);
      continue;
    }
    if (arg === '--') {
      flags.positional.push(...args);
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq === -1 ? undefined : eq);
      const def = byName.get(name);
      if (!def) return { ok: false, error: message('unknownFlag', `--${name}`, commandPath) };
      let value: string | undefined;
      if (eq !== -1) value = arg.slice(eq + 1);
      else if (bareValue(def) !== undefined) value = bareValue(def);
      else if (args.length > 0) value = args.shift();
      if (value === undefined) return { ok: false, error: message('flagNeedsArgument', arg, commandPath) };
      const problem = set(def, value, `--${name}`);
      if (problem) return { ok: false, error: problem };
      continue;
    }
    let shorthands = arg.slice(1);
    while (shorthands.length > 0) {
      const letter = shorthands[0]!;
      const def = byShort.get(letter);
      if (!def) return { ok: false, error: message('unknownShorthand', letter, `-${shorthands}`, commandPath) };
      let value: string | undefined;
      let rest = shorthands.slice(1);
      if (shorthands.length > 2 && shorthands[1] === '=') {
        value = shorthands.slice(2);
        rest = '';
      } else if (bareValue(def) !== undefined) {
        value = bareValue(def);
      } else if (shorthands.length > 1) {
        value = shorthands.slice(1);
        rest = '';
      } else if (args.length > 0) {
        value = args.shift();
      }
      if (value === undefined) return { ok: false, error: message('flagNeedsArgument', `'${letter}' in -${shorthands}`, commandPath) };
      const problem = set(def, value, `-${letter}`);
      if (problem) return { ok: false, error: problem };
      shorthands = rest;
    }
  }
  return { ok: true, flags };
}

/** The last value given for a flag (pflag keeps the last for scalar flags). */
export function flagValue(flags: ParsedFlags, name: string): string | undefined {
  return flags.values.get(name)?.at(-1);
}

export function flagSet(flags: ParsedFlags, name: string): boolean {
  return isTrue(flagValue(flags, name));
}
