import type { Deployment } from '../../cluster/api/types';
import { age } from './age';
import { containerCells, selectorText } from './format';
import { simplePrinter } from './kind-printer';

export const deploymentPrinter = simplePrinter<Deployment>(
  ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
  ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  (d, now) => [
    d.metadata.name,
    `${d.status?.readyReplicas ?? 0}/${d.spec.replicas ?? 0}`,
    String(d.status?.updatedReplicas ?? 0),
    String(d.status?.availableReplicas ?? 0),
    age(d.metadata.creationTimestamp, now),
  ],
  // printDeployment prints the selector's String(), not FormatLabelSelector.
  (d) => [...containerCells(d.spec.template.spec.containers), selectorText(d.spec.selector)],
);
