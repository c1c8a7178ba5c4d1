import { message, type DryRunSuffix, type Message } from '../messages';
import { parseDescribe, type DescribeCommand } from './describe';
import { APPLY_FLAGS, CREATE_FLAGS, DELETE_FLAGS, DESCRIBE_FLAGS, GET_FLAGS, GET_FORMATS, GLOBAL_FLAGS, WRITE_FORMATS } from './flag-specs';
import { flagSet, flagValue, parseFlags, type FlagDef, type ParsedFlags } from './flags';
import { parseFieldSelector, type FieldRequirement } from './field-selector';
import { parseLabelQuery, type Requirement } from './selector';
import { suggestCommands } from './suggest';
import { noTargets, parseTargets, type Targets } from './targets';

/** `kubectl get` as typed, checked and resolved: what the get command executes. */
export interface GetCommand {
  verb: 'get';
  /** The resource arguments; with -f, none (`pairs` of nothing) and the objects come from `filenames`. */
  targets: Targets;
  /** -f: the objects those files name, fetched live. */
  filenames: string[];
  /** --subresource: the named objects' status (the object itself) or scale (an autoscaling/v1 Scale). */
  subresource?: 'status' | 'scale';
  /** -n; undefined means the context's namespace. */
  namespace?: string;
  allNamespaces: boolean;
  output: '' | 'wide' | 'yaml' | 'json' | 'name' | 'jsonpath' | 'custom-columns' | 'go-template';
  /** The JSONPath template or the custom-columns spec, as typed after `=`. */
  template?: string;
  selector?: Requirement[];
  /** The -l and --field-selector text as typed: the apiserver's errors quote it. */
  selectorText?: string;
  /** A -l the apiserver would refuse: every list request fails with it. */
  selectorError?: string;
  fieldSelectorText?: string;
  fieldSelector?: FieldRequirement[];
  fieldSelectorError?: string;
  noHeaders: boolean;
  showLabels: boolean;
  /** -L keys, in order (comma-separated or repeated). */
  labelColumns: string[];
  /** --sort-by as typed (`.metadata.name` or `{.metadata.name}`). */
  sortBy?: string;
  /** -w: print the current state, then the terminal may keep watching (see KubectlResult.watch). */
  watch: boolean;
  ignoreNotFound: boolean;
}

export interface WriteCommand {
  verb: 'apply' | 'create';
  filenames: string[];
  namespace?: string;
  dryRun: DryRunSuffix;
  output: '' | 'yaml' | 'json' | 'name';
}

export interface DeleteCommand {
  verb: 'delete';
  /** By resource arguments; undefined when deleting what files describe. */
  targets?: Targets;
  filenames: string[];
  namespace?: string;
  allNamespaces: boolean;
  selector?: Requirement[];
  all: boolean;
  /** -1 for each object's own grace period, as kubectl sends none. */
  gracePeriod: number;
  force: boolean;
  wait: boolean;
  ignoreNotFound: boolean;
  dryRun: DryRunSuffix;
  outputName: boolean;
}

export interface HelpCommand {
  verb: 'help';
  topic: 'kubectl' | 'get' | 'apply' | 'create' | 'delete' | 'describe';
  /**
   * `kubectl create` without -f: kubectl says so, then prints its help to
   * stderr and exits 1 (cobra's DefaultSubCommandRun), or, given words that
   * name no subcommand, refuses them as an unknown command.
   */
  missingFilename?: { unknownCommand?: string };
}

export type Command = GetCommand | WriteCommand | DeleteCommand | HelpCommand | DescribeCommand;
export type { DescribeCommand } from './describe';

/** A parse failure: the error, and for `kubectl get` alone the notice kubectl prints before it. */
export type ParseResult = { ok: true; command: Command } | { ok: false; error: Message; notice?: Message };

const fail = (error: Message, notice?: Message): ParseResult => (notice ? { ok: false, error, notice } : { ok: false, error });

/** kubectl create's subcommands and their aliases (v1.34), the ones not simulated among them. */
const CREATE_SUBCOMMANDS = new Set([
  'clusterrole', 'clusterrolebinding', 'configmap', 'cm', 'cronjob', 'cj', 'deployment', 'deploy', 'ingress', 'ing', 'job', 'namespace', 'ns',
  'poddisruptionbudget', 'pdb', 'priorityclass', 'pc', 'quota', 'resourcequota', 'role', 'rolebinding', 'secret', 'service', 'svc',
  'serviceaccount', 'sa', 'token',
]);

