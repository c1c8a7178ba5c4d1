import { graders } from '../../graders/index';
import { grade, type Grader } from '../grading/grader';
import { workbenchReady, type WorkbenchHandle } from './page-bus';

/**
 * <podlab-exercise data-id>: a live checklist. Its checks run against the
 * workbench's cluster after every command and on the Check button; hints
 * open one at a time; the solution opens after a confirmation. The
 * markup (checks, hints, solution) is rendered at build time by
 * Exercise.astro; this only toggles and fills it.
 */

class ExerciseElement extends HTMLElement {
  connectedCallback(): void {
    const grader = graders.get(this.dataset.id ?? '');
    if (!grader) return;
    void workbenchReady.then((wb) => this.attach(grader, wb));
  }

  private attach(grader: Grader, wb: WorkbenchHandle): void {
    const { session } = wb;
    const state = () => session.exercise(grader.id);
    const hints = [...this.querySelectorAll<HTMLElement>('[data-hint-text]')];
    const hintButton = this.querySelector<HTMLButtonElement>('[data-show-hint]');
    const solution = this.querySelector<HTMLElement>('[data-solution]');
    const solutionButton = this.querySelector<HTMLButtonElement>('[data-show-solution]');

    const showHints = () => {
      hints.forEach((h, i) => (h.hidden = i >= state().hintsShown));
      if (hintButton) {
        hintButton.disabled = state().hintsShown >= hints.length;
        hintButton.textContent = state().hintsShown >= hints.length ? 'No more hints' : `Show a hint (${state().hintsShown + 1} of ${hints.length})`;
      }
      if (solution) solution.hidden = !state().solutionShown;
    };

    const check = () => {
      const report = grade(grader, session.cluster);
      for (const c of report.checks) {
        const item = this.querySelector<HTMLElement>(`[data-check="${CSS.escape(c.id)}"]`);
        if (!item) continue;
        item.dataset.pass = String(c.pass);
        item.querySelector('[data-mark]')!.textContent = c.pass ? '✓' : '○';
        item.querySelector('[data-mark-label]')!.textContent = c.pass ? 'done:' : 'to do:';
        item.querySelector('[data-feedback]')!.textContent = c.feedback;
      }
      const passing = report.checks.filter((c) => c.pass).length;
      if (report.passed) state().completed = true;
      this.dataset.passed = String(report.passed);
      this.querySelector('[data-status]')!.textContent = report.passed
        ? 'Exercise complete: every check passes.'
        : `${passing} of ${report.checks.length} checks pass${state().completed ? ' (you completed this exercise before)' : ''}.`;
    };

    session.subscribe((e) => {
      if (e.type === 'reset') showHints();
      check();
    });
    this.querySelector('[data-check-now]')?.addEventListener('click', () => {
      check();
      session.save();
    });
    hintButton?.addEventListener('click', () => {
      state().hintsShown = Math.min(hints.length, state().hintsShown + 1);
      showHints();
      session.save();
    });
    solutionButton?.addEventListener('click', () => {
      if (!state().solutionShown && !confirm('Show the solution? Trying a hint first teaches more.')) return;
      state().solutionShown = true;
      showHints();
      session.save();
    });
    this.querySelector('[data-run-solution]')?.addEventListener('click', () => {
      for (const line of grader.solution) wb.terminal.typeAndRun(line);
    });
    showHints();
    check();
    this.dataset.state = 'ready';
  }
}

if (!customElements.get('podlab-exercise')) customElements.define('podlab-exercise', ExerciseElement);
