import type { DaemonSet } from '../../cluster/api/types';
import { age } from './age';
import { containerCells, formatLabelSelector, labelsText } from './format';
import { simplePrinter } from './kind-printer';

export const daemonSetPrinter = simplePrinter<DaemonSet>(
  ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
  ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  (d, now) => [
    d.metadata.name,
    String(d.status?.desiredNumberScheduled ?? 0),
    String(d.status?.currentNumberScheduled ?? 0),
    String(d.status?.numberReady ?? 0),
    String(d.status?.updatedNumberScheduled ?? 0),
    String(d.status?.numberAvailable ?? 0),
    labelsText(d.spec.template.spec.nodeSelector),
    age(d.metadata.creationTimestamp, now),
  ],
  (d) => [...containerCells(d.spec.template.spec.containers), formatLabelSelector(d.spec.selector)],
);
