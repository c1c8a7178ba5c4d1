import type { KubeObject } from '../../cluster/api/types';

/**
 * The `kubectl get` columns of one kind, as the apiserver's table
 * convertor builds them (pkg/printers/internalversion/printers.go):
 * column names upper-cased, `wide` columns (priority 1) only with -o wide.
 */
export interface KindPrinter<T extends KubeObject = KubeObject> {
  headers(wide: boolean): string[];
  row(obj: T, now: number, wide: boolean): string[];
  /** The column holding the object's name, which a mixed listing prefixes with the kind. */
  nameColumn(wide: boolean): number | undefined;
}

/** The usual shape: the name first, wide columns appended. */
export function simplePrinter<T extends KubeObject>(
  headers: string[],
  wideHeaders: string[],
  cells: (obj: T, now: number) => string[],
  wideCells: (obj: T) => string[] = () => [],
): KindPrinter<T> {
  return {
    headers: (wide) => (wide ? [...headers, ...wideHeaders] : [...headers]),
    row: (obj, now, wide) => (wide ? [...cells(obj, now), ...wideCells(obj)] : cells(obj, now)),
    nameColumn: () => 0,
  };
}
