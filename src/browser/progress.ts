import { z } from 'zod';
import { NOTICES } from './messages';

/**
 * Progress kept in the browser's localStorage under one key, versioned:
 * per lesson the cluster snapshot, the shell history, what the terminal
 * showed, each exercise's state, the workspace files the learner edited,
 * each `<Terminal>`'s own history and screen, and the `kubectl edit` tabs
 * left open. DOM-free: it is handed a Storage. An older version is
 * migrated one step at a time (v1 had no edited files; v2 no `<Terminal>`
 * state and no open edits); data that does not parse, or is of an unknown
 * version, is dropped with a notice the page shows, never half-used.
 */

export const PROGRESS_KEY = 'podlab:progress';
export const PROGRESS_VERSION = 3;
/** The terminal text kept for a reload; older text is dropped from the front. */
export const MAX_TRANSCRIPT = 64 * 1024;

const exerciseStateSchema = z.object({
  completed: z.boolean(),
  hintsShown: z.number().int().min(0),
  solutionShown: z.boolean(),
});

const lessonProgressV1Schema = z.object({
  scenario: z.string(),
  seed: z.number().int(),
  /** Cluster.snapshotJson() text. */
  snapshot: z.string(),
  history: z.array(z.string()),
  transcript: z.string(),
  exercises: z.record(z.string(), exerciseStateSchema),
});

const lessonProgressV2Schema = lessonProgressV1Schema.extend({
  /** Workspace files the learner changed in the editor, by path: their text wins over the lesson's. */
  files: z.record(z.string(), z.string()),
});

/** What one `<Terminal>` keeps: its own line history and what its screen showed. */
const terminalProgressSchema = z.object({
  history: z.array(z.string()),
  transcript: z.string(),
});

/** A `kubectl edit` file as the shell handed it to the editor (src/kubectl/output.ts' EditRequest). */
const editRequestSchema = z.object({
  path: z.string(),
  text: z.string(),
  format: z.enum(['yaml', 'json']),
  kind: z.string(),
  namespace: z.string().optional(),
  name: z.string(),
  resource: z.string(),
  original: z.unknown(),
  failed: z.boolean().optional(),
});

/** An editor tab `kubectl edit` opened and the learner has not saved yet: the request and the tab's text now. */
const openEditSchema = z.object({ request: editRequestSchema, text: z.string() });

const lessonProgressSchema = lessonProgressV2Schema.extend({
  /** Each `<Terminal>` of the lesson's page by its key (its `id`, or `#N` for the Nth on the page). */
  terminals: z.record(z.string(), terminalProgressSchema),
  /** The `kubectl edit` tabs open, in the order they were opened. */
  edits: z.array(openEditSchema),
});

const progressV1Schema = z.object({
  version: z.literal(1),
  lessons: z.record(z.string(), lessonProgressV1Schema),
});

const progressV2Schema = z.object({
  version: z.literal(2),
  lessons: z.record(z.string(), lessonProgressV2Schema),
});

const progressSchema = z.object({
  version: z.literal(PROGRESS_VERSION),
  lessons: z.record(z.string(), lessonProgressSchema),
});

type ProgressV2 = z.infer<typeof progressV2Schema>;

/** v1 → v2: nothing was edited yet; everything else is kept as it was. */
function migrateV1(v1: z.infer<typeof progressV1Schema>): ProgressV2 {
  const lessons: ProgressV2['lessons'] = {};
  for (const [id, lesson] of Object.entries(v1.lessons)) lessons[id] = { ...lesson, files: {} };
  return { version: 2, lessons };
}

/** v2 → v3: no `<Terminal>` had kept its screen and no edit tab was kept; everything else as it was. */
function migrateV2(v2: ProgressV2): Progress {
  const lessons: Progress['lessons'] = {};
  for (const [id, lesson] of Object.entries(v2.lessons)) lessons[id] = { ...lesson, terminals: {}, edits: [] };
  return { version: PROGRESS_VERSION, lessons };
}

