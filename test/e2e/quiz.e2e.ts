import { describe, expect, it } from 'vitest';
import { useLessonPage } from './lesson-page';

/**
 * Lesson 1's first <Quiz>, answered from the keyboard: a wrong answer shows
 * that answer's own explanation, then the right one shows its own.
 */

const lesson = useLessonPage();

describe('a quiz in lesson 1', () => {
  it("explains each answer: a wrong one, then the right one, chosen and checked from the keyboard", async () => {
    await lesson.page.goto(`${lesson.url}lessons/01-pod-ips/`);
    await lesson.page.locator('podlab-workbench[data-state="ready"]').waitFor();
    const quiz = lesson.page.locator('podlab-quiz').filter({ hasText: 'which address can it have' });
    const result = quiz.getByRole('status');
    const check = quiz.getByRole('button', { name: 'Check answer' });

    await check.focus();
    await lesson.page.keyboard.press('Enter');
    await expect.poll(() => result.textContent()).toBe('Pick an answer first.');

    // Space picks the focused option; arrow keys move the choice within the group.
    await quiz.getByLabel('10.244.1.7').focus();
    await lesson.page.keyboard.press('Space');
    await lesson.page.keyboard.press('ArrowDown');
    await lesson.page.keyboard.press('ArrowDown');
    expect(await quiz.getByLabel('172.18.0.4').isChecked()).toBe(true);
    await lesson.page.keyboard.press('Tab');
    expect(await lesson.page.evaluate(() => document.activeElement?.textContent)).toBe('Check answer');
    await lesson.page.keyboard.press('Enter');
    await expect.poll(() => result.textContent()).toBe(
      "Not quite. That is worker-2's own InternalIP. Only a pod with hostNetwork: true, such as kube-proxy or kindnet, shares its node's address; this pod has a network of its own.",
    );
    expect(await quiz.getAttribute('data-result')).toBe('wrong');

    await quiz.getByLabel('10.96.0.7').focus();
    await lesson.page.keyboard.press('Space');
    await check.focus();
    await lesson.page.keyboard.press('Enter');
    await expect.poll(() => result.textContent()).toMatch(/^Not quite\. That is in 10\.96\.0\.0\/12, the Service CIDR/);

    await quiz.getByLabel('10.244.2.7').focus();
    await lesson.page.keyboard.press('Space');
    await check.focus();
    await lesson.page.keyboard.press('Enter');
    await expect.poll(() => result.textContent()).toBe(
      "Right. It is in worker-2's podCIDR, the slice that worker-2's network plugin (kindnet, with host-local) hands addresses from.",
    );
    expect(await quiz.getAttribute('data-result')).toBe('right');
    expect(lesson.problems).toEqual([]);
  });
});
