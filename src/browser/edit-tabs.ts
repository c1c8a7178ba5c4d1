import type { LessonSession } from './lesson-session';
import { EDIT_SAVE_LOAD_FAILED } from './messages';
import type { EditRequest } from './shell-adapter';

/** What the tabs need of an editor (mount-editor.ts' EditorHandle has it); kept narrow so this file is tested in Node. */
export interface EditTabsEditor {
  openFile(file: { path: string; text: string }): void;
  closeFile(path: string): void;
}

/**
 * The editor tabs `kubectl edit` opens: which tab is which edit, and what
 * their Apply does (kubectl edit's save, printed in the terminal; the tab
 * closes, or shows the file again with the failures). Used by the
 * workbench's editor, and by an `<Editor>` on a page without a workbench.
 * The open edits and their unsaved text live in the session
 * (`LessonSession.edits`), so they are saved with it and a reload opens
 * them again as they were.
 */
export class EditTabs {
  editor: EditTabsEditor | undefined;

  constructor(
    private readonly session: LessonSession,
    private readonly print: (text: string) => void,
  ) {}

  open(request: EditRequest): void {
    const edits = this.session.edits;
    const at = edits.findIndex((e) => e.request.path === request.path);
    if (at === -1) edits.push({ request, text: request.text });
    else edits[at] = { request, text: request.text };
    this.editor?.openFile({ path: request.path, text: request.text });
  }

  /** After a reload: the tabs that were open, with the text they had; the last one opened is shown. */
  restore(): void {
    for (const { request, text } of this.session.edits) this.editor?.openFile({ path: request.path, text });
  }

  /** The learner typed in `path`: false when it is not an edit's tab. The session saves the text with its next save. */
  change(path: string, text: string): boolean {
    const edit = this.session.edits.find((e) => e.request.path === path);
    if (!edit) return false;
    edit.text = text;
    return true;
  }

  has(path: string): boolean {
    return this.session.edits.some((e) => e.request.path === path);
  }

  /**
   * Apply on `path`: false when it is not an edit's tab (a workspace file,
   * applied as usual). Else the save, once the shell is there (after a
   * reload a restored tab may be saved before any command loaded it).
   */
  apply(path: string, text: string): false | Promise<void> {
    if (!this.has(path)) return false;
    return this.session.loadShell().then(
      () => this.save(path, text),
      () => this.print(`${EDIT_SAVE_LOAD_FAILED}\n`),
    );
  }

  private save(path: string, text: string): void {
    // A second Apply pressed while the shell loaded finds the edit already saved.
    const edit = this.session.edits.find((e) => e.request.path === path);
    if (!edit) return;
    const saved = this.session.saveEdit(edit.request, text);
    // The tab is settled before the result is printed, since printing saves the session.
    if (saved.reopen) this.open(saved.reopen);
    else {
      this.session.edits = this.session.edits.filter((e) => e !== edit);
      this.editor?.closeFile(path);
    }
    this.session.save();
    this.print(saved.output);
  }
}

export const EDIT_APPLY_TITLE = 'Save this kubectl edit (Ctrl+Enter)';