/** kubectl commands that exist but are not simulated (yet). */
const NOT_SIMULATED = new Set([
  'alpha', 'annotate', 'api-resources', 'api-versions', 'attach', 'auth', 'autoscale', 'certificate', 'cluster-info', 'completion',
  'config', 'cordon', 'cp', 'diff', 'drain', 'edit', 'events', 'explain', 'expose', 'kustomize',
  'label', 'logs', 'options', 'patch', 'plugin', 'port-forward', 'proxy', 'replace', 'rollout', 'scale', 'set', 'taint',
  'top', 'uncordon', 'version', 'wait',
]);

const SPECS: Record<'get' | 'apply' | 'create' | 'delete' | 'describe', readonly FlagDef[]> = {
  get: GET_FLAGS,
  describe: DESCRIBE_FLAGS,
  apply: APPLY_FLAGS,
  create: CREATE_FLAGS,
  delete: DELETE_FLAGS,
};

/**
 * Finds the subcommand as cobra does: the first argument that is neither a
 * flag nor a global flag's value. Returns its index, or -1.
 */
function findSubcommand(argv: readonly string[], defs: readonly FlagDef[] = GLOBAL_FLAGS): number {
  const valued = new Set(defs.filter((f) => f.type !== 'bool' && f.bare === undefined).flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return i + 1 < argv.length ? i + 1 : -1;
    if (!arg.startsWith('-') || arg === '-') return i;
    if (valued.has(arg)) i++;
  }
  return -1;
}

/** Turns kubectl's argv (without `kubectl`) into a command, or the error kubectl would print. */
export function parseCommand(argv: readonly string[]): ParseResult {
  const at = findSubcommand(argv);
  const before = at === -1 ? [...argv] : argv.slice(0, at);
  if (at === -1) {
    const parsed = parseFlags(before, GLOBAL_FLAGS, 'kubectl');
    if (!parsed.ok) return fail(parsed.error);
    return { ok: true, command: { verb: 'help', topic: 'kubectl' } };
  }
  const name = argv[at]!;
  const rest = [...before, ...argv.slice(at + 1)];
  if (name === 'help') {
    const topic = rest.find((a) => !a.startsWith('-'));
    if (topic === 'get' || topic === 'apply' || topic === 'create' || topic === 'delete' || topic === 'describe') return { ok: true, command: { verb: 'help', topic } };
    if (topic && NOT_SIMULATED.has(topic)) return fail(message('notAvailable', `kubectl help ${topic}`));
    return { ok: true, command: { verb: 'help', topic: 'kubectl' } };
  }
  if (name !== 'get' && name !== 'apply' && name !== 'create' && name !== 'delete' && name !== 'describe') {
    if (NOT_SIMULATED.has(name)) return fail(message('notAvailable', `kubectl ${name}`));
    return fail(message('unknownCommand', name, suggestCommands(name)));
  }
  // `kubectl create deployment web ...` and the other generators come with the full command set.
  if (name === 'create') {
    const sub = findSubcommand(rest, CREATE_FLAGS);
    if (sub !== -1 && CREATE_SUBCOMMANDS.has(rest[sub]!)) return fail(message('notAvailable', `kubectl create ${rest[sub]}`));
  }
  const parsed = parseFlags(rest, SPECS[name], `kubectl ${name}`);
  if (!parsed.ok) return fail(parsed.error);
  const flags = parsed.flags;
  if (flagSet(flags, 'help')) return { ok: true, command: { verb: 'help', topic: name } };
  if (flags.unsupported.length > 0) return fail(message('notAvailable', `kubectl ${name} ${flags.unsupported[0]}`));
  if (name === 'get') return parseGet(flags);
  if (name === 'describe') return parseDescribe(flags);
  if (name === 'delete') return parseDelete(flags);
  return parseWrite(name, flags);
}

function namespaceOf(flags: ParsedFlags): string | undefined {
  return flagValue(flags, 'namespace') || undefined;
}

function parseSelector(flags: ParsedFlags): { ok: true; selector?: Requirement[] } | { ok: false; error: Message } {
  const text = flagValue(flags, 'selector');
  if (text === undefined) return { ok: true };
  const parsed = parseLabelQuery(text);
  return parsed.ok ? { ok: true, selector: parsed.requirements } : { ok: false, error: message('selectorParse', parsed.detail) };
}

