/**
 * `kubectl get -w` in the terminal: after the table, kubectl prints one row
 * each time an object changes. The terminal reruns the get as virtual time
 * passes and this keeps what it last showed of each object, so only rows
 * whose content changed are printed. AGE is left out of the comparison: a
 * row that only got older is not a change to the object.
 */
export class WatchStream {
  private readonly seen = new Map<string, string>();

  /** Remembers the rows of the first table, which the terminal already printed. */
  constructor(firstOutput: string) {
    this.changedRows(firstOutput);
  }

  /** The rows of `output` (a table with its header) that differ from what was last seen, as they appear there. */
  changedRows(output: string): string[] {
    const lines = output.split('\n').filter((l) => l.trim() !== '');
    const header = lines[0];
    if (!header || !/^(NAMESPACE|NAME)\s/.test(header)) return [];
    const columns = header.split(/\s{2,}/);
    const ageAt = columns.indexOf('AGE');
    const keyWidth = columns[0] === 'NAMESPACE' ? 2 : 1;
    const changed: string[] = [];
    for (const row of lines.slice(1)) {
      const cells = row.trim().split(/\s{2,}/);
      const key = cells.slice(0, keyWidth).join('/');
      const content = cells.filter((_, i) => i !== ageAt).join(' ');
      if (this.seen.get(key) === content) continue;
      this.seen.set(key, content);
      changed.push(row);
    }
    return changed;
  }
}
