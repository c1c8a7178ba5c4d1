import type { ConfigMap, Event } from '../../../cluster/api/types';
import { annotationsMultiline, compare, describeEvents, labelsMultiline } from './common';
import { DescribeWriter } from './tabwriter';

/** The byte length of a base64 value, as binaryData decodes it. */
function decodedLength(b64: string): number {
  const clean = b64.replace(/\s/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((clean.length * 3) / 4) - padding);
}

/** ConfigMapDescriber: each key then `----` then its value; binary keys by size. */
export function describeConfigMap(cm: ConfigMap, events: readonly Event[] | undefined, now: number): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${cm.metadata.name}\n`);
  w.write(0, `Namespace:\t${cm.metadata.namespace ?? ''}\n`);
  labelsMultiline(w, 'Labels', cm.metadata.labels);
  annotationsMultiline(w, 'Annotations', cm.metadata.annotations);
  w.write(0, '\nData\n====\n');
  const data = cm.data ?? {};
  for (const k of Object.keys(data).sort(compare)) {
    w.write(0, `${k}:\n----\n`);
    w.write(0, `${data[k]}\n`);
    w.write(0, '\n');
  }
  w.write(0, '\nBinaryData\n====\n');
  const binary = cm.binaryData ?? {};
  for (const k of Object.keys(binary).sort(compare)) w.write(0, `${k}: ${decodedLength(binary[k]!)} bytes\n`);
  w.write(0, '\n');
  if (events) describeEvents(w, events, now);
  return w.toString();
}
