/**
 * kubectl's table layout (cli-runtime's tabwriter: minwidth 6, padding 3,
 * padchar ' '): every column but the last is as wide as its widest cell
 * plus three spaces, never narrower than six; the last is not padded.
 */
export function formatTable(rows: string[][]): string {
  if (rows.length === 0) return '';
  const columns = Math.max(...rows.map((r) => r.length));
  const widths: number[] = [];
  for (let c = 0; c < columns - 1; c++) {
    widths.push(Math.max(6, ...rows.map((r) => (r[c] ?? '').length + 3)));
  }
  return rows
    .map((r) =>
      r
        .map((cell, c) => (c < r.length - 1 ? cell.padEnd(widths[c]!) : cell))
        .join(''),
    )
    .join('\n') + '\n';
}
