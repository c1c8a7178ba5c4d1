import type { Container, Pod } from './types';

/**
 * The pod's QoS class, as the apiserver works it out when the pod is
 * created (pkg/apis/core/helper/qos): Guaranteed when every container's
 * requests equal its cpu and memory limits, BestEffort with none, counting
 * init containers as GetPodQOS does.
 */
export function podQosClass(pod: Pod): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  // Init containers count too; a pod refused later by validation may have no containers at all.
  const containers = pod.spec?.containers ?? NONE;
  const inits = pod.spec?.initContainers ?? NONE;
  if (!containers.some(hasResources) && !inits.some(hasResources)) return 'BestEffort';
  return containers.every(isGuaranteed) && inits.every(isGuaranteed) ? 'Guaranteed' : 'Burstable';
}

const NONE: Container[] = [];

function hasResources(c: Container): boolean {
  return hasKeys(c.resources?.requests) || hasKeys(c.resources?.limits);
}

/** Whether a container's cpu and memory limits are set and its requests (defaulting to the limits) equal them. */
function isGuaranteed(c: Container): boolean {
  const l = c.resources?.limits ?? {};
  const r = { ...l, ...(c.resources?.requests ?? {}) };
  return Boolean(l.cpu && l.memory && r.cpu === l.cpu && r.memory === l.memory);
}

function hasKeys(map: object | undefined): boolean {
  for (const _ in map) return true;
  return false;
}
