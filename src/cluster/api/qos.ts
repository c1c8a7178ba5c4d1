import type { Container, Pod } from './types';

/**
 * The pod's QoS class, as the apiserver works it out when the pod is
 * created (pkg/apis/core/helper/qos): Guaranteed when every container's
 * requests equal its cpu and memory limits, BestEffort with none, counting
 * init containers as GetPodQOS does.
 */
export function podQosClass(pod: Pod): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  // Init containers count too; a pod refused later by validation may have no containers at all.
  const containers = pod.spec?.containers ?? NO_CONTAINERS;
  const initContainers = pod.spec?.initContainers ?? NO_CONTAINERS;
  if (!containers.some(hasResources) && !initContainers.some(hasResources)) return 'BestEffort';
  return containers.every(isGuaranteed) && initContainers.every(isGuaranteed) ? 'Guaranteed' : 'Burstable';
}

const NO_CONTAINERS: readonly Container[] = [];

/** Whether the container requests or limits anything. */
function hasResources(c: Container): boolean {
  return hasKeys(c.resources?.requests) || hasKeys(c.resources?.limits);
}

function hasKeys(o: object | undefined): boolean {
  for (const _ in o) return true;
  return false;
}

/** Whether the container's cpu and memory limits are set and its requests (defaulting to them) equal them. */
function isGuaranteed(c: Container): boolean {
  const l = c.resources?.limits ?? {};
  const r = c.resources?.requests ?? {};
  const cpu = 'cpu' in r ? r.cpu : l.cpu;
  const memory = 'memory' in r ? r.memory : l.memory;
  return !!(l.cpu && l.memory && cpu === l.cpu && memory === l.memory);
}
