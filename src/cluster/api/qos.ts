import type { Pod } from './types';

/**
 * The pod's QoS class, as the apiserver works it out when the pod is
 * created (pkg/apis/core/helper/qos): Guaranteed when every container's
 * requests equal its cpu and memory limits, BestEffort with none, counting
 * init containers as GetPodQOS does.
 */
export function podQosClass(pod: Pod): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  // Init containers count too; a pod refused later by validation may have no containers at all.
  const cs = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  const any = cs.some((c) => Object.keys(c.resources?.requests ?? {}).length + Object.keys(c.resources?.limits ?? {}).length > 0);
  if (!any) return 'BestEffort';
  const guaranteed = cs.every((c) => {
    const l = c.resources?.limits ?? {};
    const r = { ...l, ...(c.resources?.requests ?? {}) };
    return l.cpu && l.memory && r.cpu === l.cpu && r.memory === l.memory;
  });
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
