import { message } from '../messages';
import type { ParseResult } from './command';
import { flagSet, flagValue, type ParsedFlags } from './flags';
import { parseLabelQuery, type Requirement } from './selector';
import { noTargets, parseTargets, type Targets } from './targets';

/** `kubectl describe` as typed: what the describe command executes. */
export interface DescribeCommand {
  verb: 'describe';
  /** The resource arguments; with -f, none and the objects come from `filenames`. */
  targets: Targets;
  /** -f: the objects those files name, fetched live. */
  filenames: string[];
  namespace?: string;
  allNamespaces: boolean;
  selector?: Requirement[];
  /** -l as typed, and the apiserver's complaint when it cannot parse it (each list request then fails). */
  selectorText?: string;
  selectorError?: string;
  showEvents: boolean;
  /** The two arguments `TYPE NAME_PREFIX`: a name that is not found is tried as a prefix. */
  prefixFallback: boolean;
}

/** describe's flags and arguments, checked in kubectl's order (ToOptions, then the builder). */
export function parseDescribe(flags: ParsedFlags): ParseResult {
  const filenames = flags.values.get('filename') ?? [];
  if (filenames.length > 0 && flags.positional.length > 0) return { ok: false, error: message('pathsWithResources') };
  if (filenames.length === 0 && flags.positional.length === 0) return { ok: false, error: message('describeNeedsType') };
  const targets = filenames.length > 0 ? noTargets() : parseTargets(flags.positional);
  if (!targets.ok) return { ok: false, error: targets.error };
  const selectorText = flagValue(flags, 'selector');
  const parsed = selectorText === undefined ? undefined : parseLabelQuery(selectorText);
  const selector: Requirement[] | undefined = parsed?.ok ? parsed.requirements : undefined;
  const t = targets.targets;
  const named = filenames.length === 0 && (t.form === 'pairs' || t.names.length > 0);
  if (named && selectorText !== undefined) return { ok: false, error: message('nameWithSelector') };
  if (named && flagSet(flags, 'all-namespaces')) return { ok: false, error: message('nameAcrossNamespaces') };
  const namespace = flagValue(flags, 'namespace') || undefined;
  const showEvents = flagValue(flags, 'show-events');
  return {
    ok: true,
    command: {
      verb: 'describe',
      targets: t,
      filenames,
      ...(namespace ? { namespace } : {}),
      allNamespaces: flagSet(flags, 'all-namespaces'),
      ...(selector ? { selector } : {}),
      ...(selectorText !== undefined ? { selectorText } : {}),
      ...(parsed && !parsed.ok ? { selectorError: parsed.detail } : {}),
      showEvents: showEvents === undefined || flagSet(flags, 'show-events'),
      prefixFallback: t.form === 'types' && t.names.length === 1 && flags.positional.length === 2,
    },
  };
}
