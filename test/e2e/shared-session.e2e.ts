import { describe, expect, it } from 'vitest';
import { useLessonPage } from './lesson-page';

/**
 * `<Terminal>` and `<Editor files>` without a workbench (a test-only page):
 * a command typed in one terminal changes the cluster the other terminal
 * reads, the editor's Apply runs in the first terminal, `kubectl edit`
 * opens in the editor, and the cluster comes back after a reload.
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
    await lesson.page.reload();
    await lesson.page.locator('podlab-terminal[data-state="ready"]').nth(1).waitFor();
    await typeIn(1, 'kubectl get deploy -o name', /deployment\.apps\/hello\ndeployment\.apps\/web\n/);
    expect(lesson.problems).toEqual([]);
  });
});
