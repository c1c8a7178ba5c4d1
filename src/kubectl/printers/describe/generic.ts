import type { Event, KubeObject } from '../../../cluster/api/types';
import { goValue } from '../../jsonpath/index';
import { annotationsMultiline, compare, describeEvents, labelsMultiline } from './common';
import { DescribeWriter } from './tabwriter';

const ACRONYMS = new Set(['API', 'URL', 'UID', 'OSB', 'GUID']);

/** fatih/camelcase Split: runs of lower case, of upper case, of digits, an upper-case run handing its last letter to a following lower-case run. */
function camelSplit(field: string): string[] {
  const kind = (c: string) => (/[a-z]/.test(c) ? 1 : /[A-Z]/.test(c) ? 2 : /[0-9]/.test(c) ? 3 : 4);
  const runs: string[] = [];
  for (const c of field) {
    const last = runs.at(-1);
    if (last !== undefined && kind(last.at(-1)!) === kind(c)) runs[runs.length - 1] = last + c;
    else runs.push(c);
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (kind(runs[i]![0]!) === 2 && kind(runs[i + 1]![0]!) === 1) {
      runs[i + 1] = runs[i]!.slice(-1) + runs[i + 1]!;
      runs[i] = runs[i]!.slice(0, -1);
    }
  }
  return runs.filter((r) => r !== '');
}

/** smartLabelFor: `involvedObject` → `Involved Object`, `apiVersion` → `API Version`; fields with other characters as they are. */
export function smartLabel(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  return camelSplit(field)
    .filter((p) => p !== '_')
    .map((p) => (ACRONYMS.has(p.toUpperCase()) ? p.toUpperCase() : p[0]!.toUpperCase() + p.slice(1)))
    .join(' ');
}

function printContent(w: DescribeWriter, level: number, content: Record<string, unknown>, prefix: string, skip: ReadonlySet<string>): void {
  for (const field of Object.keys(content).sort(compare)) {
    const value = content[field];
    const path = `${prefix}.${field}`;
    if (skip.has(path) || value === undefined) continue;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      printContent(w, level + 1, value as Record<string, unknown>, path, skip);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      for (const child of value) {
        if (child !== null && typeof child === 'object' && !Array.isArray(child)) printContent(w, level + 1, child as Record<string, unknown>, path, skip);
        else w.write(level + 1, `${goValue(child)}\n`);
      }
    } else {
      w.write(level, `${smartLabel(field)}:\t${goValue(value)}\n`);
    }
  }
}

const SKIPPED = new Set(['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']);

/** genericDescriber: for kinds kubectl has no describer for (Events here), every field of the object in sorted order. */
export function describeGeneric(obj: KubeObject, events: readonly Event[] | undefined, now: number): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${obj.metadata.name}\n`);
  w.write(0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  labelsMultiline(w, 'Labels', obj.metadata.labels);
  annotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  printContent(w, 0, JSON.parse(JSON.stringify(obj)) as Record<string, unknown>, '', SKIPPED);
  if (events) describeEvents(w, events, now);
  return w.toString();
}
