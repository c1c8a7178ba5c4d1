/**
 * Go's text/tabwriter as `kubectl describe` sets it up (tabbedString:
 * minwidth 0, tabwidth 8, padding 2, pad character ' ', no flags).
 *
 * Unlike the `get` tables, a column here is a *block* of consecutive lines
 * that all have a tab-terminated cell in that column: a line without a tab
 * ends every block, and nested blocks align on their own. That is why, in a
 * real `kubectl describe pod`, `IP:` under `IPs:` aligns with `Controlled By:`
 * but not with `Name:`. The last cell of a line is never padded.
 */
export function goTabwrite(text: string, padding = 2, minwidth = 0): string {
  const lines = text.split('\n').map((l) => l.split('\t'));
  const width = (s: string) => [...s].length;
  const widths: number[] = [];
  let out = '';

  const writeLines = (line0: number, line1: number) => {
    for (let i = line0; i < line1; i++) {
      const line = lines[i]!;
      line.forEach((cell, j) => {
        out += cell;
        if (j < widths.length) out += ' '.repeat(Math.max(0, widths[j]! - width(cell)));
      });
      // The text after the last newline is a partial line: no newline of its own.
      if (i + 1 < lines.length) out += '\n';
    }
  };

  const format = (line0: number, line1: number) => {
    const column = widths.length;
    for (let t = line0; t < line1; t++) {
      if (column >= lines[t]!.length - 1) continue;
      // A column block starts here: print what came before, then size the block.
      writeLines(line0, t);
      line0 = t;
      let w = minwidth;
      for (; t < line1; t++) {
        const line = lines[t]!;
        if (column >= line.length - 1) break;
        w = Math.max(w, width(line[column]!) + padding);
      }
      widths.push(w);
      format(line0, t);
      widths.pop();
      line0 = t;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out;
}

/**
 * describe's PrefixWriter over a tabwriter: `write(level, text)` indents by
 * two spaces a level; `flush()` lays out what was written so far, so the
 * Events table (which flushes first) aligns on its own.
 */
export class DescribeWriter {
  private pending = '';
  private done = '';

  write(level: number, text: string): void {
    this.pending += '  '.repeat(level) + escapeTerminal(text);
  }

  /** WriteLine: the text and a newline, no indent. */
  line(text: string): void {
    this.write(0, `${text}\n`);
  }

  flush(): void {
    this.done += goTabwrite(this.pending);
    this.pending = '';
  }

  toString(): string {
    this.flush();
    return this.done;
  }
}

/**
 * printers.WriteEscaped (cli-runtime terminal.go): ESC and CR from a label
 * or message print as `^[` and `\\r`, never reach the terminal raw.
 */
function escapeTerminal(text: string): string {
  return text.replace(/\x1b/g, '^[').replace(/\r/g, '\\r');
}
