import type { FlagDef } from './flags';

/**
 * The flags of each kubectl command. Real flags the simulation lacks are
 * listed with `supported: false`, so using one says it is not available
 * rather than pretending kubectl has no such flag.
 */
const unsupported = (name: string, type: FlagDef['type'], short?: string, bare?: string): FlagDef => ({
  name,
  type,
  supported: false,
  ...(short ? { short } : {}),
  ...(bare ? { bare } : {}),
});

/** kubectl's global flags (every command takes them, before or after its name). */
export const GLOBAL_FLAGS: readonly FlagDef[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'help', short: 'h', type: 'bool' },
  unsupported('kubeconfig', 'string'),
  unsupported('context', 'string'),
  unsupported('cluster', 'string'),
  unsupported('user', 'string'),
  unsupported('server', 'string', 's'),
  unsupported('token', 'string'),
  unsupported('as', 'string'),
  unsupported('as-group', 'string'),
  unsupported('as-uid', 'string'),
  unsupported('request-timeout', 'string'),
  unsupported('v', 'string', 'v'),
  unsupported('insecure-skip-tls-verify', 'bool'),
  unsupported('certificate-authority', 'string'),
  unsupported('client-certificate', 'string'),
  unsupported('client-key', 'string'),
  unsupported('tls-server-name', 'string'),
  unsupported('username', 'string'),
  unsupported('password', 'string'),
  unsupported('cache-dir', 'string'),
  unsupported('match-server-version', 'bool'),
  unsupported('disable-compression', 'bool'),
  unsupported('warnings-as-errors', 'bool'),
  unsupported('profile', 'string'),
  unsupported('profile-output', 'string'),
];

const templateFlags = [unsupported('template', 'string'), unsupported('allow-missing-template-keys', 'bool'), unsupported('show-managed-fields', 'bool')];

export const GET_FLAGS: readonly FlagDef[] = [
  ...GLOBAL_FLAGS,
  { name: 'output', short: 'o', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'no-headers', type: 'bool' },
  { name: 'show-labels', type: 'bool' },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'watch', short: 'w', type: 'bool' },
  { name: 'sort-by', type: 'string' },
  { name: 'field-selector', type: 'string' },
  { name: 'label-columns', short: 'L', type: 'string' },
  unsupported('watch-only', 'bool'),
  unsupported('output-watch-events', 'bool'),
  unsupported('show-kind', 'bool'),
  unsupported('chunk-size', 'int'),
  unsupported('raw', 'string'),
  { name: 'filename', short: 'f', type: 'string' },
  unsupported('kustomize', 'string', 'k'),
  unsupported('recursive', 'bool', 'R'),
  unsupported('server-print', 'bool'),
  { name: 'subresource', type: 'string' },
  ...templateFlags,
  // After templateFlags, so this supported definition wins: `-o jsonpath --template='{...}'`.
  { name: 'template', type: 'string' },
];

const dryRun: FlagDef = { name: 'dry-run', type: 'string', bare: 'unchanged' };

