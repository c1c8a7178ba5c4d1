import type { ServiceType } from '../../cluster/api/types';
import type { KubectlEnv } from '../env';
import { message } from '../messages';
import type { Printed } from '../output';
import { flagValue, type FlagDef } from '../parse/flags';
import { createGenerated, DRY_RUN_FLAG, fail, isPrinted, OUTPUT_FLAG, parseVerb, PRINT_EXTRAS, usage, type VerbContext } from './common';
import { configMapFor, deploymentFor, namespaceFor, serviceFor, servicePortsFor } from './generators';

const COMMON: readonly FlagDef[] = [OUTPUT_FLAG, DRY_RUN_FLAG, ...PRINT_EXTRAS, { name: 'save-config', type: 'bool', supported: false }, { name: 'validate', type: 'string', bare: 'strict', supported: false }];

const SERVICE_FLAGS: readonly FlagDef[] = [...COMMON, { name: 'tcp', type: 'string' }, { name: 'node-port', type: 'int' }, { name: 'clusterip', type: 'string' }];

const SUBCOMMANDS: Record<string, readonly FlagDef[]> = {
  deployment: [...COMMON, { name: 'image', type: 'string' }, { name: 'replicas', short: 'r', type: 'int' }, { name: 'port', type: 'int' }],
  'service clusterip': SERVICE_FLAGS,
  'service nodeport': SERVICE_FLAGS,
  'service loadbalancer': SERVICE_FLAGS,
  namespace: COMMON,
  configmap: [...COMMON, { name: 'from-literal', type: 'string' }, { name: 'from-file', type: 'string' }, { name: 'from-env-file', type: 'string', supported: false }, { name: 'append-hash', type: 'bool', supported: false }],
};

const ALIASES: Record<string, string> = { deploy: 'deployment', svc: 'service', ns: 'namespace', cm: 'configmap' };

/** Which generator `kubectl create <sub> ...` names, or undefined when it is not one we have. */
export function createSubcommand(sub: string, next: string | undefined): string | undefined {
  const name = ALIASES[sub] ?? sub;
  if (name === 'service') return next && SUBCOMMANDS[`service ${next}`] ? `service ${next}` : 'service';
  return SUBCOMMANDS[name] ? name : undefined;
}

/**
 * `kubectl create deployment|service <type>|namespace|configmap NAME ...`:
 * builds the object as kubectl's generator does and creates it.
 * `argv` is what follows the generator's name.
 */
export function runCreateGenerator(generator: string, argv: readonly string[], env: KubectlEnv): Printed {
  const path = `kubectl create ${generator}`;
  if (generator === 'service') return usage('service requires a type: clusterip, nodeport, loadbalancer, externalname', path);
  const ctx = parseVerb(argv, SUBCOMMANDS[generator]!, path, env);
  if (isPrinted(ctx)) return ctx;
  if (generator === 'deployment' && !ctx.flags.values.has('image')) return fail(message('requiredFlag', 'image'));
  const names = ctx.flags.positional;
  if (names.length !== 1) return usage(`exactly one NAME is required, got ${names.length}`, path);
  const name = names[0]!;
  const namespace = ctx.explicitNamespace ? ctx.namespace : undefined;
  switch (generator) {
    case 'deployment':
      return deployment(ctx, name, namespace);
    case 'namespace':
      return createGenerated(ctx, namespaceFor(name));
    case 'configmap':
      return configMap(ctx, name, namespace);
    default:
      return service(ctx, generator.slice('service '.length), name, namespace);
  }
}

function deployment(ctx: VerbContext, name: string, namespace: string | undefined): Printed {
  const replicas = Number(flagValue(ctx.flags, 'replicas') ?? '1');
  const port = Number(flagValue(ctx.flags, 'port') ?? '-1');
  return createGenerated(ctx, deploymentFor({ name, ...(namespace ? { namespace } : {}), images: ctx.flags.values.get('image')!, replicas, port }));
}

function service(ctx: VerbContext, type: string, name: string, namespace: string | undefined): Printed {
  const tcp = (ctx.flags.values.get('tcp') ?? []).flatMap((v) => v.split(','));
  const clusterIP = flagValue(ctx.flags, 'clusterip');
  if (tcp.length === 0 && clusterIP !== 'None') return fail(message('tcpRequired'));
  const nodePort = type === 'nodeport' ? Number(flagValue(ctx.flags, 'node-port') ?? '0') : undefined;
  const ports = servicePortsFor(tcp, nodePort);
  if (typeof ports === 'string') return fail(message('invalidPortSpec', ports));
  const serviceType: ServiceType = type === 'nodeport' ? 'NodePort' : type === 'loadbalancer' ? 'LoadBalancer' : 'ClusterIP';
  return createGenerated(ctx, serviceFor(name, namespace, serviceType, ports, clusterIP));
}

function configMap(ctx: VerbContext, name: string, namespace: string | undefined): Printed {
  const data: Record<string, string> = {};
  for (const literal of ctx.flags.values.get('from-literal') ?? []) {
    const eq = literal.indexOf('=');
    if (eq <= 0) return fail(message('fromLiteralFormat', literal));
    data[literal.slice(0, eq)] = literal.slice(eq + 1);
  }
  // --from-file=[KEY=]PATH: a file under its base name (or KEY), or every file of a folder (create_configmap.go).
  for (const source of ctx.flags.values.get('from-file') ?? []) {
    const eq = source.indexOf('=');
    const key = eq === -1 ? undefined : source.slice(0, eq);
    const path = eq === -1 ? source : source.slice(eq + 1);
    const entries = key === undefined ? ctx.env.listDir(path) : undefined;
    const files = entries ? entries.filter((e) => ctx.env.readFile(`${path.replace(/\/+$/, '')}/${e}`) !== undefined).sort().map((e) => [e, `${path.replace(/\/+$/, '')}/${e}`] as const) : [[key ?? path.split('/').at(-1)!, path] as const];
    for (const [k, file] of files) {
      const text = ctx.env.readFile(file);
      if (text === undefined) return fail(message('fromFileMissing', file));
      if (k in data) return fail(message('fromFileDuplicateKey', k, name));
      data[k] = text;
    }
  }
  return createGenerated(ctx, configMapFor(name, namespace, data));
}
