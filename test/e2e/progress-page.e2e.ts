import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { PROGRESS_KEY } from '../../src/browser/progress';
import { useLessonPage } from './lesson-page';

/**
 * The progress page: every lesson with its exercises' state read from the
 * saved progress, and Reset lesson / Reset the whole course reached and
 * pressed from the keyboard, and an axe-core audit in both themes.
 */

const lesson = useLessonPage();

const saved = {
  version: 2,
  lessons: {
    '01-pod-ips': {
      scenario: 'default',
      seed: 1,
      snapshot: '{}',
      history: ['kubectl apply -f web.yaml', 'kubectl get pods -o wide'],
      transcript: '',
      files: {},
      exercises: { 'pod-ips/deploy': { completed: true, hintsShown: 1, solutionShown: false } },
    },
  },
};

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** What axe-core finds against WCAG 2.1 A and AA on the page as it is now. */
async function axeViolations(): Promise<string[]> {
  await lesson.page.evaluate(axeSource);
  return lesson.page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
}

const stored = () => lesson.page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY);

describe('the progress page', () => {
  it("lists each lesson's exercises with their state, and resets a lesson and the course from the keyboard", async () => {
    await lesson.page.goto(lesson.url);
    await lesson.page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [PROGRESS_KEY, JSON.stringify(saved)]);
    await lesson.page.getByRole('link', { name: 'Progress', exact: true }).click();
    const section = lesson.page.getByRole('region', { name: '1. Every pod gets an IP' });
    await expect.poll(() => section.locator('[data-lesson-summary]').textContent()).toBe('1 of 2 exercises done · 2 commands run');
    const rows = await section.getByRole('row').allTextContents();
    expect(rows.slice(1).map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([expect.stringMatching(/Done \(1 hint shown\)$/), expect.stringMatching(/Not started$/)]);
    expect(await axeViolations()).toEqual([]);
    // The dark theme too: the saved choice applies on reload.
    await lesson.page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await lesson.page.reload();
    expect(await lesson.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await expect.poll(() => section.locator('[data-lesson-summary]').textContent()).toBe('1 of 2 exercises done · 2 commands run');
    expect(await axeViolations()).toEqual([]);
    await lesson.page.getByRole('button', { name: 'Switch to light theme' }).click();
    // Reset lesson 1 from the keyboard: the button takes focus and Enter presses it (the confirmation is accepted).
    const reset = lesson.page.getByRole('button', { name: 'Reset lesson 1' });
    await reset.focus();
    await lesson.page.keyboard.press('Enter');
    await expect.poll(() => section.locator('[data-lesson-summary]').textContent()).toBe('Not started');
    expect(await lesson.page.getByRole('status').filter({ hasText: 'was reset' }).textContent()).toBe('1. Every pod gets an IP was reset.');
    expect(JSON.parse((await stored())!).lessons).toEqual({});
    await lesson.page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [PROGRESS_KEY, JSON.stringify(saved)]);
    await lesson.page.reload();
    await expect.poll(() => section.locator('[data-lesson-summary]').textContent()).toBe('1 of 2 exercises done · 2 commands run');
    await lesson.page.getByRole('button', { name: 'Reset the whole course' }).focus();
    await lesson.page.keyboard.press('Enter');
    await expect.poll(stored).toBeNull();
    expect(await section.locator('[data-exercise-state]').allTextContents()).toEqual(['Not started', 'Not started']);
    expect(lesson.problems).toEqual([]);
  });
});
