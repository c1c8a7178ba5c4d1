import { ProgressStore } from './progress';

/**
 * The course index: marks lessons with exercises done, and the
 * Reset course button. What is done comes from the
 * progress store.
 */
export function wireCourseIndex(): void {
  const store = new ProgressStore(localStorage);
  for (const item of document.querySelectorAll<HTMLElement>('[data-lesson]')) {
    const done = store.completedExercises(item.dataset.lesson ?? '');
    const badge = item.querySelector<HTMLElement>('[data-lesson-done]');
    if (badge && done.length > 0) {
      badge.hidden = false;
      badge.textContent = ` · ${done.length} exercise${done.length === 1 ? '' : 's'} done`;
    }
  }
  const status = document.querySelector<HTMLElement>('[data-reset-course-status]');
  document.querySelector('[data-reset-course]')?.addEventListener('click', () => {
    if (!confirm('Reset the whole course? Every lesson’s cluster, history and exercises start afresh.')) return;
    store.resetCourse();
    for (const badge of document.querySelectorAll<HTMLElement>('[data-lesson-done]')) badge.hidden = true;
    if (status) status.textContent = 'The course was reset.';
  });
}
