import type { Cluster } from '../../cluster/cluster';
import type { ContainerStatus, Pod } from '../../cluster/api/types';
import { listOf } from '../connect/address-index';
import { sha256 } from '../../cluster/util/sha256';

/**
 * What containerd on a node knows about its containers, read from the
 * kubelet's account in the pods' status (the CRI ListContainers answer):
 * the running container of each started pod, and the last exited one
 * that the kubelet's garbage collection keeps after a restart.
 */
export interface NodeContainer {
  /** 64 hex digits: the kubelet's containerID without `containerd://`. */
  id: string;
  /** The sandbox's id, 64 hex digits. */
  podSandboxId: string;
  /** The image as the kubelet reports it to the CRI: its digest (`sha256:…`). */
  image: string;
  /** The image reference the pod asked for. */
  imageRef: string;
  /** ms on the virtual clock. */
  createdAt: number;
  state: 'Created' | 'Running' | 'Exited' | 'Unknown';
  name: string;
  attempt: number;
  podName: string;
  podNamespace: string;
  podUid: string;
}

/** The pod sandbox's id: stable, from the pod's uid (containerd makes one random id per sandbox). */
export function sandboxID(pod: Pod): string {
  return Array.from(sha256(`${pod.metadata.uid}/sandbox`), (b) => b.toString(16).padStart(2, '0')).join('');
}

const bareID = (id: string) => id.replace(/^[a-z]+:\/\//, '');

export function nodeContainers(cluster: Cluster, node: string): NodeContainer[] {
  const out: NodeContainer[] = [];
  for (const pod of listOf(cluster, 'Pod')) {
    if (pod.spec.nodeName !== node) continue;
    for (const status of pod.status?.containerStatuses ?? []) out.push(...fromStatus(cluster, pod, status));
  }
  return out;
}

function fromStatus(cluster: Cluster, pod: Pod, s: ContainerStatus): NodeContainer[] {
  const spec = pod.spec.containers.find((c) => c.name === s.name);
  const digest = cluster.catalogue.lookup(spec?.image ?? s.image)?.digest ?? '';
  const base = {
    podSandboxId: sandboxID(pod),
    image: digest,
    imageRef: s.image,
    name: s.name,
    podName: pod.metadata.name,
    podNamespace: pod.metadata.namespace ?? 'default',
    podUid: pod.metadata.uid,
  };
  const out: NodeContainer[] = [];
  const state = s.state as { running?: { startedAt: string }; terminated?: { startedAt?: string; containerID?: string } };
  const last = (s.lastState as { terminated?: { startedAt?: string; containerID?: string } } | undefined)?.terminated;
  if (state.running && s.containerID) {
    out.push({ ...base, id: bareID(s.containerID), createdAt: Date.parse(state.running.startedAt), state: 'Running', attempt: s.restartCount });
  } else if (state.terminated?.containerID) {
    out.push({ ...base, id: bareID(state.terminated.containerID), createdAt: Date.parse(state.terminated.startedAt ?? ''), state: 'Exited', attempt: s.restartCount });
  }
  // The attempt before this one, kept exited until the next restart replaces it.
  if (last?.containerID && s.restartCount > 0 && bareID(last.containerID) !== out[0]?.id) {
    out.push({ ...base, id: bareID(last.containerID), createdAt: Date.parse(last.startedAt ?? ''), state: 'Exited', attempt: s.restartCount - 1 });
  }
  return out;
}
