import { ProgressStore } from './progress';
import { exerciseText, lessonText } from './progress-view';

/**
 * The progress page (/progress/): fills each lesson's and exercise's state
 * from the saved progress, and wires Reset lesson and Reset the whole
 * course (each after a confirmation), saying what was reset in a status line.
 */
export function wireProgressPage(): void {
  const store = new ProgressStore(localStorage);
  const status = document.querySelector<HTMLElement>('[data-progress-status]');
  if (status && store.loadNotice) status.textContent = store.loadNotice;
  const render = (): void => {
    for (const section of document.querySelectorAll<HTMLElement>('[data-progress-lesson]')) {
      const saved = store.lesson(section.dataset.progressLesson ?? '');
      const summary = section.querySelector<HTMLElement>('[data-lesson-summary]');
      if (summary) summary.textContent = lessonText((summary.dataset.exercises ?? '').split(' ').filter((id) => id !== ''), saved);
      for (const row of section.querySelectorAll<HTMLElement>('[data-exercise]')) {
        const cell = row.querySelector<HTMLElement>('[data-exercise-state]');
        if (cell) cell.textContent = exerciseText(saved?.exercises[row.dataset.exercise ?? '']);
      }
    }
  };
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-reset-lesson]')) {
    button.addEventListener('click', () => {
      const id = button.dataset.resetLesson ?? '';
      const name = button.closest('section')?.querySelector('h2')?.textContent ?? id;
      if (!confirm(`Reset ${name}? Its cluster, history and exercises start afresh.`)) return;
      store.resetLesson(id);
      render();
      if (status) status.textContent = `${name} was reset.`;
    });
  }
  document.querySelector('[data-reset-course]')?.addEventListener('click', () => {
    if (!confirm('Reset the whole course? Every lesson’s cluster, history and exercises start afresh.')) return;
    store.resetCourse();
    render();
    if (status) status.textContent = 'The course was reset.';
  });
  render();
}
