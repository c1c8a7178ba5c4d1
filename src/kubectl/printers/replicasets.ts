import type { ReplicaSet } from '../../cluster/api/types';
import { age } from './age';
import { containerCells, formatLabelSelector } from './format';
import { simplePrinter } from './kind-printer';

export const replicaSetPrinter = simplePrinter<ReplicaSet>(
  ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
  ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  (r, now) => [r.metadata.name, String(r.spec.replicas ?? 0), String(r.status?.replicas ?? 0), String(r.status?.readyReplicas ?? 0), age(r.metadata.creationTimestamp, now)],
  (r) => [...containerCells(r.spec.template.spec.containers), formatLabelSelector(r.spec.selector)],
);