function parseDryRun(flags: ParsedFlags): DryRunSuffix | Message {
  const value = flagValue(flags, 'dry-run') ?? 'none';
  // A bare --dry-run is the deprecated spelling of --dry-run=client.
  if (value === 'unchanged') return 'client';
  if (value === 'none' || value === 'client' || value === 'server') return value;
  return message('invalidDryRun', value);
}

/** The format name of `-o`: `jsonpath={.x}` is the jsonpath format. */
function formatName(output: string): string {
  const eq = output.indexOf('=');
  return eq === -1 ? output : output.slice(0, eq);
}

/** The formats `kubectl get -o` prints here; the rest of GET_FORMATS say they are not available. */
const GET_SIMULATED = new Set(['', 'wide', 'yaml', 'json', 'name', 'jsonpath', 'custom-columns', 'go-template']);

function parseGet(flags: ParsedFlags): ParseResult {
  const filenames = flags.values.get('filename') ?? [];
  if (filenames.length > 0 && flags.positional.length > 0) return fail(message('pathsWithResources'));
  if (filenames.length === 0 && flags.positional.length === 0) return fail(message('requiredResourceNotSpecified'), message('specifyResourceType'));
  const targets = filenames.length > 0 ? noTargets() : parseTargets(flags.positional);
  if (!targets.ok) return fail(targets.error);
  // A --template without -o means -o go-template (PrintFlags.ToPrinter).
  const outputFlag = flagValue(flags, 'output') || (flagValue(flags, 'template') !== undefined ? 'go-template' : '');
  const format = formatName(outputFlag);
  if (!GET_SIMULATED.has(format) || (outputFlag.includes('=') && format !== 'jsonpath' && format !== 'custom-columns' && format !== 'go-template')) {
    if ((GET_FORMATS as readonly string[]).includes(format)) return fail(message('notAvailable', `kubectl get -o ${format}`));
    return fail(message('unsupportedOutput', outputFlag, GET_FORMATS));
  }
  const output = format as GetCommand['output'];
  // The template comes after `=`, or from --template (JSONPathPrintFlags).
  const template = outputFlag.includes('=') ? outputFlag.slice(outputFlag.indexOf('=') + 1) : flagValue(flags, 'template');
  if ((output === 'jsonpath' || output === 'go-template') && !template) return fail(message('templateMissing'));
  if (output === 'custom-columns' && !template) return fail(message('customColumnsMissing'));
  // The apiserver parses -l and --field-selector: a bad one fails each list request, not the command line.
  const selectorText = flagValue(flags, 'selector');
  const labelQuery = selectorText === undefined ? undefined : parseLabelQuery(selectorText);
  const fieldSelectorText = flagValue(flags, 'field-selector');
  const fieldQuery = fieldSelectorText === undefined ? undefined : parseFieldSelector(fieldSelectorText);
  const allNamespaces = flagSet(flags, 'all-namespaces');
  const named = filenames.length === 0 && (targets.targets.form === 'pairs' || targets.targets.names.length > 0);
  if (named && (selectorText !== undefined || fieldSelectorText !== undefined)) return fail(message('nameWithSelector'));
  if (named && allNamespaces) return fail(message('nameAcrossNamespaces'));
  const subresource = flagValue(flags, 'subresource');
  if (subresource !== undefined && subresource !== 'status' && subresource !== 'scale') return fail(message('invalidSubresource', subresource));
  const labelColumns = (flags.values.get('label-columns') ?? []).flatMap((v) => v.split(',')).filter((k) => k !== '');
  const sortBy = flagValue(flags, 'sort-by') || undefined;
  return {
    ok: true,
    command: {
      verb: 'get',
      targets: targets.targets,
      filenames,
      ...(subresource ? { subresource } : {}),
      ...(namespaceOf(flags) ? { namespace: namespaceOf(flags) } : {}),
      allNamespaces,
      output,
      ...(template !== undefined ? { template } : {}),
      ...(selectorText !== undefined ? { selectorText } : {}),
      ...(labelQuery?.ok ? { selector: labelQuery.requirements } : {}),
      ...(labelQuery && !labelQuery.ok ? { selectorError: labelQuery.detail } : {}),
      ...(fieldSelectorText !== undefined ? { fieldSelectorText } : {}),
      ...(fieldQuery?.ok ? { fieldSelector: fieldQuery.requirements } : {}),
      ...(fieldQuery && !fieldQuery.ok ? { fieldSelectorError: fieldQuery.detail } : {}),
      noHeaders: flagSet(flags, 'no-headers'),
      showLabels: flagSet(flags, 'show-labels'),
      labelColumns,
      ...(sortBy ? { sortBy } : {}),
      watch: flagSet(flags, 'watch'),
      ignoreNotFound: flagSet(flags, 'ignore-not-found'),
    },
  };
}