export const APPLY_FLAGS: readonly FlagDef[] = [
  ...GLOBAL_FLAGS,
  { name: 'filename', short: 'f', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  dryRun,
  unsupported('kustomize', 'string', 'k'),
  unsupported('recursive', 'bool', 'R'),
  unsupported('prune', 'bool'),
  unsupported('prune-allowlist', 'string'),
  unsupported('all', 'bool'),
  unsupported('selector', 'string', 'l'),
  unsupported('server-side', 'bool'),
  unsupported('force-conflicts', 'bool'),
  unsupported('field-manager', 'string'),
  unsupported('force', 'bool'),
  unsupported('grace-period', 'int'),
  unsupported('overwrite', 'bool'),
  unsupported('validate', 'string', undefined, 'strict'),
  unsupported('wait', 'bool'),
  unsupported('timeout', 'string'),
  unsupported('cascade', 'string', undefined, 'background'),
  unsupported('openapi-patch', 'bool'),
  ...templateFlags,
];

export const CREATE_FLAGS: readonly FlagDef[] = [
  ...GLOBAL_FLAGS,
  { name: 'filename', short: 'f', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  dryRun,
  unsupported('kustomize', 'string', 'k'),
  unsupported('recursive', 'bool', 'R'),
  unsupported('selector', 'string', 'l'),
  unsupported('save-config', 'bool'),
  unsupported('validate', 'string', undefined, 'strict'),
  unsupported('edit', 'bool'),
  unsupported('windows-line-endings', 'bool'),
  unsupported('raw', 'string'),
  unsupported('field-manager', 'string'),
  ...templateFlags,
];

export const DELETE_FLAGS: readonly FlagDef[] = [
  ...GLOBAL_FLAGS,
  { name: 'filename', short: 'f', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'grace-period', type: 'int' },
  { name: 'now', type: 'bool' },
  { name: 'force', type: 'bool' },
  { name: 'wait', type: 'bool' },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  dryRun,
  unsupported('cascade', 'string', undefined, 'background'),
  unsupported('field-selector', 'string'),
  unsupported('timeout', 'string'),
  unsupported('kustomize', 'string', 'k'),
  unsupported('recursive', 'bool', 'R'),
  unsupported('raw', 'string'),
  unsupported('interactive', 'bool', 'i'),
];

/** Output formats kubectl get knows (get/PrintFlags.AllowedFormats); the first five are simulated. */
export const GET_FORMATS = [
  'wide', 'yaml', 'json', 'name',
  'custom-columns', 'custom-columns-file', 'go-template', 'go-template-file', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'template', 'templatefile',
] as const;

/** Output formats of apply and create (genericclioptions.PrintFlags). */
export const WRITE_FORMATS = [
  'yaml', 'json', 'name',
  'go-template', 'go-template-file', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'template', 'templatefile',
] as const;

/** kubectl v1.34's available commands, in cobra's (alphabetical) order, for "Did you mean this?". */
export const KUBECTL_COMMANDS = [
  'annotate', 'api-resources', 'api-versions', 'apply', 'attach', 'auth', 'autoscale', 'certificate', 'cluster-info',
  'completion', 'config', 'cordon', 'cp', 'create', 'debug', 'delete', 'describe', 'diff', 'drain', 'edit', 'events', 'exec',
  'explain', 'expose', 'get', 'kustomize', 'label', 'logs', 'options', 'patch', 'plugin', 'port-forward', 'proxy',
  'replace', 'rollout', 'run', 'scale', 'set', 'taint', 'top', 'uncordon', 'version', 'wait',
] as const;

export const DESCRIBE_FLAGS: readonly FlagDef[] = [
  ...GLOBAL_FLAGS,
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'show-events', type: 'bool' },
  { name: 'filename', short: 'f', type: 'string' },
  unsupported('kustomize', 'string', 'k'),
  unsupported('recursive', 'bool', 'R'),
  unsupported('chunk-size', 'int'),
];

/** kubectl exec (the shell runs the command: see src/shell/attach.ts). */
export const EXEC_FLAGS: readonly FlagDef[] = [
  ...GLOBAL_FLAGS,
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'container', short: 'c', type: 'string' },
  { name: 'quiet', short: 'q', type: 'bool' },
  unsupported('filename', 'string', 'f'),
  unsupported('pod-running-timeout', 'string'),
];

/** kubectl run: a pod from flags. */
export const RUN_FLAGS: readonly FlagDef[] = [
  ...GLOBAL_FLAGS,
  { name: 'image', type: 'string' },
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'rm', type: 'bool' },
  { name: 'restart', type: 'string' },
  { name: 'command', type: 'bool' },
  { name: 'labels', short: 'l', type: 'string' },
  { name: 'env', type: 'string' },
  { name: 'port', type: 'string' },
  { name: 'quiet', short: 'q', type: 'bool' },
  { name: 'attach', type: 'bool' },
  unsupported('overrides', 'string'),
  unsupported('dry-run', 'string', undefined, 'unchanged'),
  unsupported('output', 'string', 'o'),
  unsupported('expose', 'bool'),
  unsupported('annotations', 'string'),
  unsupported('image-pull-policy', 'string'),
  unsupported('privileged', 'bool'),
  unsupported('pod-running-timeout', 'string'),
  unsupported('serviceaccount', 'string'),
  unsupported('filename', 'string', 'f'),
];

/** kubectl debug: only `node/NAME` is simulated. */
export const DEBUG_FLAGS: readonly FlagDef[] = [
  ...GLOBAL_FLAGS,
  { name: 'image', type: 'string' },
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'quiet', short: 'q', type: 'bool' },
  { name: 'profile', type: 'string' },
  unsupported('container', 'string', 'c'),
  unsupported('target', 'string'),
  unsupported('copy-to', 'string'),
  unsupported('share-processes', 'bool'),
  unsupported('attach', 'bool'),
  unsupported('env', 'string'),
  unsupported('custom', 'string'),
  unsupported('replace', 'bool'),
  unsupported('same-node', 'bool'),
  unsupported('set-image', 'string'),
  unsupported('arguments-only', 'bool'),
];
