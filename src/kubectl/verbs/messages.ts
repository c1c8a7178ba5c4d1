/**
 * Texts of kubectl's write-side commands (create <generator>, expose, run,
 * scale, label, annotate, set image, rollout, wait, version, cluster-info,
 * config), as kubectl v1.34 words them. Spread into the main catalogue
 * (`messages.ts`), so commands refer to them by name like every other text.
 * Errors are stored raw; checkErr adds `error: `.
 */
export const VERB_MESSAGES = {
  /** patch.go's Validate and RunPatch. */
  patchRequired: () => 'must specify --patch or --patch-file containing the contents of the patch',
  patchType: (types: readonly string[], given: string) => `--type must be one of [${types.join(' ')}], not "${given}"`,
  patchSubresource: (given: string) => `invalid subresource value: "${given}". Must be one of [status scale]`,
  /** kubectl follows it with yaml.ToJSON's own parse error, which the simulation does not reproduce and says so. */
  patchUnparsable: (patch: string) => `unable to parse "${patch}": (the YAML parser's own message is not simulated)`,
  /** --type=json with --dry-run=client: kubectl patches locally and prints the JSON patch library's error (evanphx/json-patch v4's words). */
  jsonPatchLocal: (libraryError: string) => libraryError,
  /** patch.go getPatchedJSON's rewording of the library's "doc is missing key: …". */
  jsonPatchMissingField: (key: string) => `Object to be patched is missing field (${key})`,
  /** cmdutil.UsageErrorf: the text, then where to read more. */
  usage: (text: string, commandPath: string) => `${text}\nSee '${commandPath} -h' for help and examples`,
  /** cobra's MarkFlagRequired check. */
  tcpRequired: () => 'at least one tcp port specifier must be provided',
  invalidPortSpec: (spec: string) => `invalid port spec "${spec}"`,
  fromLiteralFormat: (literal: string) => `invalid literal source ${literal}, expected key=value`,
  /** create_configmap.go's handleConfigMapFromFileSources: os.Stat's error, and a key given twice. */
  fromFileMissing: (path: string) => `error reading ${path}: no such file or directory`,
  fromFileDuplicateKey: (key: string, name: string) => `cannot add key "${key}", another key by that name already exists in Data for ConfigMap "${name}"`,
  /** expose's introspection failures (expose.go). */
  exposeNoPort: () => "couldn't find port via --port flag or introspection",
  exposeNoSelector: (detail: string) => `couldn't retrieve selectors via --selector flag or introspection: ${detail}`,
  exposeNoLabels: () => 'the pod has no labels and cannot be exposed',
  cannotExpose: (kind: string) => `cannot expose a ${kind}`,
  invalidServiceType: (type: string) => `invalid service type "${type}", must be one of ClusterIP, NodePort, LoadBalancer, ExternalName`,
  /** label/annotate (label.go, annotate.go). */
  labelNoResources: () => 'one or more resources must be specified as <resource> <name> or <resource>/<name>',
  updateRequired: (what: 'label' | 'annotation') => `at least one ${what} update is required`,
  alreadyHasValue: (key: string, value: string) => `'${key}' already has a value (${value}), and --overwrite is false`,
  invalidLabelSpec: (spec: string) => `invalid label spec: ${spec}`,
  invalidAnnotationFormat: (spec: string) => `invalid annotation format: ${spec}`,
  /** The annotation wording is assumed to mirror label.go's. */
  modifyAndRemove: (what: 'label' | 'annotation') => `can not both modify and remove ${what === 'label' ? 'a label' : 'an annotation'} in the same command`,
  unknownLabelSpec: (spec: string) => `unknown label spec: ${spec}`,
  setImageNoContainer: (name: string) => `unable to find container named "${name}"`,
  setImageNoChanges: () => 'at least one image update is required',
  rolloutNoRevision: () => 'no rollout history found for deployment',
  rolloutProgressDeadline: (name: string) => `deployment "${name}" exceeded its progress deadline`,
  unsupportedKind: (verb: string, resource: string) => `no ${verb} has been implemented for ${resource}`,
  timedOut: () => 'timed out waiting for the condition',
  invalidTimeout: (value: string) => `time: invalid duration "${value}"`,
  /** explain's error for a path that is not in the schema. */
  explainNoField: (name: string) => `field "${name}" does not exist`,
  noMatchingResources: () => 'no matching resources found',
  waitForFormat: (value: string) => `unrecognized condition: "${value}"`,
  editNeedsEditor: () =>
    '"kubectl edit" opens the object in the editor of the lesson page; this shell has no editor: write the change to a file and use `kubectl apply -f FILE`',
  /** `kubectl edit` in the lesson terminal: the object is open in the editor beside it. */
  editOpened: (resource: string) => `Editing ${resource} in the editor; Apply to save.`,
  editMany: () => 'kubectl edit of more than one object at a time is not available in this simulated cluster: edit them one by one',
  /** editoptions.go: the edit was saved without a change (comments aside). */
  editUnchanged: () => 'Edit cancelled, no changes made.',
  editEmpty: () => 'Edit cancelled, saved file was empty.',
  /** editoptions.go: a file that failed was saved again unchanged. */
  editNoValidChanges: () => 'Edit cancelled, no valid changes were saved.',
  /** editoptions.go addError for an Invalid error: the file is reopened with the causes. */
  editInvalid: (resource: string, name: string) => `${resource} "${name}" is invalid`,
  containerNotFound: (container: string, pod: string) => `container ${container} is not valid for pod ${pod}`,
  chooseContainer: (pod: string, containers: string[]) =>
    `a container name must be specified for pod ${pod}, choose one of: [${containers.join(' ')}]`,

  /** logs: the apiserver's refusal for a container that has not started. */
  waitingToStart: (container: string, pod: string, reason: string) => `container "${container}" in pod "${pod}" is waiting to start: ${reason}`,
  /** The apiserver's 404 for a path it does not serve (a kind without /scale). */
  noSuchPath: () => 'the server could not find the requested resource',
  noObjectsToScale: () => 'no objects passed to scale',

  // ------------------------------------------------- notices, printed as they are
  labelNotFound: (key: string) => `label "${key}" not found.`,
  foundPods: (count: number, pod: string) => `Found ${count} pods, using pod/${pod}`,

  // ------------------------------------------------- results on stdout
  /** `deployment.apps/web scaled`, `pod/web labeled (dry run)`. */
  did: (resource: string, what: string, dryRun: 'none' | 'client' | 'server') =>
    `${resource} ${what}${dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : ''}`,
  rolloutWaiting: (text: string) => `Waiting for ${text}`,
  rolloutDone: (what: 'deployment' | 'daemon set', name: string) => `${what} "${name}" successfully rolled out`,
  rolloutOnlyRollingUpdate: () => 'rollout status is only available for RollingUpdate strategy type',
  conditionMet: (resource: string) => `${resource} condition met`,
} as const;
