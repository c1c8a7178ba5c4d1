import type { NetworkPolicy } from '../../cluster/api/types';
import { age } from './age';
import { formatLabelSelector } from './format';
import { simplePrinter } from './kind-printer';

export const networkPolicyPrinter = simplePrinter<NetworkPolicy>(['NAME', 'POD-SELECTOR', 'AGE'], [], (np, now) => [
  np.metadata.name,
  formatLabelSelector(np.spec.podSelector),
  age(np.metadata.creationTimestamp, now),
]);
