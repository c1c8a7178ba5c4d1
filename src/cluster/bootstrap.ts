import type { Namespace, Node } from './api/types';
import { draftMeta } from './api/meta';
import type { ClusterConfig, NodeConfig } from './config';

/**
 * The objects kubeadm (or kind) leaves behind before anyone runs kubectl:
 * the four built-in namespaces and one Node a machine, as their kubelets
 * register them.
 */

export function buildNamespaces(): Namespace[] {
  return ['default', 'kube-node-lease', 'kube-public', 'kube-system'].map((name) => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: draftMeta({ name, labels: { 'kubernetes.io/metadata.name': name } }),
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  }));
}

export function buildNode(node: NodeConfig, config: ClusterConfig): Node {
  const roleLabels = Object.fromEntries(node.roles.map((r) => [`node-role.kubernetes.io/${r}`, '']));
  const controlPlane = node.roles.includes('control-plane');
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: draftMeta({
      name: node.name,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': node.name,
        'kubernetes.io/os': 'linux',
        ...roleLabels,
        ...(controlPlane ? { 'node.kubernetes.io/exclude-from-external-load-balancers': '' } : {}),
        ...node.labels,
      },
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    }),
    spec: {
      podCIDR: node.podCIDR,
      podCIDRs: [node.podCIDR],
      providerID: `kind://docker/kind/${node.name}`,
      ...(node.taints.length > 0 ? { taints: node.taints.map((t) => ({ ...t })) } : {}),
    },
    status: {
      addresses: [
        { type: 'InternalIP', address: node.internalIP },
        { type: 'Hostname', address: node.name },
      ],
      allocatable: { cpu: '2', 'ephemeral-storage': '102626232Ki', memory: '8137728Ki', pods: '110' },
      capacity: { cpu: '2', 'ephemeral-storage': '102626232Ki', memory: '8137728Ki', pods: '110' },
      conditions: [
        { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
        { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
        { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
        { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
      ],
      nodeInfo: {
        architecture: 'amd64',
        containerRuntimeVersion: 'containerd://2.1.3',
        kernelVersion: '6.8.0-60-generic',
        kubeProxyVersion: '',
        kubeletVersion: config.kubernetesVersion,
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
      },
    },
  };
}
