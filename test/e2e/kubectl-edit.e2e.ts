import { describe, expect, it } from 'vitest';
import { useLessonPage } from './lesson-page';

/**
 * `kubectl edit` in the lesson page: the terminal opens the live object in
 * the editor, the learner changes it there, and Apply saves the edit as
 * kubectl does when its editor closes, with the result in the terminal;
 * a reload before Apply keeps the tab with the learner's change.
 */

const lesson = useLessonPage();

describe('kubectl edit in Chromium', () => {
  it('opens deployment/web in the editor, and Apply saves replicas 3 to the cluster', async () => {
    await lesson.page.goto(`${lesson.url}lessons/01-pod-ips/`);
    await lesson.page.locator('podlab-workbench[data-state="ready"]').waitFor();
    await lesson.type('kubectl create deployment web --image=nginx', /deployment\.apps\/web created\n/);
    await lesson.type('kubectl edit deployment/web', /\$ kubectl edit deployment\/web\nEditing deployment\.apps\/web in the editor; Apply to save\.\n/);
    const panel = lesson.page.getByRole('tabpanel', { name: 'Editor' });
    const tab = panel.getByRole('tab', { name: 'kubectl-edit-deployment-web.yaml' });
    await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
    const preview = lesson.page.locator('.podlab-editor-preview');
    expect(await preview.textContent()).toMatch(/^# Please edit the object below\. Lines beginning with a '#' will be ignored,\n[^]*\napiVersion: apps\/v1\nkind: Deployment\n[^]*\nspec:\n[^]*\n {2}replicas: 1\n/);
    await preview.click();
    await lesson.page.locator('.monaco-editor .view-lines').waitFor();
    // Find spec's `replicas: 1` (the first match, above status's), then type over the selected match.
    await lesson.page.keyboard.press('Control+Home');
    await lesson.page.keyboard.press('Control+f');
    await lesson.page.keyboard.type('  replicas: 1');
    await lesson.page.keyboard.press('Escape');
    await lesson.page.keyboard.type('  replicas: 3');
    // A reload before Apply keeps the tab and the unsaved change in it (saved on leaving the page).
    await lesson.page.reload();
    await lesson.page.locator('podlab-workbench[data-state="ready"]').waitFor();
    await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
    expect(await preview.textContent()).toMatch(/^apiVersion: apps\/v1\nkind: Deployment\n[^]*\nspec:\n[^]*\n {2}replicas: 3\n[^]*\nstatus:\n/m);
    expect(await lesson.terminalText()).toMatch(/Editing deployment\.apps\/web in the editor; Apply to save\.\nlearner@workstation:~\$ ?$/);
    await panel.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => lesson.terminalText()).toMatch(/Apply to save\.\ndeployment\.apps\/web edited\nlearner@workstation:~\$ ?$/);
    // The edit's tab is closed; the lesson's own file is open again.
    await expect.poll(() => tab.count()).toBe(0);
    await lesson.type('kubectl get deploy web', /NAME +READY +UP-TO-DATE +AVAILABLE +AGE\nweb +\d\/3 /);
    expect(lesson.problems).toEqual([]);
  });
});
