/**
 * The Monaco half of the editor, loaded by mount-editor.ts only when the
 * learner first reaches for the editor: one editor instance, one model a
 * file, YAML validation and completion from the manifest schemas the
 * apiserver's decoder is generated alongside.
 */
import { configureMonacoYaml } from 'monaco-yaml';
import { manifestJsonSchema } from '../../cluster/api/json-schema/manifest-schema';
import type { EditorFiles } from './editor-files';
import * as monaco from './monaco-core';
import { installMonacoEnvironment, makeWorker } from './monaco-environment';
import { withLegacyCreateWebWorker } from './worker-compat';

export interface MonacoViewCallbacks {
  onEdit(path: string, text: string): void;
  onApplyKey(): void;
}

export interface MonacoView {
  /** Makes models match the file list (added, removed, replaced text) and shows the open file. */
  sync(): void;
  focus(): void;
  dispose(): void;
}

const SCHEMA_URI = 'inmemory://podlab/schemas/manifest.json';
let yamlConfigured = false;

/**
 * Monaco's dark theme with comments brightened to meet WCAG AA (4.5:1):
 * vs-dark's YAML comment green, #608b4e on #1e1e1e, is 4.2:1; #6a9955 is 5.0:1.
 */
const DARK_THEME = 'podlab-dark';

function configureYamlOnce(): void {
  if (yamlConfigured) return;
  yamlConfigured = true;
  installMonacoEnvironment();
  monaco.editor.defineTheme(DARK_THEME, { base: 'vs-dark', inherit: true, rules: [{ token: 'comment', foreground: '6a9955' }], colors: {} });
  configureMonacoYaml(withLegacyCreateWebWorker(monaco, makeWorker) as unknown as Parameters<typeof configureMonacoYaml>[0], {
    enableSchemaRequest: false, // the schema is given inline: no network, no connect-src
    schemas: [{ uri: SCHEMA_URI, fileMatch: ['**/*.yaml', '**/*.yml'], schema: manifestJsonSchema() as never }],
  });
}

function modelUri(path: string): monaco.Uri {
  return monaco.Uri.parse(`file:///workspace/${path}`);
}

export function createMonacoView(host: HTMLElement, files: EditorFiles, callbacks: MonacoViewCallbacks): MonacoView {
  configureYamlOnce();
  const models = new Map<string, monaco.editor.ITextModel>();
  // The page's theme: <html data-theme> when the learner chose one, else the system's.
  const theme = (): string => {
    const chosen = document.documentElement.dataset.theme;
    const dark = chosen ? chosen === 'dark' : (globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false);
    return dark ? DARK_THEME : 'vs';
  };
  const onTheme = (): void => monaco.editor.setTheme(theme());
  window.addEventListener('podlab:theme', onTheme);
  const editor = monaco.editor.create(host, {
    model: null,
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 14,
    tabSize: 2,
    insertSpaces: true,
    quickSuggestions: { other: true, comments: false, strings: true },
    wordBasedSuggestions: 'off', // the schema knows the fields; words from the file are noise
    theme: theme(),
    ariaLabel: 'Manifest editor',
  });
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => callbacks.onApplyKey());

  const modelFor = (path: string, text: string): monaco.editor.ITextModel => {
    let model = models.get(path);
    if (!model) {
      model = monaco.editor.getModel(modelUri(path)) ?? monaco.editor.createModel(text, 'yaml', modelUri(path));
      model.onDidChangeContent(() => callbacks.onEdit(path, model!.getValue()));
      models.set(path, model);
    }
    if (model.getValue() !== text) model.setValue(text);
    return model;
  };

  const sync = (): void => {
    const list = files.list();
    const keep = new Set(list.map((f) => f.path));
    for (const [path, model] of models) {
      if (!keep.has(path)) {
        model.dispose();
        models.delete(path);
      }
    }
    for (const f of list) modelFor(f.path, f.text);
    const active = files.active;
    const model = active ? models.get(active.path) ?? null : null;
    if (editor.getModel() !== model) editor.setModel(model);
  };

  sync();
  return {
    sync,
    focus: () => editor.focus(),
    dispose() {
      window.removeEventListener('podlab:theme', onTheme);
      editor.dispose();
      for (const model of models.values()) model.dispose();
      models.clear();
    },
  };
}
