import { Cluster, type ClusterSnapshot } from '../cluster/cluster';
import type { ImageCatalogue } from '../cluster/images/catalogue';
import type { Scenario } from '../cluster/scenario';
import { NOTICES } from './messages';
import { NEW_EXERCISE, type ExerciseState, type ProgressStore } from './progress';
import { createShellAdapter, type ShellAdapter, type ShellResult } from './shell-adapter';

/**
 * One lesson's live state in the tab: its cluster, the shell on it, and
 * what is saved of it (history, terminal text, exercises). DOM-free, so a
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
}

export type SessionEvent = { type: 'command'; line: string; result: ShellResult } | { type: 'reset' };

export interface WorkspaceFile {
  path: string;
  text: string;
}

export class LessonSession {
  cluster!: Cluster;
  shell!: ShellAdapter;
  history: string[] = [];
  /** What the terminal showed, to write back on reload. */
  transcript = '';
  exercises: Record<string, ExerciseState> = {};
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

  /** Runs one command line, lets listeners (graders) look, then saves. */
  run(line: string): ShellResult {
    const result = this.shell.run(line);
    this.emit({ type: 'command', line, result });
    return result;
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
    });
    if (notice && !this.notices.includes(notice)) this.notices.push(notice);
    return notice;
  }

  /** A fresh cluster from the scenario, the lesson's own files, no history, exercises not started. */
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

  private emit(e: SessionEvent): void {
    for (const l of this.listeners) l(e);
  }

  private fresh(): void {
    const { scenario, seed, catalogue } = this.options;
    this.cluster = Cluster.create({ scenario, seed, catalogue });
    this.setWorkspace({});
    this.shell = createShellAdapter(this.cluster, this.workspace);
    this.history = [];
    this.transcript = '';
    this.exercises = {};
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
    this.shell = createShellAdapter(this.cluster, this.workspace);
    this.history = saved.history;
    this.transcript = saved.transcript;
    this.exercises = saved.exercises;
    return true;
  }
}
