/** One piece of what a command printed, on the stream it went to. */
export interface Chunk {
  stream: 'stdout' | 'stderr';
  text: string;
}

/** What a kubectl invocation printed, in order, and how it exited. */
export interface Printed {
  chunks: Chunk[];
  exitCode: number;
}

export const out = (text: string): Chunk => ({ stream: 'stdout', text });
export const err = (text: string): Chunk => ({ stream: 'stderr', text });

/** A line of text: kubectl's messages end with exactly one newline. */
export function line(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
