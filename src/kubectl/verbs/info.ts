import { RESOURCES, apiVersionOf } from '../../cluster/api/resources';
import type { KubectlEnv } from '../env';
import { message } from '../messages';
import { out, type Printed } from '../output';
import { formatTable } from '../printers/table';
import { fail, isPrinted, parseVerb, printed, usage } from './common';

/** The kubeconfig context a kind cluster named `podlab` gets. */
export const CONTEXT = 'kind-podlab';
/** kubectl v1.34 ships kustomize v5.7.1. */
const KUSTOMIZE = 'v5.7.1';

/** `kubectl version`: client and server match the nodes' version. */
export function runVersion(argv: readonly string[], env: KubectlEnv): Printed {
  const ctx = parseVerb(argv, [{ name: 'client', type: 'bool', supported: false }, { name: 'output', short: 'o', type: 'string', supported: false }], 'kubectl version', env);
  if (isPrinted(ctx)) return ctx;
  const version = 'v1.34.0';
  return printed([out(`Client Version: ${version}\nKustomize Version: ${KUSTOMIZE}\nServer Version: ${version}\n`)], false);
}

/**
 * The host port kind maps to the apiserver: random on a real machine; here
 * derived from the cluster's seed so that a session is reproducible.
 */
export function apiServerHostPort(seed: number): number {
  return 32768 + (Math.abs(Math.imul(seed, 2654435761)) % 28000);
}

/** `kubectl cluster-info`, as for a kind cluster (kubectl colours the names on a terminal; not here). */
export function runClusterInfo(argv: readonly string[], env: KubectlEnv): Printed {
  if (argv.includes('dump')) return fail(message('notAvailable', 'kubectl cluster-info dump'));
  const ctx = parseVerb(argv, [], 'kubectl cluster-info', env);
  if (isPrinted(ctx)) return ctx;
  const server = `https://127.0.0.1:${apiServerHostPort(env.cluster.seed)}`;
  const dns = env.cluster.store.get('Service', 'kube-system', 'kube-dns') ? `CoreDNS is running at ${server}/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n` : '';
  return printed([out(`Kubernetes control plane is running at ${server}\n${dns}\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`)], false);
}

/** `kubectl config current-context|get-contexts`: the one kind context. */
export function runConfig(argv: readonly string[], env: KubectlEnv): Printed {
  const sub = argv.find((a) => !a.startsWith('-'));
  const rest = argv.filter((a) => a !== sub);
  if (sub === 'current-context') {
    const ctx = parseVerb(rest, [], 'kubectl config current-context', env);
    return isPrinted(ctx) ? ctx : printed([out(`${CONTEXT}\n`)], false);
  }
  if (sub === 'get-contexts') {
    const ctx = parseVerb(rest, [{ name: 'output', short: 'o', type: 'string' }, { name: 'no-headers', type: 'bool' }], 'kubectl config get-contexts', env);
    if (isPrinted(ctx)) return ctx;
    if (ctx.flags.values.get('output')?.at(-1) === 'name') return printed([out(`${CONTEXT}\n`)], false);
    const namespace = env.namespace && env.namespace !== 'default' ? env.namespace : '';
    // The NAMESPACE cell is empty when the context sets none: tabwriter still pads the AUTHINFO column.
    const rows = [['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'], ['*', CONTEXT, CONTEXT, CONTEXT, namespace]];
    return printed([out(formatTable(rows))], false);
  }
  if (sub === undefined) return usage('a subcommand is required', 'kubectl config');
  return fail(message('notAvailable', `kubectl config ${sub}`));
}

/** `kubectl api-resources`: the kinds this cluster serves, core group first, then by group and name. */
export function runApiResources(argv: readonly string[], env: KubectlEnv): Printed {
  const ctx = parseVerb(argv, [{ name: 'namespaced', type: 'bool', supported: false }, { name: 'api-group', type: 'string', supported: false }, { name: 'output', short: 'o', type: 'string', supported: false }, { name: 'no-headers', type: 'bool' }], 'kubectl api-resources', env);
  if (isPrinted(ctx)) return ctx;
  const sorted = [...RESOURCES].sort((a, b) => (a.group === b.group ? a.plural.localeCompare(b.plural) : a.group.localeCompare(b.group)));
  const rows = sorted.map((r) => [r.plural, r.shortNames.join(','), apiVersionOf(r), String(r.namespaced), r.kind]);
  const header = ctx.flags.values.has('no-headers') ? [] : [['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND']];
  return printed([out(formatTable([...header, ...rows]))], false);
}
