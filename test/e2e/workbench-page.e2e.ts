import { describe, expect, it } from 'vitest';
import { PROGRESS_KEY } from '../../src/browser/progress';
import { useLessonPage } from './lesson-page';

/**
 * A `<Workbench scenario seed>` on a page of its own, outside the lesson
 * layout (the test-only page test/e2e/fixtures/sandbox.astro, the README's
 * example): it boots that scenario with that seed, has no workspace files,
 * and saves its progress as `sandbox`.
 */

const lesson = useLessonPage();

describe('a workbench outside the lesson layout', () => {
  it('boots the ipvs scenario with seed 7 and saves it as the sandbox', async () => {
    await lesson.page.goto(`${lesson.url}fixtures/sandbox/`);
    await lesson.page.locator('podlab-workbench[data-state="ready"]').waitFor();
    await lesson.type('kubectl apply -f web.yaml', 'error: the path "web.yaml" does not exist');
    await lesson.type('kubectl get nodes', /worker-3 +Ready/);
    await lesson.type('kubectl get configmap kube-proxy -n kube-system -o yaml | grep "mode:"', /mode: ipvs/);
    const saved = await lesson.page.evaluate((key) => JSON.parse(localStorage.getItem(key)!), PROGRESS_KEY);
    expect(Object.keys(saved.lessons)).toEqual(['sandbox']);
    expect([saved.lessons.sandbox.scenario, saved.lessons.sandbox.seed, saved.lessons.sandbox.files]).toEqual(['ipvs', 7, {}]);
    expect(lesson.problems).toEqual([]);
  });
});
