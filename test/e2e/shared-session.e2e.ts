import { describe, expect, it } from 'vitest';
import { useLessonPage } from './lesson-page';

/**
 * `<Terminal>` and `<Editor files>` without a workbench (a test-only page):
 * a command typed in one terminal changes the cluster the other terminal
 * reads, the editor's Apply runs in the first terminal, `kubectl edit`
 * opens in the editor, and after a reload the cluster comes back, each
 * terminal shows what it showed and recalls its own history with ↑, and an
 * unsaved `kubectl edit` tab is open again.
 */

const lesson = useLessonPage();

const textOf = (n: number) => lesson.page.evaluate((i) => (document.querySelectorAll('podlab-terminal')[i] as unknown as { terminalText(): string }).terminalText(), n);

async function typeIn(n: number, keys: string, expected: RegExp): Promise<void> {
  await lesson.page.locator('podlab-terminal .xterm').nth(n).click();
  await lesson.page.keyboard.type(keys);
  await lesson.page.keyboard.press('Enter');
  await expect.poll(() => textOf(n)).toMatch(expected);
}

describe('<Terminal> and <Editor> on one session', () => {
  it('share one cluster: created in the first terminal, listed in the second, applied from the editor', async () => {
    await lesson.page.goto(`${lesson.url}fixtures/shared-session/`);
    await lesson.page.locator('podlab-terminal[data-state="ready"]').nth(1).waitFor();
    await lesson.page.locator('podlab-editor[data-state="ready"]').waitFor();
    await typeIn(0, 'kubectl create deployment hello --image=nginx', /deployment\.apps\/hello created\n/);
    await typeIn(1, 'kubectl get deploy -o name', /\$ kubectl get deploy -o name\ndeployment\.apps\/hello\n/);
    const editor = lesson.page.getByRole('region', { name: 'Editor' });
    expect(await editor.getByRole('tab', { name: 'web.yaml' }).getAttribute('aria-selected')).toBe('true');
    await editor.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => textOf(0)).toMatch(/\$ kubectl apply -f web\.yaml\ndeployment\.apps\/web created\n/);
    await typeIn(1, 'kubectl get deploy web', /\nweb +\d\/3 /);
    // Without a workbench, `kubectl edit` opens in the page's <Editor>; saving it unchanged cancels, as kubectl does.
    await typeIn(0, 'kubectl edit deployment/hello', /Editing deployment\.apps\/hello in the editor; Apply to save\.\n/);
    await expect.poll(() => editor.getByRole('tab', { name: 'kubectl-edit-deployment-hello.yaml' }).getAttribute('aria-selected')).toBe('true');
    await editor.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => textOf(0)).toMatch(/Apply to save\.\nEdit cancelled, no changes made\.\n/);
    await expect.poll(() => editor.getByRole('tab').count()).toBe(1);
    const before = [await textOf(0), await textOf(1)];
    await lesson.page.reload();
    await lesson.page.locator('podlab-terminal[data-state="ready"]').nth(1).waitFor();
    // Each terminal shows its own screen again, prompt last.
    expect(await textOf(0)).toBe(before[0]);
    expect(await textOf(1)).toBe(before[1]);
    expect(await textOf(0)).toMatch(/\$ kubectl create deployment hello --image=nginx\ndeployment\.apps\/hello created\n[^]*Edit cancelled, no changes made\.\n/);
    expect(await textOf(1)).not.toMatch(/kubectl create deployment/);
    const saved = await lesson.page.evaluate(() => JSON.parse(localStorage.getItem('podlab:progress')!));
    expect(Object.keys(saved.lessons['01-pod-ips'].terminals).sort()).toEqual(['#1', 'second']);
    // ↑ recalls each terminal's own last command.
    await lesson.page.locator('podlab-terminal .xterm').nth(0).click();
    await lesson.page.keyboard.press('ArrowUp');
    await expect.poll(() => textOf(0)).toMatch(/\$ kubectl edit deployment\/hello$/);
    await lesson.page.keyboard.press('Control+c');
    await lesson.page.locator('podlab-terminal .xterm').nth(1).click();
    await lesson.page.keyboard.press('ArrowUp');
    await expect.poll(() => textOf(1)).toMatch(/\$ kubectl get deploy web$/);
    await lesson.page.keyboard.press('ArrowUp');
    await expect.poll(() => textOf(1)).toMatch(/\$ kubectl get deploy -o name$/);
    await lesson.page.keyboard.press('Control+u');
    await typeIn(1, 'kubectl get deploy -o name', /deployment\.apps\/hello\ndeployment\.apps\/web\n/);
    expect(lesson.problems).toEqual([]);
  });

  it('opens an unsaved kubectl edit tab again after a reload, and its Apply still saves it', async () => {
    await typeIn(0, 'kubectl edit deployment/hello', /\$ kubectl edit deployment\/hello\nEditing deployment\.apps\/hello in the editor; Apply to save\.\n[^\n]*$/);
    const editor = lesson.page.getByRole('region', { name: 'Editor' });
    const tab = editor.getByRole('tab', { name: 'kubectl-edit-deployment-hello.yaml' });
    await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
    await lesson.page.reload();
    await lesson.page.locator('podlab-editor[data-state="ready"]').waitFor();
    await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
    expect(await editor.locator('.podlab-editor-preview').textContent()).toMatch(/^# Please edit the object below\.[^]*\nkind: Deployment\n[^]*\n {2}name: hello\n/);
    await lesson.page.locator('podlab-terminal[data-state="ready"]').nth(0).waitFor();
    await editor.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => textOf(0)).toMatch(/Apply to save\.\nEdit cancelled, no changes made\.\n[^\n]*$/);
    await expect.poll(() => tab.count()).toBe(0);
    await lesson.page.reload();
    await lesson.page.locator('podlab-editor[data-state="ready"]').waitFor();
    expect(await editor.getByRole('tab').count()).toBe(1);
    expect(lesson.problems).toEqual([]);
  });

  it("forgets each terminal's screen and history when the lesson is reset from the progress page", async () => {
    await typeIn(1, 'kubectl get nodes -o name', /\$ kubectl get nodes -o name\nnode\//);
    await lesson.page.goto(`${lesson.url}progress/`);
    await lesson.page.getByRole('button', { name: 'Reset lesson 1' }).click();
    await expect.poll(() => lesson.page.getByRole('status').filter({ hasText: 'was reset' }).count()).toBe(1);
    await lesson.page.goto(`${lesson.url}fixtures/shared-session/`);
    await lesson.page.locator('podlab-terminal[data-state="ready"]').nth(1).waitFor();
    expect(await textOf(0)).toBe('learner@workstation:~$');
    expect(await textOf(1)).toBe('learner@workstation:~$');
    await lesson.page.locator('podlab-terminal .xterm').nth(1).click();
    await lesson.page.keyboard.press('ArrowUp');
    expect(await textOf(1)).toBe('learner@workstation:~$');
    expect(lesson.problems).toEqual([]);
  });

  it('puts every <Terminal> in screen-reader mode when the learner chose it (on the workbench of any lesson)', async () => {
    await lesson.page.evaluate(() => localStorage.setItem('podlab:screen-reader', 'on'));
    await lesson.page.reload();
    await lesson.page.locator('podlab-terminal[data-state="ready"]').nth(1).waitFor();
    await expect.poll(() => lesson.page.locator('podlab-terminal .xterm-accessibility-tree').count()).toBe(2);
    await lesson.page.evaluate(() => localStorage.removeItem('podlab:screen-reader'));
    await lesson.page.reload();
    await lesson.page.locator('podlab-terminal[data-state="ready"]').nth(1).waitFor();
    expect(await lesson.page.locator('podlab-terminal .xterm-accessibility-tree').count()).toBe(0);
    expect(lesson.problems).toEqual([]);
  });
});
