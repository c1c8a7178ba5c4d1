import { mountEditor } from '../components/editor/mount-editor';
import { EDIT_APPLY_TITLE, EditTabs } from './edit-tabs';
import { workbenchReady } from './page-bus';
import { pageSession, sessionKeyOf } from './page-session';

/** Edits are saved this long after the last keystroke, as in the workbench. */
const EDIT_SAVE_DELAY_MS = 400;

/**
 * <podlab-editor data-lesson data-scenario data-seed data-files="a.yaml b.yaml">
 * (`<Editor files={[…]} />`): the editor on some of the lesson's workspace
 * files, on the page's one session. An edit is the shell's file at once
 * (and saved shortly after); Apply types `kubectl apply -f FILE` into the
 * page's terminal (the workbench's, or the first `<Terminal>`). An edit
 * made here shows in another editor of the same file after a reload, not live.
 */
class EditorElement extends HTMLElement {
  private booted = false;

  connectedCallback(): void {
    if (this.booted) return;
    this.booted = true;
    this.boot().catch((e: unknown) => {
      this.textContent = `The editor could not start: ${(e as Error).message}`;
      this.dataset.state = 'failed';
    });
  }

  private async boot(): Promise<void> {
    const session = await pageSession(sessionKeyOf(this));
    const wanted = (this.dataset.files ?? '').split(/\s+/).filter((f) => f !== '');
    const files = () => session.files().filter((f) => wanted.length === 0 || wanted.includes(f.path));
    const missing = wanted.filter((path) => !session.files().some((f) => f.path === path));
    if (missing.length > 0) throw new Error(`the lesson has no file ${missing.join(', ')}`);
    let pending: ReturnType<typeof setTimeout> | undefined;
    // On a page without a workbench, the first <Editor> is where `kubectl edit` opens its file.
    const opensEdits = !document.querySelector('podlab-workbench') && !document.querySelector('podlab-editor[data-edits]');
    if (opensEdits) this.dataset.edits = 'true';
    const edits = new EditTabs(session, (text) => void workbenchReady.then((wb) => wb.terminal.printAbove(text)));
    const editor = mountEditor(this.querySelector<HTMLElement>('[data-editor]') ?? this, {
      files: files(),
      onChange: (path, text) => {
        if (!edits.change(path, text)) session.editFile(path, text);
        clearTimeout(pending);
        pending = setTimeout(() => void session.save(), EDIT_SAVE_DELAY_MS);
      },
      onApply: (path, text) => {
        if (edits.apply(path, text) !== false) return;
        session.editFile(path, text);
        void workbenchReady.then((wb) => wb.terminal.typeAndRun(`kubectl apply -f ${path}`));
      },
      applyTitle: (path) => (edits.has(path) ? EDIT_APPLY_TITLE : undefined),
    });
    edits.editor = editor;
    if (opensEdits) edits.restore();
    window.addEventListener('pagehide', () => {
      if (pending !== undefined) session.save();
    });
    session.subscribe((e) => {
      if (e.type === 'reset') {
        editor.setFiles(files());
      } else if (opensEdits && e.result.edit) edits.open(e.result.edit);
    });
    this.dataset.state = 'ready';
  }
}

if (!customElements.get('podlab-editor')) customElements.define('podlab-editor', EditorElement);
