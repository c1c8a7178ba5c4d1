import { Cluster, type ClusterSnapshot } from '../cluster/cluster';
import type { ImageCatalogue } from '../cluster/images/catalogue';
import type { Scenario } from '../cluster/scenario';
import { NOTICES } from './messages';
import { NEW_EXERCISE, trimTranscript, type ExerciseState, type OpenEdit, type ProgressStore, type TerminalProgress } from './progress';
import type { EditRequest, EditSaveResult, ShellAdapter, ShellResult } from './shell-adapter';

/** The shell's module: a separate chunk, fetched the first time the shell is needed. */
export type ShellModule = Pick<typeof import('./shell-adapter'), 'createShellAdapter'>;

const loadShellModule = (): Promise<ShellModule> => import('./shell-adapter');

/**
 * One lesson's live state in the tab: its cluster, the shell on it, and
 * what is saved of it (history, terminal text, exercises, each
 * `<Terminal>`'s history and text, open `kubectl edit` tabs). DOM-free, so a
 * reload can be tested in Node: boot from the same storage, get the same
 * cluster back.
 */

export interface LessonSessionOptions {
  lessonId: string;
  scenario: Scenario;
  seed: number;
  catalogue: ImageCatalogue;
  /** The lesson's workspace files by name. */
  workspace: Readonly<Record<string, string>>;
  store: ProgressStore;
  /** Fetches the shell (tests may pass their own); the default is the lazy `import('./shell-adapter')`. */
  loadShell?: () => Promise<ShellModule>;
}

export type SessionEvent = { type: 'command'; line: string; result: ShellResult } | { type: 'reset' };

export interface WorkspaceFile {
  path: string;
  text: string;
}

export class LessonSession {
  cluster!: Cluster;
  /**
   * The shell on the cluster, once its chunk has loaded (see loadShell).
   * The cluster, the saved state and the graders do not need it, so the
   * page is usable (prompt shown, typing accepted) before it arrives.
   */
  shell: ShellAdapter | undefined;
  private shellModule?: ShellModule;
  private shellLoading?: Promise<ShellAdapter>;
  history: string[] = [];
  /** What the terminal showed, to write back on reload. */
  transcript = '';
  exercises: Record<string, ExerciseState> = {};
  /** Each `<Terminal>` on the page by its key: its own history and text (the workbench's are `history` and `transcript`). */
  private terminals: Record<string, TerminalProgress> = {};
  /** The `kubectl edit` tabs not yet saved, with the text they have now; changed in place by the editor (edit-tabs.ts). */
  edits: OpenEdit[] = [];
  /**
   * The learner's workspace as the shell reads it: the lesson's files with
   * the editor's changes over them. One object for the session's life (the
   * shell keeps a reference), changed in place.
   */
  private readonly workspace: Record<string, string> = {};
  /** Why saved state was not used, for the page to show. */
  readonly notices: string[] = [];
  private readonly listeners = new Set<(e: SessionEvent) => void>();

  constructor(private readonly options: LessonSessionOptions) {
    if (options.store.loadNotice) this.notices.push(options.store.loadNotice);
    if (!this.restore()) this.fresh();
  }

  get lessonId(): string {
    return this.options.lessonId;
  }

  /**
   * The shell, loading its chunk the first time (later calls share the
   * load). Call it early (first keystroke) to hide the wait; `run` needs it done.
   */
  loadShell(): Promise<ShellAdapter> {
    if (this.shell) return Promise.resolve(this.shell);
    this.shellLoading ??= (this.options.loadShell ?? loadShellModule)().then(
      (module) => {
        this.shellModule = module;
        return (this.shell ??= this.newShell());
      },
      (e: unknown) => {
        // A failed fetch (offline) may succeed on the next try.
        this.shellLoading = undefined;
        throw e;
      },
    );
    return this.shellLoading;
  }

  /** Runs one command line (several for a here-document), lets listeners (graders) look. Needs loadShell() done. */
  run(line: string): ShellResult {
    const result = this.loadedShell().run(line);
    this.emit({ type: 'command', line, result });
    return result;
  }

  /**
   * Another shell on this lesson's cluster and files, for a second terminal
   * on the page (`<Terminal>`): its own variables, history and nested
   * shells; its commands reach listeners (graders) as the main shell's do;
   * after a reset it is a shell on the new cluster. `history`: the lines
   * that terminal kept, which its shell's `history` starts with.
   */
  async extraShell(history: readonly string[] = []): Promise<ShellAdapter> {
    await this.loadShell();
    let cluster = this.cluster;
    let shell = this.newShell(history);
    const current = (): ShellAdapter => {
      if (cluster !== this.cluster) {
        cluster = this.cluster;
        shell = this.newShell([]);
      }
      return shell;
    };
    const seen = (line: string, result: ShellResult): ShellResult => {
      this.emit({ type: 'command', line, result });
      return result;
    };
    return {
      get prompt() {
        return current().prompt;
      },
      needsMoreInput: (text) => current().needsMoreInput(text),
      run: (line) => seen(line, current().run(line)),
      complete: (line) => current().complete(line),
      watchTick: (command, seconds) => seen(command, current().watchTick(command, seconds)),
      saveEdit: (request, text) => {
        const result = current().saveEdit(request, text);
        seen(`kubectl edit ${request.resource}`, { output: result.output, exitCode: result.exitCode, exit: false });
        return result;
      },
    };
  }

  /** One rerun of a `watch`ed command after `seconds` of virtual time; listeners look as after a command. */
  watchTick(command: string, seconds: number): ShellResult {
    const result = this.loadedShell().watchTick(command, seconds);
    this.emit({ type: 'command', line: command, result });
    return result;
  }

