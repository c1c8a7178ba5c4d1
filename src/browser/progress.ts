import { z } from 'zod';
import { NOTICES } from './messages';

/**
 * Progress kept in the browser's localStorage under one key, versioned:
 * per lesson the cluster snapshot, the shell history, what the terminal
 * showed and each exercise's state. DOM-free: it is handed a Storage.
 * Data that does not parse, or is of another version, is dropped with a
 * notice the page shows, never half-used.
 */

export const PROGRESS_KEY = 'podlab:progress';
export const PROGRESS_VERSION = 1;
/** The terminal text kept for a reload; older text is dropped from the front. */
export const MAX_TRANSCRIPT = 64 * 1024;

const exerciseStateSchema = z.object({
  completed: z.boolean(),
  hintsShown: z.number().int().min(0),
  solutionShown: z.boolean(),
});

const lessonProgressSchema = z.object({
  scenario: z.string(),
  seed: z.number().int(),
  /** Cluster.snapshotJson() text. */
  snapshot: z.string(),
  history: z.array(z.string()),
  transcript: z.string(),
  exercises: z.record(z.string(), exerciseStateSchema),
});

const progressSchema = z.object({
  version: z.literal(PROGRESS_VERSION),
  lessons: z.record(z.string(), lessonProgressSchema),
});

export type ExerciseState = z.infer<typeof exerciseStateSchema>;
export type LessonProgress = z.infer<typeof lessonProgressSchema>;
export type Progress = z.infer<typeof progressSchema>;

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
export function parseProgress(text: string | null): { progress: Progress; notice?: string } {
  if (text === null) return { progress: emptyProgress() };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { progress: emptyProgress(), notice: NOTICES.progressCorrupt };
  }
  const version = typeof data === 'object' && data !== null ? (data as { version?: unknown }).version : undefined;
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
    const { progress, notice } = parseProgress(text);
    this.progress = progress;
    this.loadNotice = notice;
    if (notice) this.write();
  }

  lesson(id: string): LessonProgress | undefined {
    return this.progress.lessons[id];
  }

  /** Saves a lesson's progress; returns a notice when the browser refused it. */
  saveLesson(id: string, lesson: LessonProgress): string | undefined {
    this.progress.lessons[id] = { ...lesson, transcript: trimTranscript(lesson.transcript) };
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
