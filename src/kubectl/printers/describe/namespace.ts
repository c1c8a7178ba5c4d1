import type { Namespace } from '../../../cluster/api/types';
import { annotationsMultiline, labelsMultiline } from './common';
import { DescribeWriter } from './tabwriter';

/**
 * describeNamespace. The simulated cluster has no ResourceQuota or
 * LimitRange objects, so both sections say so, as on a fresh kind cluster.
 */
export function describeNamespace(ns: Namespace): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${ns.metadata.name}\n`);
  labelsMultiline(w, 'Labels', ns.metadata.labels);
  annotationsMultiline(w, 'Annotations', ns.metadata.annotations);
  w.write(0, `Status:\t${ns.status?.phase ?? ''}\n`);
  w.write(0, '\nNo resource quota.\n');
  w.write(0, '\nNo LimitRange resource.\n');
  return w.toString();
}
