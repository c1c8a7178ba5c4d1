import { lookupResource, type ResourceInfo } from '../../cluster/api/resources';
import { message, type Message } from '../messages';

/**
 * What the resource arguments of get/delete name, in resource.Builder's
 * forms: `pods`, `pods web db`, `deploy,svc`, `all`, or `pod/web svc/db`.
 */
export type Targets =
  | { form: 'types'; types: ResourceInfo[]; names: string[] }
  | { form: 'pairs'; pairs: { info: ResourceInfo; name: string }[] };

export type TargetsResult = { ok: true; targets: Targets } | { ok: false; error: Message };

/** The `all` category as this cluster serves it, in the order `kubectl get all` prints it. */
export const ALL_CATEGORY = ['pods', 'services', 'daemonsets', 'deployments', 'replicasets'] as const;

/**
 * Resource types a kind v1.34 cluster serves that this one does not
 * (plural, singular and short names, with their group suffix): refused as
 * not simulated rather than as unknown to the server, which would be untrue.
 */
const NOT_SIMULATED_TYPES = new Set([
  'secrets', 'secret', 'serviceaccounts', 'serviceaccount', 'sa', 'statefulsets', 'statefulset', 'sts', 'jobs', 'job', 'cronjobs', 'cronjob', 'cj',
  'ingresses', 'ingress', 'ing', 'ingressclasses', 'ingressclass', 'persistentvolumeclaims', 'persistentvolumeclaim', 'pvc', 'persistentvolumes',
  'persistentvolume', 'pv', 'storageclasses', 'storageclass', 'sc', 'roles', 'role', 'rolebindings', 'rolebinding', 'clusterroles', 'clusterrole',
  'clusterrolebindings', 'clusterrolebinding', 'leases', 'lease', 'horizontalpodautoscalers', 'horizontalpodautoscaler', 'hpa',
  'poddisruptionbudgets', 'poddisruptionbudget', 'pdb', 'resourcequotas', 'resourcequota', 'quota', 'limitranges', 'limitrange', 'limits',
  'replicationcontrollers', 'replicationcontroller', 'rc', 'priorityclasses', 'priorityclass', 'pc', 'customresourcedefinitions',
  'customresourcedefinition', 'crd', 'crds', 'controllerrevisions', 'controllerrevision', 'podtemplates', 'podtemplate',
  'componentstatuses', 'componentstatus', 'cs', 'certificatesigningrequests', 'certificatesigningrequest', 'csr', 'csinodes', 'csinode',
  'csidrivers', 'csidriver', 'csistoragecapacities', 'csistoragecapacity', 'volumeattachments', 'volumeattachment', 'runtimeclasses',
  'runtimeclass', 'mutatingwebhookconfigurations', 'mutatingwebhookconfiguration', 'validatingwebhookconfigurations',
  'validatingwebhookconfiguration', 'validatingadmissionpolicies', 'validatingadmissionpolicy', 'validatingadmissionpolicybindings',
  'validatingadmissionpolicybinding', 'apiservices', 'apiservice', 'flowschemas', 'flowschema', 'prioritylevelconfigurations',
  'prioritylevelconfiguration', 'ipaddresses', 'ipaddress', 'servicecidrs', 'servicecidr', 'deviceclasses', 'deviceclass', 'resourceclaims',
  'resourceclaim', 'resourceclaimtemplates', 'resourceclaimtemplate', 'resourceslices', 'resourceslice',
]);

/** The message for a type this cluster cannot serve: not simulated, or unknown as the apiserver says it. */
export function unservedType(typed: string): Message {
  const base = typed.toLowerCase().split('.')[0]!;
  return NOT_SIMULATED_TYPES.has(base) ? message('notAvailable', typed) : message('unknownResourceType', typed);
}

function resolve(typed: string): ResourceInfo[] | Message {
  if (typed.toLowerCase() === 'all') return ALL_CATEGORY.map((r) => lookupResource(r)!);
  const info = lookupResource(typed);
  return info ? [info] : unservedType(typed);
}

/** The resource arguments when -f names the objects: none (the objects come from the files). */
export function noTargets(): TargetsResult {
  return { ok: true, targets: { form: 'pairs', pairs: [] } };
}

export function parseTargets(args: readonly string[]): TargetsResult {
  const withSlash = args.filter((a) => a.includes('/')).length;
  if (withSlash > 0 && withSlash !== args.length) return { ok: false, error: message('mixedResourceArgs') };
  if (withSlash > 0) {
    const pairs: { info: ResourceInfo; name: string }[] = [];
    for (const arg of args) {
      const slash = arg.indexOf('/');
      const type = arg.slice(0, slash);
      const name = arg.slice(slash + 1);
      if (type === '' || name === '' || name.includes('/')) return { ok: false, error: message('badResourceNameArg') };
      const info = lookupResource(type);
      if (!info) return { ok: false, error: unservedType(type) };
      pairs.push({ info, name });
    }
    return { ok: true, targets: { form: 'pairs', pairs } };
  }
  const [typeArg, ...names] = args;
  const types: ResourceInfo[] = [];
  for (const typed of (typeArg ?? '').split(',')) {
    if (typed === '') continue;
    const found = resolve(typed);
    if (!Array.isArray(found)) return { ok: false, error: found };
    types.push(...found);
  }
  return { ok: true, targets: { form: 'types', types, names } };
}
