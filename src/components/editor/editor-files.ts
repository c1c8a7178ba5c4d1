/**
 * The files a workbench's editor holds, and which one is open: plain data,
 * no DOM, so the tab bar and the Monaco view both read one source of truth
 * and the logic is tested in Node.
 */

export interface EditorFile {
  /** Workspace-relative path, as `kubectl apply -f` will name it: `web.yaml`, `k8s/svc.yaml`. */
  path: string;
  text: string;
}

export class EditorFiles {
  private files: EditorFile[] = [];
  private activePath: string | undefined;

  constructor(files: readonly EditorFile[]) {
    this.set(files);
  }

  /** Replaces every file; keeps the open tab when a file of that path remains. */
  set(files: readonly EditorFile[]): void {
    const seen = new Set<string>();
    for (const f of files) {
      if (!isWorkspacePath(f.path)) throw new Error(`not a workspace path: ${JSON.stringify(f.path)}`);
      if (seen.has(f.path)) throw new Error(`two files share the path ${f.path}`);
      seen.add(f.path);
    }
    this.files = files.map((f) => ({ path: f.path, text: f.text }));
    if (this.activePath === undefined || !seen.has(this.activePath)) this.activePath = this.files[0]?.path;
  }

  /** Copies, so callers cannot change the editor's state behind its back. */
  list(): EditorFile[] {
    return this.files.map((f) => ({ ...f }));
  }

  paths(): string[] {
    return this.files.map((f) => f.path);
  }

  get active(): EditorFile | undefined {
    const f = this.files.find((x) => x.path === this.activePath);
    return f && { ...f };
  }

  open(path: string): boolean {
    if (!this.files.some((f) => f.path === path)) return false;
    this.activePath = path;
    return true;
  }

  /** Adds the file, or replaces the text of the one with its path, and opens it. */
  put(file: EditorFile): void {
    if (!isWorkspacePath(file.path)) throw new Error(`not a workspace path: ${JSON.stringify(file.path)}`);
    const f = this.files.find((x) => x.path === file.path);
    if (f) f.text = file.text;
    else this.files.push({ path: file.path, text: file.text });
    this.activePath = file.path;
  }

  /** Closes a file; the one before it (or the first) is open next if it was open. */
  remove(path: string): boolean {
    const at = this.files.findIndex((x) => x.path === path);
    if (at === -1) return false;
    this.files.splice(at, 1);
    if (this.activePath === path) this.activePath = this.files[Math.max(0, at - 1)]?.path;
    return true;
  }

  /** Records an edit; false when nothing changed (Monaco reports no-op edits too). */
  update(path: string, text: string): boolean {
    const f = this.files.find((x) => x.path === path);
    if (!f || f.text === text) return false;
    f.text = text;
    return true;
  }
}

/**
 * A relative path without `..`, empty segments or characters a shell would
 * read specially, so `kubectl apply -f PATH` can be typed as it is.
 */
export function isWorkspacePath(path: string): boolean {
  if (!/^[A-Za-z0-9._/-]+$/.test(path) || path.startsWith('/') || path.endsWith('/')) return false;
  return path.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}
