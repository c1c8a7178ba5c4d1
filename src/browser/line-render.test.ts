import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderLine } from './line-render';

/**
 * A minimal model of a VT100 screen with xterm's auto-wrap (a printed
 * character at the last column leaves the cursor waiting there; the next
 * printed character wraps first). Enough to read back what renderLine drew.
 */
class Screen {
  rows: string[][] = [[]];
  row = 0;
  col = 0;
  pendingWrap = false;
  constructor(readonly cols: number) {}

  write(data: string): void {
    for (let i = 0; i < data.length; i++) {
      const ch = data[i]!;
      if (ch === '\x1b') {
        const m = /^\[(\d*)([ACJ])/.exec(data.slice(i + 1))!;
        const n = Number(m[1] || '1');
        if (m[2] === 'A') this.row = Math.max(0, this.row - n);
        if (m[2] === 'C') this.col = Math.min(this.cols - 1, this.col + n);
        if (m[2] === 'J') {
          this.line().length = this.col;
          this.rows.length = this.row + 1;
        }
        this.pendingWrap = false;
        i += m[0].length;
      } else if (ch === '\r') {
        this.col = 0;
        this.pendingWrap = false;
      } else if (ch === '\b') {
        if (this.pendingWrap) this.pendingWrap = false;
        else this.col = Math.max(0, this.col - 1);
      } else {
        if (this.pendingWrap) {
          this.row += 1;
          this.col = 0;
          this.pendingWrap = false;
        }
        this.line()[this.col] = ch;
        if (this.col === this.cols - 1) this.pendingWrap = true;
        else this.col += 1;
      }
    }
  }

  private line(): string[] {
    while (this.rows.length <= this.row) this.rows.push([]);
    return this.rows[this.row]!;
  }

  text(): string {
    return this.rows.map((r) => Array.from(r, (c) => c ?? ' ').join('')).join('').trimEnd();
  }
}

describe('renderLine', () => {
  it('draws a short line and puts the cursor inside it', () => {
    const r = renderLine({ prompt: '$ ', promptWidth: 2, text: 'kubectl', cursor: 3, columns: 80 }, 0);
    expect(r).toEqual({ output: '\r\x1b[J$ kubectl\r\x1b[5C', cursorOffset: 5 });
  });

  it('redraws any line over any previous one, wrapped or not, with the cursor where the editor has it', () => {
    const line = fc.record({ text: fc.string({ unit: fc.constantFrom('a', 'b', ' ', '-'), maxLength: 60 }), cursorFraction: fc.double({ min: 0, max: 1, noNaN: true }) });
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 20 }), line, line, (columns, before, after) => {
        const screen = new Screen(columns);
        const draw = (l: { text: string; cursorFraction: number }, previous: number) => {
          const cursor = Math.floor(l.cursorFraction * l.text.length);
          const r = renderLine({ prompt: '$ ', promptWidth: 2, text: l.text, cursor, columns }, previous);
          screen.write(r.output);
          return r.cursorOffset;
        };
        const offset = draw(after, draw(before, 0));
        expect(screen.text()).toBe(`$ ${after.text}`.trimEnd());
        expect([screen.row, screen.col]).toEqual([Math.floor(offset / columns), offset % columns]);
      }),
    );
  });
});
