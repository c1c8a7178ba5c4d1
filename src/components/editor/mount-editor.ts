/**
 * The workbench's manifest editor: a tab a file and an Apply button, drawn
 * at once in plain DOM, with Monaco loaded only when the learner first
 * clicks into or focuses the text (or, with `loadOn: 'visible'`, when the
 * panel scrolls into view). Until then the text shows as a preview and
 * Apply already works, so a page that never needs the editor never pays
 * for it.
 */
import { EditorFiles, type EditorFile } from './editor-files';
import type { MonacoView } from './monaco-view';
import './editor.css';

export type { EditorFile } from './editor-files';

export interface MountEditorOptions {
  files: readonly EditorFile[];
  /** The learner pressed Apply (or Ctrl/Cmd+Enter) on `path`; the workbench types `kubectl apply -f path`. */
  onApply?: (path: string, text: string) => void;
  /** Any edit, after it happened. */
  onChange?: (path: string, text: string) => void;
  /** The Apply button's tooltip for a file (default: kubectl apply -f). */
  applyTitle?: (path: string) => string | undefined;
  /** When to fetch Monaco: on first interaction (default), once visible, or right away. */
  loadOn?: 'interaction' | 'visible' | 'now';
}

export interface EditorHandle {
  setFiles(files: readonly EditorFile[]): void;
  getFiles(): EditorFile[];
  /** Opens a file in a tab of its own (a new one, or the tab of that path with this text). */
  openFile(file: EditorFile): void;
  /** Closes the tab of `path`. */
  closeFile(path: string): void;
  /** Loads Monaco now if it is not loaded yet; resolves when it is showing. */
  load(): Promise<void>;
  dispose(): void;
}

export function mountEditor(el: HTMLElement, options: MountEditorOptions): EditorHandle {
  const files = new EditorFiles(options.files);
  let view: MonacoView | undefined;
  let loading: Promise<void> | undefined;
  let disposed = false;

  const root = document.createElement('div');
  root.className = 'podlab-editor';
  const bar = document.createElement('div');
  bar.className = 'podlab-editor-bar';
  const tabs = document.createElement('div');
  tabs.className = 'podlab-editor-tabs';
  tabs.setAttribute('role', 'tablist');
  const apply = document.createElement('button');
  apply.type = 'button';
  apply.className = 'podlab-editor-apply';
  apply.textContent = 'Apply';
  apply.title = 'kubectl apply -f this file (Ctrl+Enter)';
  bar.append(tabs, apply);
  const body = document.createElement('div');
  body.className = 'podlab-editor-body';
  body.setAttribute('role', 'tabpanel');
  const preview = document.createElement('pre');
  preview.className = 'podlab-editor-preview';
  preview.tabIndex = 0;
  preview.title = 'Click to edit';
  body.append(preview);
  root.append(bar, body);
  el.replaceChildren(root);

  const render = (): void => {
    const active = files.active;
    tabs.replaceChildren(
      ...files.paths().map((path) => {
        const tab = document.createElement('button');
        tab.type = 'button';
        tab.className = 'podlab-editor-tab';
        tab.setAttribute('role', 'tab');
        tab.setAttribute('aria-selected', String(path === active?.path));
        tab.textContent = path;
        tab.tabIndex = path === active?.path ? 0 : -1;
        tab.addEventListener('click', () => {
          files.open(path);
          render();
        });
        // Arrow keys move between tabs, as the WAI-ARIA tabs pattern has it.
        tab.addEventListener('keydown', (e) => {
          const paths = files.paths();
          const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
          if (step === 0) return;
          const next = paths[(paths.indexOf(path) + step + paths.length) % paths.length]!;
          files.open(next);
          render();
          tabs.querySelector<HTMLButtonElement>('[aria-selected="true"]')?.focus();
        });
        return tab;
      }),
    );
    apply.disabled = active === undefined;
    apply.title = (active && options.applyTitle?.(active.path)) ?? 'kubectl apply -f this file (Ctrl+Enter)';
    if (view) view.sync();
    else preview.textContent = active?.text ?? '';
  };

  const applyActive = (): void => {
    const active = files.active;
    if (active) options.onApply?.(active.path, active.text);
  };
  apply.addEventListener('click', applyActive);

  const load = (): Promise<void> =>
    (loading ??= import('./monaco-view').then(({ createMonacoView }) => {
      if (disposed) return;
      preview.remove();
      body.classList.add('podlab-editor-loaded');
      view = createMonacoView(body, files, {
        onEdit: (path, text) => {
          if (files.update(path, text)) options.onChange?.(path, text);
        },
        onApplyKey: applyActive,
      });
      view.focus();
    }));

  // First interaction with the text fetches Monaco; the preview stays meanwhile.
  const onFirstUse = (): void => void load();
  preview.addEventListener('pointerdown', onFirstUse, { once: true });
  preview.addEventListener('focus', onFirstUse, { once: true });
  let observer: IntersectionObserver | undefined;
  if (options.loadOn === 'now') void load();
  else if (options.loadOn === 'visible' && typeof IntersectionObserver !== 'undefined') {
    observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer?.disconnect();
        void load();
      }
    });
    observer.observe(root);
  }

  render();
  return {
    setFiles(next) {
      files.set(next);
      render();
    },
    getFiles: () => files.list(),
    openFile(file) {
      files.put(file);
      render();
    },
    closeFile(path) {
      if (files.remove(path)) render();
    },
    load,
    dispose() {
      disposed = true;
      observer?.disconnect();
      view?.dispose();
      view = undefined;
      root.remove();
    },
  };
}
