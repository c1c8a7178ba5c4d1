import type { ConfigMap } from '../../cluster/api/types';
import { age } from './age';
import { simplePrinter } from './kind-printer';

export const configMapPrinter = simplePrinter<ConfigMap>(['NAME', 'DATA', 'AGE'], [], (cm, now) => [
  cm.metadata.name,
  String(Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length),
  age(cm.metadata.creationTimestamp, now),
]);
