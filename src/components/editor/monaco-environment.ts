/**
 * Where Monaco finds its web workers. Vite's `?worker` imports bundle each
 * worker as its own file under the site's assets (same origin), so a
 * Content-Security-Policy needs `worker-src 'self'` and nothing looser:
 * no blob: and no data: workers. Only the editor's base worker and the YAML
 * language worker are wired; the editor asks for nothing else.
 */
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';
import YamlWorker from './yaml.worker.ts?worker';

/** A fresh worker for a Monaco worker label. */
export function makeWorker(label: string): Worker {
  return label === 'yaml' ? new YamlWorker() : new EditorWorker();
}

export function installMonacoEnvironment(): void {
  (globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
    getWorker: (_moduleId: string, label: string): Worker => makeWorker(label),
  };
}
