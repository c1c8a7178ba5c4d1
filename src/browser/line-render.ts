/**
 * The escape sequences that redraw a prompt and its input line in place,
 * including lines that wrap past the terminal's width. DOM-free.
 *
 * Assumes every character takes one column (no wide CJK characters or
 * emoji): the shell's commands are ASCII.
 */

export interface RenderInput {
  prompt: string;
  /** The prompt's width in columns (it may carry colour escapes). */
  promptWidth: number;
  text: string;
  cursor: number;
  columns: number;
}

export interface Rendered {
  output: string;
  /** Where the cursor ends, in columns from the start of the prompt; pass it to the next render. */
  cursorOffset: number;
}

/**
 * Moves from where the cursor is (`previousOffset` columns from the start
 * of the prompt) back to the prompt, clears to the end of the screen,
 * writes prompt and text, and puts the cursor where the editor has it.
 */
export function renderLine(input: RenderInput, previousOffset: number): Rendered {
  const cols = Math.max(1, input.columns);
  let out = moveUp(Math.floor(previousOffset / cols)) + '\r\x1b[J' + input.prompt + input.text;
  const end = input.promptWidth + input.text.length;
  // After exactly filling a row the cursor waits at its last column; a space
  // and a backspace take it to the start of the next row, where our arithmetic has it.
  if (end > 0 && end % cols === 0) out += ' \b';
  const cursorOffset = input.promptWidth + input.cursor;
  out += moveUp(Math.floor(end / cols) - Math.floor(cursorOffset / cols)) + '\r';
  const col = cursorOffset % cols;
  if (col > 0) out += `\x1b[${col}C`;
  return { output: out, cursorOffset };
}

function moveUp(rows: number): string {
  return rows > 0 ? `\x1b[${rows}A` : '';
}
