import type { KubeObject } from '../../cluster/api/types';
import { findJsonPathResults, goValue, parseTemplate, relaxedJsonPath, type ListNode } from '../jsonpath/index';
import { message, type Message } from '../messages';
import { formatTable } from './table';

export interface CustomColumn {
  header: string;
  root: ListNode;
}

export type ColumnsSpec = { ok: true; columns: CustomColumn[] } | { ok: false; error: Message };

/** NewCustomColumnsPrinterFromSpec: `NAME:.metadata.name,IP:.status.podIP`. */
export function parseCustomColumns(spec: string): ColumnsSpec {
  if (spec === '') return { ok: false, error: message('customColumnsMissing') };
  const columns: CustomColumn[] = [];
  for (const part of spec.split(',')) {
    const colon = part.indexOf(':');
    if (colon === -1) return { ok: false, error: message('customColumnsSpec', part) };
    const path = relaxedJsonPath(part.slice(colon + 1));
    if (path === undefined) return { ok: false, error: message('relaxedJsonPath') };
    const parsed = parseTemplate(path);
    if (!parsed.ok) return { ok: false, error: message('plainError', parsed.detail) };
    columns.push({ header: part.slice(0, colon), root: parsed.root });
  }
  return { ok: true, columns };
}

/** EscapeTerminal on each value, as printOneObject does. */
const escape = (s: string) => s.replace(/\x1b/g, '^[').replace(/\r/g, '\\r');

/**
 * CustomColumnsPrinter: the header line (unless --no-headers), then one row
 * an object; several values join with ',', none prints `<none>`. A column
 * whose path cannot be evaluated on an object prints `<none>` there
 * (uncertain: kubectl stops with the evaluation error).
 */
export function printCustomColumns(columns: readonly CustomColumn[], objects: readonly KubeObject[], noHeaders: boolean): string {
  const rows = objects.map((obj) => {
    const data = JSON.parse(JSON.stringify(obj)) as unknown;
    return columns.map((c) => {
      let values: unknown[][];
      try {
        values = findJsonPathResults(c.root, data);
      } catch {
        values = [];
      }
      if (values.length === 0 || values[0]!.length === 0) return ['<none>', ...values.slice(1).flat().map((v) => escape(goValue(v)))].join(',');
      return values.flat().map((v) => escape(goValue(v))).join(',');
    });
  });
  return formatTable(noHeaders ? rows : [columns.map((c) => c.header), ...rows]);
}
