import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile, testCatalogue } from '../../test/support/cluster-fixture';
import { EditTabs, type EditTabsEditor } from './edit-tabs';
import { LessonSession, type LessonSessionOptions } from './lesson-session';
import { EDIT_SAVE_LOAD_FAILED } from './messages';
import { ProgressStore } from './progress';

const workspace = { 'web.yaml': readFileSync(new URL('../../lessons/01-pod-ips/web.yaml', import.meta.url), 'utf8') };

function memoryStorage() {
  const items = new Map<string, string>();
  return { items, getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) };
}

function newSessionOptions(storage: ReturnType<typeof memoryStorage>): LessonSessionOptions {
  return { lessonId: '01-pod-ips', scenario: loadScenarioFile('default'), seed: 1, catalogue: testCatalogue(), workspace, store: new ProgressStore(storage) };
}

const newSession = (storage: ReturnType<typeof memoryStorage>) => new LessonSession(newSessionOptions(storage));

interface EditorFile {
  path: string;
  text: string;
}

/** The editor's tabs, as plain data. */
function fakeEditor(): EditTabsEditor & { tabs: EditorFile[]; setFiles(files: EditorFile[]): void } {
  const tabs: EditorFile[] = [];
  return {
    tabs,
    setFiles: (files) => void tabs.splice(0, tabs.length, ...files),
    openFile: (file) => {
      const at = tabs.findIndex((t) => t.path === file.path);
      if (at === -1) tabs.push({ ...file });
      else tabs[at] = { ...file };
    },
    closeFile: (path) => void tabs.splice(tabs.findIndex((t) => t.path === path), 1),
  };
}

/** A session with `web` running and `kubectl edit deployment/web` open in an EditTabs' editor. */
async function editing(storage: ReturnType<typeof memoryStorage>) {
  const session = newSession(storage);
  await session.loadShell();
  session.run('kubectl apply -f web.yaml');
  const printed: string[] = [];
  const tabs = new EditTabs(session, (t) => printed.push(t));
  tabs.editor = fakeEditor();
  const request = session.run('kubectl edit deployment/web').edit!;
  tabs.open(request);
  return { session, tabs, printed, request, editor: tabs.editor as ReturnType<typeof fakeEditor> };
}

describe('EditTabs', () => {
  it('reopens an unsaved kubectl edit tab after a reload with the text it had, and its Apply saves it as before', async () => {
    const storage = memoryStorage();
    const { session, tabs, request } = await editing(storage);
    const changed = request.text.replace('replicas: 3', 'replicas: 5');
    expect(changed).not.toBe(request.text);
    expect(tabs.change(request.path, changed)).toBe(true);
    expect(tabs.change('web.yaml', 'kind: Pod\n')).toBe(false);
    session.save();

    // Not loading the shell: a restored tab may be saved before any command loaded it.
    const again = newSession(storage);
    expect(again.shell).toBeUndefined();
    const printed: string[] = [];
    const reopened = new EditTabs(again, (t) => printed.push(t));
    const editor = fakeEditor();
    editor.setFiles(again.files());
    reopened.editor = editor;
    reopened.restore();
    expect(editor.tabs.map((t) => t.path)).toEqual(['web.yaml', request.path]);
    expect(editor.tabs[1]!.text).toBe(changed);
    expect(reopened.has(request.path)).toBe(true);
    await reopened.apply(request.path, changed);
    expect(printed).toEqual(['deployment.apps/web edited\n']);
    expect(editor.tabs.map((t) => t.path)).toEqual(['web.yaml']);
    expect((again.cluster.store.get('Deployment', 'default', 'web') as { spec: { replicas: number } }).spec.replicas).toBe(5);
    // Saved: the next reload has no edit open.
    expect(newSession(storage).edits).toEqual([]);
    expect(reopened.apply(request.path, changed)).toBe(false);
  });

  it('leaves the tab open with a note when the shell cannot be loaded', async () => {
    const storage = memoryStorage();
    const { session, request } = await editing(storage);
    session.save();
    const again = new LessonSession({ ...newSessionOptions(storage), loadShell: () => Promise.reject(new Error('offline')) });
    const printed: string[] = [];
    const tabs = new EditTabs(again, (t) => printed.push(t));
    await tabs.apply(request.path, request.text);
    expect(printed).toEqual([`${EDIT_SAVE_LOAD_FAILED}\n`]);
    expect(tabs.has(request.path)).toBe(true);
  });

  it('keeps a failed save open, with its failures, across a reload', async () => {
    const storage = memoryStorage();
    const { session, tabs, request, editor } = await editing(storage);
    await tabs.apply(request.path, request.text.replace(/^kind: Deployment$/m, 'kind: [oops'));
    const reopened = session.edits[0]!;
    expect(reopened.request.failed).toBe(true);
    expect(editor.tabs.find((t) => t.path === request.path)!.text).toBe(reopened.text);
    expect(newSession(storage).edits).toEqual([reopened]);
  });

  it('drops the open edits on a lesson reset', async () => {
    const storage = memoryStorage();
    const { session, tabs, request } = await editing(storage);
    session.save();
    session.reset();
    expect(tabs.has(request.path)).toBe(false);
    expect(tabs.apply(request.path, request.text)).toBe(false);
    expect(newSession(storage).edits).toEqual([]);
  });
});
