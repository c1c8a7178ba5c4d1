/**
 * Go's text/tabwriter as crictl and ipvs-facing tools call it: cells
 * separated by tabs, each column as wide as its widest cell plus
 * `padding`, never narrower than `minWidth`, padded with spaces; the text
 * after a line's last tab is not a column and is printed as it is.
 */
export function tabulate(rows: string[][], minWidth: number, padding: number): string {
  const widths: number[] = [];
  for (const row of rows) {
    for (let i = 0; i < row.length - 1; i++) widths[i] = Math.max(widths[i] ?? 0, row[i]!.length + padding, minWidth);
  }
  return rows.map((row) => row.map((cell, i) => (i < row.length - 1 ? cell.padEnd(widths[i]!) : cell)).join('') + '\n').join('');
}