/** Each older version's shape and how it becomes the current one. */
const MIGRATIONS: Record<number, (data: unknown) => Progress | undefined> = {
  1: (data) => {
    const v1 = progressV1Schema.safeParse(data);
    return v1.success ? migrateV2(migrateV1(v1.data)) : undefined;
  },
  2: (data) => {
    const v2 = progressV2Schema.safeParse(data);
    return v2.success ? migrateV2(v2.data) : undefined;
  },
};

export type ExerciseState = z.infer<typeof exerciseStateSchema>;
export type LessonProgress = z.infer<typeof lessonProgressSchema>;
export type Progress = z.infer<typeof progressSchema>;
export type TerminalProgress = z.infer<typeof terminalProgressSchema>;
export type OpenEdit = z.infer<typeof openEditSchema>;

/** The part of the Web Storage API this module uses. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const NEW_EXERCISE: ExerciseState = { completed: false, hintsShown: 0, solutionShown: false };

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, lessons: {} };
}

/** Parses stored text; anything unusable gives empty progress and the reason as a notice. */
export function parseProgress(text: string | null): { progress: Progress; notice?: string; migrated?: boolean } {
  if (text === null) return { progress: emptyProgress() };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { progress: emptyProgress(), notice: NOTICES.progressCorrupt };
  }
  const version = typeof data === 'object' && data !== null ? (data as { version?: unknown }).version : undefined;
  const migrate = typeof version === 'number' ? MIGRATIONS[version] : undefined;
  if (migrate) {
    const migrated = migrate(data);
    return migrated ? { progress: migrated, migrated: true } : { progress: emptyProgress(), notice: NOTICES.progressCorrupt };
  }
  if (typeof version === 'number' && version !== PROGRESS_VERSION) return { progress: emptyProgress(), notice: NOTICES.progressOld };
  const parsed = progressSchema.safeParse(data);
  if (!parsed.success) return { progress: emptyProgress(), notice: NOTICES.progressCorrupt };
  return { progress: parsed.data };
}

/** Keeps the last `max` characters, cut at a line start so no half line shows. */
export function trimTranscript(text: string, max = MAX_TRANSCRIPT): string {
  if (text.length <= max) return text;
  const tail = text.slice(text.length - max);
  const nl = tail.indexOf('\n');
  return nl === -1 ? tail : tail.slice(nl + 1);
}

/** Reads and writes progress through a Storage; every write is the whole, valid object. */
export class ProgressStore {
  private progress: Progress;
  /** Why stored progress was dropped when it was read, if it was. */
  readonly loadNotice: string | undefined;

  constructor(private readonly storage: KeyValueStorage) {
    let text: string | null = null;
    try {
      text = storage.getItem(PROGRESS_KEY);
    } catch {
      // Storage disabled: behave as a first visit.
    }
    const { progress, notice, migrated } = parseProgress(text);
    this.progress = progress;
    this.loadNotice = notice;
    // A migrated save is written back at once, so the old shape never has to be read twice.
    if (notice || migrated) this.write();
  }

  lesson(id: string): LessonProgress | undefined {
    return this.progress.lessons[id];
  }

  /** Saves a lesson's progress; returns a notice when the browser refused it. */
  saveLesson(id: string, lesson: LessonProgress): string | undefined {
    const terminals: LessonProgress['terminals'] = {};
    for (const [key, t] of Object.entries(lesson.terminals)) terminals[key] = { ...t, transcript: trimTranscript(t.transcript) };
    this.progress.lessons[id] = { ...lesson, transcript: trimTranscript(lesson.transcript), terminals };
    return this.write();
  }

  resetLesson(id: string): void {
    delete this.progress.lessons[id];
    this.write();
  }

  resetCourse(): void {
    this.progress = emptyProgress();
    try {
      this.storage.removeItem(PROGRESS_KEY);
    } catch {
      // Nothing stored, nothing to remove.
    }
  }

  /** Lesson ids with every exercise of theirs completed at some point. */
  completedExercises(lessonId: string): string[] {
    const exercises = this.progress.lessons[lessonId]?.exercises ?? {};
    return Object.entries(exercises)
      .filter(([, e]) => e.completed)
      .map(([id]) => id);
  }

  private write(): string | undefined {
    try {
      this.storage.setItem(PROGRESS_KEY, JSON.stringify(this.progress));
      return undefined;
    } catch {
      return NOTICES.storageFull;
    }
  }
}
