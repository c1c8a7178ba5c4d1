import type { ConfigMap, DaemonSet, Deployment, EndpointSlice, Endpoints, Namespace, NetworkPolicy, Node, Pod, ReplicaSet, Service } from '../../../cluster/api/types';
import type { DescribedObject, DescribeResult } from '../../commands/describe';
import { message, renderMessage } from '../../messages';
import { err, line, out, type Chunk } from '../../output';
import { renderError } from '../errors';
import { describeEndpointSlice, describeEndpoints } from './endpoints';
import { describeGeneric } from './generic';
import { describeNamespace } from './namespace';
import { describeNetworkPolicy } from './networkpolicy';
import { describeNode } from './node';
import { describePod } from './pod';
import { describeService } from './service';
import { describeConfigMap } from './configmap';
import { describeDaemonSet, describeDeployment, describeReplicaSet } from './workloads';

/** One object's description, or undefined when this simulation has no describer for its kind. */
export function describeObject(item: DescribedObject, now: number): string | undefined {
  const { object, events, related } = item;
  switch (item.info.kind) {
    case 'Pod':
      return describePod(object as Pod, events, now);
    case 'Service':
      return describeService(object as Service, related.endpointSlices ?? [], events, now);
    case 'Deployment':
      return describeDeployment(object as Deployment, related.newReplicaSet, related.oldReplicaSets ?? [], events, now);
    case 'ReplicaSet':
      return describeReplicaSet(object as ReplicaSet, related.pods ?? [], events, now);
    case 'DaemonSet':
      return describeDaemonSet(object as DaemonSet, related.pods ?? [], events, now);
    case 'ConfigMap':
      return describeConfigMap(object as ConfigMap, events, now);
    case 'Node':
      return describeNode(object as Node, related.pods ?? [], events, now);
    case 'Endpoints':
      return describeEndpoints(object as Endpoints, events, now);
    case 'EndpointSlice':
      return describeEndpointSlice(object as EndpointSlice, events, now);
    case 'Namespace':
      return describeNamespace(object as Namespace);
    case 'NetworkPolicy':
      return describeNetworkPolicy(object as NetworkPolicy);
    case 'Event':
      return describeGeneric(object, events, now);
    default:
      return undefined;
  }
}

/**
 * `kubectl describe` output (describe.go Run): descriptions separated by a
 * blank line (`\n\n` before each but the first), or followed by one each
 * when found by name prefix; "No resources found" on stderr when nothing
 * matched; errors last, each distinct error once.
 */
export function printDescribe(result: DescribeResult): Chunk[] {
  const chunks: Chunk[] = result.warnings.map((w) => err(line(renderMessage(w))));
  const texts: string[] = [];
  const missing = new Set<string>();
  for (const item of result.items) {
    const text = describeObject(item, result.now);
    if (text === undefined) missing.add(item.info.singular);
    else texts.push(text);
  }
  if (texts.length > 0) chunks.push(out(result.byPrefix ? texts.map((t) => `${t}\n`).join('') : texts.join('\n\n')));
  const errors = [...missing].map((kind) => renderError({ type: 'client', message: message('noDescriber', kind) }));
  if (result.items.length === 0 && !result.error) {
    const notice = result.command.allNamespaces ? message('noResources') : message('noResourcesInNamespace', result.namespace);
    chunks.push(err(line(renderMessage(notice))));
  }
  if (result.error) chunks.push(err(renderError(result.error)));
  for (const e of errors) chunks.push(err(e));
  return chunks;
}
