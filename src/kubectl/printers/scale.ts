import type { Scale } from '../commands/scale-subresource';
import { age } from './age';
import { simplePrinter } from './kind-printer';

/** printScale's columns (scaleColumnDefinitions): the desired and the current replicas of `--subresource=scale`. */
export const scalePrinter = simplePrinter<Scale>(['NAME', 'DESIRED', 'AVAILABLE', 'AGE'], [], (s, now) => [
  s.metadata.name,
  String(s.spec.replicas ?? 0),
  String(s.status.replicas),
  age(s.metadata.creationTimestamp, now),
]);
