import type { Deployment, KubeObject, ReplicaSet } from '../../cluster/api/types';
import { selectorText } from '../printers/format';

/** An autoscaling/v1 Scale: what the apiserver serves at a workload's /scale. */
export interface Scale extends KubeObject {
  apiVersion: 'autoscaling/v1';
  kind: 'Scale';
  spec: { replicas?: number };
  status: { replicas: number; selector?: string };
}

/** The kinds of this cluster that have a /scale subresource. */
export function hasScale(obj: KubeObject): obj is Deployment | ReplicaSet {
  return obj.kind === 'Deployment' || obj.kind === 'ReplicaSet';
}

/**
 * The Scale of a Deployment or ReplicaSet, as the registry's
 * scaleFromDeployment builds it: the parent's identity (name, namespace,
 * uid, resourceVersion, creationTimestamp), spec.replicas, and the status's
 * total replicas with the selector's String().
 */
export function scaleOf(obj: Deployment | ReplicaSet): Scale {
  const m = obj.metadata;
  return {
    apiVersion: 'autoscaling/v1',
    kind: 'Scale',
    metadata: {
      name: m.name,
      ...(m.namespace !== undefined ? { namespace: m.namespace } : {}),
      uid: m.uid,
      resourceVersion: m.resourceVersion,
      creationTimestamp: m.creationTimestamp,
    },
    spec: { replicas: obj.spec.replicas ?? 0 },
    status: { replicas: obj.status?.replicas ?? 0, selector: selectorText(obj.spec.selector) },
  };
}