function parseWrite(verb: 'apply' | 'create', flags: ParsedFlags): ParseResult {
  const filenames = flags.values.get('filename') ?? [];
  if (filenames.length === 0 && verb === 'create') {
    const words = flags.positional;
    return { ok: true, command: { verb: 'help', topic: 'create', missingFilename: words.length > 0 ? { unknownCommand: words.join(' ') } : {} } };
  }
  if (filenames.length === 0) return fail(message('mustSpecifyFilename'));
  if (verb === 'create' && flags.positional.length > 0) return fail(message('createUnexpectedArgs', flags.positional));
  const output = flagValue(flags, 'output') ?? '';
  if (output !== '' && output !== 'yaml' && output !== 'json' && output !== 'name') {
    const format = formatName(output);
    if ((WRITE_FORMATS as readonly string[]).includes(format)) return fail(message('notAvailable', `kubectl ${verb} -o ${format}`));
    return fail(message('unsupportedOutput', output, WRITE_FORMATS));
  }
  const dryRun = parseDryRun(flags);
  if (typeof dryRun !== 'string') return fail(dryRun);
  return { ok: true, command: { verb, filenames, ...(namespaceOf(flags) ? { namespace: namespaceOf(flags) } : {}), dryRun, output } };
}

function parseDelete(flags: ParsedFlags): ParseResult {
  const output = flagValue(flags, 'output') ?? '';
  if (output !== '' && output !== 'name') return fail(message('deleteOutputMode', output));
  const filenames = flags.values.get('filename') ?? [];
  const selector = parseSelector(flags);
  if (!selector.ok) return fail(selector.error);
  const all = flagSet(flags, 'all');
  const force = flagSet(flags, 'force');
  const now = flagSet(flags, 'now');
  const graceText = flagValue(flags, 'grace-period');
  let gracePeriod = graceText === undefined ? -1 : Number(graceText);
  // delete.go Complete, then Validate, in kubectl's order.
  if (now) {
    if (gracePeriod !== -1) return fail(message('nowWithGracePeriod'));
    gracePeriod = 1;
  }
  if (gracePeriod === 0 && !force) gracePeriod = 1;
  if (force && gracePeriod < 0) gracePeriod = 0;
  if (all && selector.selector) return fail(message('allWithSelector'));
  if (force && gracePeriod > 0) return fail(message('forceWithGracePeriod'));
  const dryRun = parseDryRun(flags);
  if (typeof dryRun !== 'string') return fail(dryRun);
  let targets: Targets | undefined;
  if (filenames.length > 0 && flags.positional.length > 0) return fail(message('pathsWithResources'));
  if (filenames.length === 0) {
    if (flags.positional.length === 0) return fail(message('missingResource'));
    const parsed = parseTargets(flags.positional);
    if (!parsed.ok) return fail(parsed.error);
    targets = parsed.targets;
    const named = targets.form === 'pairs' || targets.names.length > 0;
    if (named && selector.selector) return fail(message('nameWithSelector'));
    if (named && flagSet(flags, 'all-namespaces')) return fail(message('nameAcrossNamespaces'));
    if (!named && !selector.selector && !all) return fail(message('noNameSpecified'));
  }
  const selectsMany = all || selector.selector !== undefined;
  const ignoreText = flagValue(flags, 'ignore-not-found');
  return {
    ok: true,
    command: {
      verb: 'delete',
      ...(targets ? { targets } : {}),
      filenames,
      ...(namespaceOf(flags) ? { namespace: namespaceOf(flags) } : {}),
      allNamespaces: flagSet(flags, 'all-namespaces'),
      ...(selector.selector ? { selector: selector.selector } : {}),
      all,
      gracePeriod,
      force,
      wait: flagValue(flags, 'wait') === undefined || flagSet(flags, 'wait'),
      // With --all or -l, NotFound is ignored unless the learner said otherwise.
      ignoreNotFound: ignoreText === undefined ? selectsMany : flagSet(flags, 'ignore-not-found'),
      dryRun,
      outputName: output === 'name',
    },
  };
}
