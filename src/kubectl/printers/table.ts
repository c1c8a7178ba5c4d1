/**
 * kubectl's table layout: cli-runtime's tabwriter (minwidth 6, padding 3,
 * pad character ' '). Every cell but the last of a row ends a column as
 * wide as its widest cell plus three spaces, never narrower than six; the
 * last cell is not padded, so no line has trailing spaces.
 */
export function formatTable(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '';
  const width = (s: string) => [...s].length;
  const columns = Math.max(...rows.map((r) => r.length));
  const widths: number[] = [];
  for (let c = 0; c < columns - 1; c++) {
    let w = 6;
    for (const r of rows) if (c < r.length - 1) w = Math.max(w, width(r[c]!) + 3);
    widths.push(w);
  }
  let text = '';
  for (const r of rows) {
    text += r.map((cell, c) => (c < r.length - 1 ? cell + ' '.repeat(widths[c]! - width(cell)) : cell)).join('');
    text += '\n';
  }
  return text;
}
