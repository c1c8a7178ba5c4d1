/**
 * monaco-yaml 5.5 (through monaco-worker-manager 2) still calls
 * `monaco.editor.createWebWorker({ moduleId, label, createData })`, the form
 * monaco-editor dropped in 0.53 for `{ worker }`. This adapter gives it the
 * old form on top of the new one, doing what monaco's own language features
 * do (internal/common/workers.js): make the worker for the label, wake it,
 * send it its createData, then hand it to the new API.
 */
import type * as Monaco from './monaco-core';

interface LegacyWorkerOptions {
  label?: string;
  moduleId?: string;
  createData?: unknown;
  host?: Record<string, (...args: unknown[]) => unknown>;
  keepIdleModels?: boolean;
}

export function withLegacyCreateWebWorker(monaco: typeof Monaco, makeWorker: (label: string) => Worker): typeof Monaco {
  const createWebWorker = (opts: LegacyWorkerOptions | Parameters<typeof Monaco.editor.createWebWorker>[0]) => {
    if ('worker' in opts) return monaco.editor.createWebWorker(opts);
    const worker = makeWorker(opts.label ?? 'monaco-editor-worker');
    // The first message starts the worker's bootstrap; the second carries the language options.
    worker.postMessage('ignore');
    worker.postMessage(opts.createData);
    return monaco.editor.createWebWorker({ worker, host: opts.host, keepIdleModels: opts.keepIdleModels });
  };
  return { ...monaco, editor: { ...monaco.editor, createWebWorker } } as typeof Monaco;
}
