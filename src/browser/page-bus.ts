import type { LessonSession } from './lesson-session';
import type { TerminalView } from './terminal';

/**
 * How the page's parts find the workbench: exercises, run buttons and
 * quizzes are separate elements, and the workbench boots asynchronously.
 * One workbench a page; on a page without one, the first `<Terminal>`
 * announces itself here instead.
 */

export interface WorkbenchHandle {
  session: LessonSession;
  terminal: TerminalView;
  /** Shows a notice above the terminal. */
  notify(message: string): void;
}

let announce!: (handle: WorkbenchHandle) => void;

export const workbenchReady: Promise<WorkbenchHandle> = new Promise((resolve) => {
  announce = resolve;
});

export function announceWorkbench(handle: WorkbenchHandle): void {
  announce(handle);
}
