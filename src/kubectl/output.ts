/** One piece of what a command printed, on the stream it went to. */
export interface Chunk {
  stream: 'stdout' | 'stderr';
  text: string;
}

/** What a kubectl invocation printed, in order, and how it exited. */
export interface Printed {
  chunks: Chunk[];
  exitCode: number;
  /** `kubectl edit` where the host has an editor: the document to open there (see verbs/edit.ts). */
  edit?: EditRequest;
}

/**
 * `kubectl edit`'s file, as plain data (it survives a JSON round trip): the
 * host opens `text` in an editor under `path` and hands what is saved to
 * saveEdit with this request.
 */
export interface EditRequest {
  /** The editor tab's name, after kubectl's temporary file (`kubectl-edit-*.yaml`). */
  path: string;
  /** What the editor shows: the header comment (YAML only) and the object. */
  text: string;
  format: 'yaml' | 'json';
  kind: string;
  namespace?: string;
  name: string;
  /** `deployment.apps/web`: how the result lines name the object. */
  resource: string;
  /** The object as it was when the file was written: what the learner's changes are measured against. */
  original: unknown;
  /** The last save failed and the file was reopened with the failures. */
  failed?: boolean;
}

export const out = (text: string): Chunk => ({ stream: 'stdout', text });
export const err = (text: string): Chunk => ({ stream: 'stderr', text });

/** A line of text: kubectl's messages end with exactly one newline. */
export function line(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
