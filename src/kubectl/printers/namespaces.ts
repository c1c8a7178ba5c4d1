import type { Namespace } from '../../cluster/api/types';
import { age } from './age';
import { simplePrinter } from './kind-printer';

export const namespacePrinter = simplePrinter<Namespace>(['NAME', 'STATUS', 'AGE'], [], (ns, now) => [ns.metadata.name, ns.status?.phase ?? '', age(ns.metadata.creationTimestamp, now)]);
