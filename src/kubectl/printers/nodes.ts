import type { Node } from '../../cluster/api/types';
import { age } from './age';
import { simplePrinter } from './kind-printer';

/** findNodeRoles: `node-role.kubernetes.io/<role>` keys and the `kubernetes.io/role` value, sorted and unique. */
export function nodeRoles(node: Node): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v !== '') {
      roles.add(v);
    }
  }
  return roles.size > 0 ? [...roles].sort().join(',') : '<none>';
}

/** printNode's STATUS: the Ready condition (`Ready`, `NotReady`, `Unknown` without one), then `SchedulingDisabled`. */
export function nodeStatus(node: Node): string {
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  const status = [!ready ? 'Unknown' : ready.status === 'True' ? 'Ready' : 'NotReady'];
  if (node.spec.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

const address = (node: Node, type: string) => node.status?.addresses?.find((a) => a.type === type)?.address ?? '<none>';

export const nodePrinter = simplePrinter<Node>(
  ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
  ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
  (n, now) => [n.metadata.name, nodeStatus(n), nodeRoles(n), age(n.metadata.creationTimestamp, now), n.status?.nodeInfo?.kubeletVersion ?? ''],
  (n) => {
    const info = n.status?.nodeInfo;
    return [address(n, 'InternalIP'), address(n, 'ExternalIP'), info?.osImage || '<unknown>', info?.kernelVersion || '<unknown>', info?.containerRuntimeVersion || '<unknown>'];
  },
);
