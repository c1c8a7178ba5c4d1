import type { ExerciseState, LessonProgress } from './progress';

/**
 * What the progress page says of each exercise and lesson, from the saved
 * progress: DOM-free, so the wording is tested in Node.
 */

/** `<Exercise id="…">` ids of a lesson's MDX source, in the order they appear. */
export function exerciseIdsOf(mdx: string): string[] {
  return [...mdx.matchAll(/<Exercise\s[^>]*?\bid=["']([^"']+)["']/g)].map((m) => m[1]!);
}

/** One exercise's state in words: done, started (hints or the solution seen), or not started. */
export function exerciseText(state: ExerciseState | undefined): string {
  if (!state) return 'Not started';
  const seen = [state.hintsShown > 0 ? `${state.hintsShown} hint${state.hintsShown === 1 ? '' : 's'} shown` : '', state.solutionShown ? 'solution shown' : ''].filter((s) => s !== '');
  const extra = seen.length > 0 ? ` (${seen.join(', ')})` : '';
  if (state.completed) return `Done${extra}`;
  return seen.length > 0 ? `Started${extra}` : 'Not started';
}

/** A lesson's line: how many of its exercises are done, and whether it has been opened at all. */
export function lessonText(exerciseIds: readonly string[], saved: LessonProgress | undefined): string {
  if (!saved) return 'Not started';
  const done = exerciseIds.filter((id) => saved.exercises[id]?.completed).length;
  const commands = saved.history.length;
  return `${done} of ${exerciseIds.length} exercise${exerciseIds.length === 1 ? '' : 's'} done · ${commands} command${commands === 1 ? '' : 's'} run`;
}
