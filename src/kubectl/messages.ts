import { ApiError, type StatusReason } from '../cluster/api/errors';

/**
 * kubectl's messages in one place, worded as kubectl v1.34 words them
 * (staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go and the commands).
 */
export const messages = {
  noResources: (namespace: string | undefined) => (namespace ? `No resources found in ${namespace} namespace.` : 'No resources found'),
  unknownResourceType: (typed: string) => `error: the server doesn't have a resource type "${typed}"`,
  unknownCommand: (cmd: string) => `error: unknown command "${cmd}" for "kubectl"`,
  notSimulated: (cmd: string) => `error: "kubectl ${cmd}" is not available in this simulated cluster`,
  flagError: (text: string, cmd: string) => `error: ${text}\nSee 'kubectl ${cmd} --help' for usage.`,
  pathMissing: (path: string) => `error: the path "${path}" does not exist`,
  needFilename: () => 'error: must specify one of -f and -k',
  needResource: () =>
    'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples',
  deleteNeedsTarget: () => 'error: resource(s) were provided, but no name was specified',
  kindNotSet: (source: string) =>
    `error: error validating "${source}": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false`,
  apiVersionNotSet: (source: string) =>
    `error: error validating "${source}": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false`,
  noMatchForKind: (name: string, namespace: string, source: string, kind: string, version: string) =>
    `error: resource mapping not found for name: "${name}" namespace: "${namespace}" from "${source}": no matches for kind "${kind}" in version "${version}"\nensure CRDs are installed first`,
  yamlError: (source: string, detail: string) => `error: error parsing ${source}: error converting YAML to JSON: yaml: ${detail}`,
  endpointsDeprecated: () => 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice',
  unsupportedOutput: (format: string) =>
    `error: unable to match a printer suitable for the output format "${format}", allowed formats are: json,name,wide,yaml`,
};

/**
 * How kubectl prints an apiserver error (helpers.go checkErr): Invalid
 * errors rebuilt from their causes as `The Service "web" is invalid: ...`,
 * everything else as `Error from server (Reason): [error when <verb> "<file>": ]message`.
 */
export function formatApiError(e: ApiError, source?: { verb: string; file: string }, several = false): string {
  // A lone Invalid error is rebuilt from its causes; among several, kubectl prints each as it came.
  if (!several && e.reason === 'Invalid' && e.details?.causes && e.details.causes.length > 0) {
    const kind = e.details.kind;
    const causes = e.details.causes.map((c) => `${c.field}: ${c.message}`);
    const head = `The ${kind} "${e.details.name}" is invalid: `;
    return causes.length === 1 ? `${head}${causes[0]}` : `${head}\n${causes.map((c) => `* ${c}`).join('\n')}`;
  }
  const where = source ? `error when ${source.verb} "${source.file}": ` : '';
  return `Error from server (${e.reason as StatusReason}): ${where}${e.message}`;
}