  /**
   * The editor saved the file a `kubectl edit` opened: kubectl's result for
   * the terminal; listeners (graders) look as after a command.
   */
  saveEdit(request: EditRequest, text: string): EditSaveResult {
    const result = this.loadedShell().saveEdit(request, text);
    this.emit({ type: 'command', line: `kubectl edit ${request.resource}`, result: { output: result.output, exitCode: result.exitCode, exit: false } });
    return result;
  }

  /** `exit` at the workstation: a new shell on the same cluster (variables and nested shells gone). */
  restartShell(): void {
    if (this.shellModule) this.shell = this.newShell();
  }

  /** The workspace files in the lesson's order, edited text where the learner edited. */
  files(): WorkspaceFile[] {
    return Object.keys(this.options.workspace).map((path) => ({ path, text: this.workspace[path]! }));
  }

  /** The editor changed a file: `kubectl apply -f` reads the new text from now on. Saved with the next save. */
  editFile(path: string, text: string): void {
    if (!Object.hasOwn(this.options.workspace, path)) return;
    this.workspace[path] = text;
  }

  /** What the `<Terminal>` of `key` kept: its history and text (empty for a terminal new to the lesson). */
  terminal(key: string): TerminalProgress {
    return this.terminals[key] ?? { history: [], transcript: '' };
  }

  /**
   * The `<Terminal>` of `key` ran a line: `added` is what it printed
   * (all its screen shows when `cleared`), `history` its history now.
   * Saved with the next save.
   */
  terminalLine(key: string, added: string, history: readonly string[], cleared: boolean): void {
    const before = this.terminal(key).transcript;
    this.terminals[key] = { history: [...history], transcript: trimTranscript(cleared ? added : before + added) };
  }

  exercise(id: string): ExerciseState {
    return (this.exercises[id] ??= { ...NEW_EXERCISE });
  }

  /** Saves everything; a refusal by the browser becomes a notice. */
  save(): string | undefined {
    const { lessonId, scenario, seed } = this.options;
    const notice = this.options.store.saveLesson(lessonId, {
      scenario: scenario.name,
      seed,
      snapshot: this.cluster.snapshotJson(),
      history: this.history,
      transcript: this.transcript,
      exercises: this.exercises,
      files: this.editedFiles(),
      terminals: this.terminals,
      edits: this.edits,
    });
    if (notice && !this.notices.includes(notice)) this.notices.push(notice);
    return notice;
  }

  /** A fresh cluster from the scenario, the lesson's own files, no history (nor any `<Terminal>`'s), no edit tabs, exercises not started. */
  reset(): void {
    this.options.store.resetLesson(this.options.lessonId);
    this.fresh();
    this.emit({ type: 'reset' });
  }

  subscribe(listener: (e: SessionEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Only what differs from the lesson's files is saved, so a lesson's own fix to a file still reaches a learner who never touched it. */
  private editedFiles(): Record<string, string> {
    const edited: Record<string, string> = {};
    for (const { path, text } of this.files()) if (text !== this.options.workspace[path]) edited[path] = text;
    return edited;
  }

  private setWorkspace(edited: Readonly<Record<string, string>>): void {
    for (const key of Object.keys(this.workspace)) delete this.workspace[key];
    for (const [path, text] of Object.entries(this.options.workspace)) this.workspace[path] = Object.hasOwn(edited, path) ? edited[path]! : text;
  }

  private loadedShell(): ShellAdapter {
    if (!this.shell) throw new Error('the shell is not loaded yet (await loadShell() first)');
    return this.shell;
  }

  /**
   * A shell on the current cluster and workspace, its `history` starting
   * with the lines kept (as bash reads its history file); only once the
   * shell's module has loaded.
   */
  private newShell(history: readonly string[] = this.history): ShellAdapter {
    return this.shellModule!.createShellAdapter(this.cluster, this.workspace, history);
  }

  private emit(e: SessionEvent): void {
    for (const l of this.listeners) l(e);
  }

  private fresh(): void {
    const { scenario, seed, catalogue } = this.options;
    this.cluster = Cluster.create({ scenario, seed, catalogue });
    this.setWorkspace({});
    this.history = [];
    this.shell = this.shellModule ? this.newShell() : undefined;
    this.transcript = '';
    this.exercises = {};
    this.terminals = {};
    this.edits = [];
  }

  /** Takes the saved lesson if it fits this lesson's scenario and restores; false when there is none to use. */
  private restore(): boolean {
    const { lessonId, scenario, seed, catalogue, store } = this.options;
    const saved = store.lesson(lessonId);
    if (!saved) return false;
    if (saved.scenario !== scenario.name || saved.seed !== seed) {
      this.notices.push(NOTICES.lessonChanged);
      store.resetLesson(lessonId);
      return false;
    }
    try {
      this.cluster = Cluster.restore(JSON.parse(saved.snapshot) as ClusterSnapshot, catalogue);
    } catch {
      this.notices.push(NOTICES.snapshotUnusable);
      store.resetLesson(lessonId);
      return false;
    }
    this.setWorkspace(saved.files);
    // Restoring needs only the cluster: the shell keeps no state worth saving between lines.
    this.shell = this.shellModule ? this.newShell() : undefined;
    this.history = saved.history;
    this.transcript = saved.transcript;
    this.exercises = saved.exercises;
    this.terminals = saved.terminals;
    this.edits = saved.edits;
    return true;
  }
}
