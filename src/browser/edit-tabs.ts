import type { EditorHandle } from '../components/editor/mount-editor';
import type { LessonSession } from './lesson-session';
import type { EditRequest } from './shell-adapter';

/**
 * The editor tabs `kubectl edit` opens: which tab is which edit, and what
 * their Apply does (kubectl edit's save, printed in the terminal; the tab
 * closes, or shows the file again with the failures). Used by the
 * workbench's editor, and by an `<Editor>` on a page without a workbench.
 */
export class EditTabs {
  private readonly edits = new Map<string, EditRequest>();
  editor: EditorHandle | undefined;

  constructor(
    private readonly session: LessonSession,
    private readonly print: (text: string) => void,
  ) {}

  open(request: EditRequest): void {
    this.edits.set(request.path, request);
    this.editor?.openFile({ path: request.path, text: request.text });
  }

  clear(): void {
    this.edits.clear();
  }

  has(path: string): boolean {
    return this.edits.has(path);
  }

  /** Apply on `path`: false when it is not an edit's tab (a workspace file, applied as usual). */
  apply(path: string, text: string): boolean {
    const request = this.edits.get(path);
    if (!request) return false;
    const saved = this.session.saveEdit(request, text);
    this.print(saved.output);
    if (saved.reopen) this.open(saved.reopen);
    else {
      this.edits.delete(path);
      this.editor?.closeFile(path);
    }
    return true;
  }
}

export const EDIT_APPLY_TITLE = 'Save this kubectl edit (Ctrl+Enter)';
