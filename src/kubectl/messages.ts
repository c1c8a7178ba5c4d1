import { VERB_MESSAGES } from './verbs/messages';

/**
 * Every text kubectl prints that is not a table, in one place, worded as
 * kubectl v1.34 words it. Commands return messages as data (`message('pathMissing', 'x.yaml')`);
 * printers render them; tests refer to them by name.
 *
 * Error texts are stored raw, without the `error: ` that kubectl's checkErr
 * adds when the error is the only one (staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go):
 * among several errors kubectl prints each raw, and so do we.
 */
export const messages = {
  // ---------------------------------------------------------------- errors
  /** cobra's error for a command kubectl does not have; suggestions as cobra finds them. */
  unknownCommand: (command: string, suggestions: string[]) =>
    `unknown command "${command}" for "kubectl"` +
    (suggestions.length > 0 ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}` : ''),
  /** A real kubectl command or flag this simulation does not have (yet). */
  notAvailable: (what: string) => `"${what}" is not available in this simulated cluster`,
  /** pflag's errors, followed by cobra's hint as kubectl prints them. */
  unknownFlag: (flag: string, commandPath: string) => `unknown flag: ${flag}\nSee '${commandPath} --help' for usage.`,
  unknownShorthand: (letter: string, arg: string, commandPath: string) =>
    `unknown shorthand flag: '${letter}' in ${arg}\nSee '${commandPath} --help' for usage.`,
  flagNeedsArgument: (flag: string, commandPath: string) => `flag needs an argument: ${flag}\nSee '${commandPath} --help' for usage.`,
  invalidFlagValue: (value: string, flag: string, parse: 'ParseInt' | 'ParseBool', commandPath: string) =>
    `invalid argument "${value}" for "${flag}" flag: strconv.${parse}: parsing "${value}": invalid syntax\nSee '${commandPath} --help' for usage.`,
  unknownResourceType: (typed: string) => `the server doesn't have a resource type "${typed}"`,
  /** resource.Builder's errors for the resource arguments. */
  mixedResourceArgs: () =>
    "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
  pathsWithResources: () => 'when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well',
  invalidSubresource: (given: string) => `invalid subresource value: "${given}". Must be one of [status scale]`,
  subresourceBulk: () => 'subresource cannot be used when bulk resources are specified',
  badResourceNameArg: () => 'arguments in resource/name form must have a single resource and name',
  noNameSpecified: () => 'resource(s) were provided, but no name was specified',
  missingResource: () =>
    "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
  nameWithSelector: () => 'name cannot be provided when a selector is specified',
  nameAcrossNamespaces: () => 'a resource cannot be retrieved by name across all namespaces',
  /** kubectl get without a resource type: this follows the `specifyResourceType` notice. */
  requiredResourceNotSpecified: () =>
    'Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples',
  /** describe without arguments (ToOptions, with cmdutil.SuggestAPIResources). */
  describeNeedsType: () =>
    'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
  /** describe.DescriberFn for a kind with no describer in this simulation. */
  noDescriber: (kind: string) => `"kubectl describe ${kind}" is not available in this simulated cluster`,
  /** -o jsonpath / custom-columns without a template (JSONPathPrintFlags, customcolumn.go). */
  templateMissing: () => 'template format specified but no template given',
  customColumnsMissing: () => 'custom-columns format specified but no custom columns given',
  customColumnsSpec: (part: string) => `unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`,
  relaxedJsonPath: () => "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
  jsonPathParse: (template: string, detail: string) => `error parsing jsonpath ${template}, ${detail}`,
  /** GoTemplatePrinter: text/template's parse error, named `output`. */
  goTemplateParse: (template: string, detail: string) => `error parsing template ${template}, template: output:1: ${detail}`,
  /** JSONPathPrinter.PrintObj's error, with Go's %#v of the object it was given. */
  jsonPathExecute: (template: string, detail: string, object: string) =>
    `error executing jsonpath ${JSON.stringify(template)}: Error executing template: ${detail}. Printing more information for debugging the template:\n\ttemplate was:\n\t\t${template}\n\tobject given to jsonpath engine was:\n\t\t${object}\n\n`,
  /** The sorter (get/sorter.go) when no object has the --sort-by field. */
  sortFieldMissing: (path: string) => `couldn't find any field with path "${path}" in the list of objects`,
  /** NewTableSorter's wrapping of a JSONPath parse error. */
  sortParse: (detail: string) => `sorting error: ${detail}`,
  /** An error kubectl passes on unwrapped (a JSONPath parse error, for one). */
  plainError: (text: string) => text,
  watchOneType: () => 'watch is only supported on individual resources and resource collections - more than 1 resource was found',
  mustSpecifyFilename: () => 'must specify one of -f and -k',
  /** kubectl create's own line before its help, when neither -f nor -k is given (capital E, a blank line after). */
  createNeedsFilename: () => 'Error: must specify one of -f and -k\n\n',
  createUnknownCommand: (words: string) => `unknown command "${words}"\nSee 'kubectl create -h' for help and examples`,
  createUnexpectedArgs: (args: readonly string[]) => `Unexpected args: [${args.join(' ')}]\nSee 'kubectl create -h' for help and examples`,
  pathMissing: (path: string) => `the path "${path}" does not exist`,
  /** Not kubectl's text: a URL cannot be fetched from inside the simulation. */
  urlManifest: (url: string) => `"-f ${url}": reading manifests from a URL is not available in this simulated cluster; save the file in the workspace and apply it by name`,
  noObjectsPassedTo: (verb: 'apply' | 'create') => `no objects passed to ${verb}`,
  /** Client-side schema checks (resource/visitor.go ValidateSchema); several problems print as Go prints a list. */
  validationFailed: (source: string, problems: string[]) =>
    `error validating "${source}": error validating data: ${problems.length === 1 ? problems[0] : `[${problems.join(', ')}]`}; if you choose to ignore these errors, turn validation off with --validate=false`,
  noMatchForKind: (name: string, namespace: string, source: string, kind: string, version: string) =>
    `resource mapping not found for name: "${name}" namespace: "${namespace}" from "${source}": no matches for kind "${kind}" in version "${version}"\nensure CRDs are installed first`,
  yamlToJson: (source: string, detail: string) => `error parsing ${source}: error converting YAML to JSON: yaml: ${detail}`,
  /** Not kubectl's: limits that keep a browser tab safe from hostile files. */
  fileTooLarge: (source: string, limit: string) => `${source}: the file is larger than ${limit}`,
  nestedTooDeep: (source: string, depth: number) => `error parsing ${source}: the document is nested more than ${depth} levels deep`,
  namespaceMismatch: (objectNamespace: string, flagNamespace: string) =>
    `the namespace from the provided object "${objectNamespace}" does not match the namespace "${flagNamespace}". You must pass '--namespace=${objectNamespace}' to perform this operation.`,
  unsupportedOutput: (format: string, allowed: readonly string[]) =>
    `unable to match a printer suitable for the output format "${format}", allowed formats are: ${[...allowed].sort().join(',')}`,
  deleteOutputMode: (format: string) => `unexpected -o output mode: ${format}. We only support '-o name'`,
  invalidDryRun: (value: string) => `Invalid dry-run value (${value}). Must be "none", "server", or "client".`,
  /** The apiserver's complaint about a -l it cannot parse, whole (labels.Parse). */
  selectorParse: (detail: string) => detail,
  allWithSelector: () => 'cannot set --all and --selector at the same time',
  nowWithGracePeriod: () => '--now and --grace-period cannot be specified together',
  forceWithGracePeriod: () => '--force and --grace-period greater than 0 cannot be specified together',
  waitTimedOut: (resource: string, name: string) => `timed out waiting for the condition on ${resource}/${name}`,
  /** Not kubectl's: a defect of the simulation, said plainly instead of crashing the shell. */
  simulationDefect: (detail: string) => `the simulated cluster failed on this command (a Podlab bug): ${detail}`,

  // ------------------------------------------------- exec, run, debug (src/kubectl/commands/exec.ts)
  execNeedsPod: () => 'pod, type/name or --filename must be specified',
  execNeedsCommand: () => 'you must specify at least one command for the container',
  /** cmdutil.UsageErrorf: the message, then where to look. */
  execOldSyntax: () => "exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples",
  execCompletedPod: (phase: string) => `cannot exec into a container in a completed pod; current phase is ${phase}`,
  /** The kubelet's answer while the container has not started. */
  execContainerNotStarted: (container: string) => `unable to upgrade connection: container not found ("${container}")`,
  defaultedContainer: (container: string, all: string[]) => `Defaulted container "${container}" out of: ${all.join(', ')}`,
  commandTerminated: (code: number) => `command terminated with exit code ${code}`,
  /** containerd/runc's text when the program is not in the image (uncertain: the exact prefix varies by runtime version). */
  execNotFound: (program: string) =>
    `OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": executable file not found in $PATH: unknown`,
  runNeedsName: () => "NAME is required for run\nSee 'kubectl run -h' for help and examples",
  requiredFlag: (flag: string) => `required flag(s) "${flag}" not set`,
  rmNeedsAttach: () => '--rm should only be used for attached containers',
  invalidRestart: (value: string) => `invalid restart policy: ${value}`,
  podRunningTimeout: () => 'timed out waiting for the condition',
  attachHint: () => "If you don't see a command prompt, try pressing enter.",
  sessionEnded: (pod: string, container: string) => `Session ended, resume using 'kubectl attach ${pod} -c ${container} -i -t' command when the pod is running`,
  debugCreating: (pod: string, node: string) => `Creating debugging pod ${pod} with container debugger on node ${node}.`,

  // ------------------------------------------------- notices, printed as they are
  noResourcesInNamespace: (namespace: string) => `No resources found in ${namespace} namespace.`,
  noResources: () => 'No resources found',
  specifyResourceType: () =>
    'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n',
  /** The apiserver's deprecation warning for v1 Endpoints (v1.33+), which kubectl prints on stderr. */
  /** The apiserver's strict-decoding warning (fieldValidation=Warn), as kubectl's warning handler prints it. */
  unknownFieldWarning: (field: string) => `Warning: unknown field ${JSON.stringify(field)}`,
  endpointsDeprecated: () => 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice',
  forceDeleteWarning: () =>
    'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.',
  clusterScopeWarning: () => 'warning: deleting cluster-scoped resources, not scoped to the provided namespace',
  /** apply over an object made without it (kubectl create, a controller). */
  missingLastApplied: (resourceName: string) =>
    `Warning: resource ${resourceName} is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`,

  // ------------------------------------------------- results on stdout
  /** `service/web created`, `deployment.apps/web configured (server dry run)`. */
  applied: (kind: string, name: string, operation: string, dryRun: DryRunSuffix) => `${kind}/${name} ${operation}${dryRunText(dryRun)}`,
  /** v1.34: `pod "web" deleted from default namespace`; cluster-scoped `namespace "x" deleted`. */
  deleted: (kind: string, name: string, namespace: string | undefined, force: boolean, dryRun: DryRunSuffix) =>
    `${kind} "${name}" ${force ? 'force deleted' : 'deleted'}${namespace ? ` from ${namespace} namespace` : ''}${dryRunText(dryRun)}`,

  // ------------------------------------------------- create <generator>, expose, run, scale, label, rollout ...
  ...VERB_MESSAGES,
} as const;

export type DryRunSuffix = 'none' | 'client' | 'server';

function dryRunText(dryRun: DryRunSuffix): string {
  return dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
}

type Catalogue = typeof messages;
export type MessageId = keyof Catalogue;

/** A catalogue entry with its arguments: what commands return instead of text. */
export type Message = { [K in MessageId]: { id: K; args: Parameters<Catalogue[K]> } }[MessageId];

export function message<K extends MessageId>(id: K, ...args: Parameters<Catalogue[K]>): Message {
  return { id, args } as Message;
}

export function renderMessage(m: Message): string {
  return (messages[m.id] as (...args: unknown[]) => string)(...m.args);
}
