import { describe, expect, it } from 'vitest';
import { useLessonPage } from './lesson-page';

/**
 * The editor checks manifests against the JSON Schemas generated from the
 * apiserver decoder's shapes (src/cluster/api/json-schema): an unknown
 * field gets a marker that names it, and completion offers the fields of the
 * object the cursor is in.
 */

const lesson = useLessonPage();

const SERVICE = ['apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:'].join('\n');

/**
 * Replaces the open file's text in Monaco, pasted as one piece: typed text
 * would be auto-indented line by line.
 */
async function replaceText(text: string): Promise<void> {
  await lesson.page.locator('.monaco-editor .view-lines').click();
  await lesson.page.keyboard.press('Control+a');
  await lesson.page.evaluate((pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  const shown = async () => (await lesson.page.locator('.monaco-editor .view-lines').innerText()).replaceAll('\u00a0', ' ');
  await expect.poll(shown).toContain(text.trimEnd().split('\n').at(-1)!.trim());
}

/** Monaco's squiggles under the text: yaml-language-server reports schema problems as warnings. */
const squiggles = () => lesson.page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error');

describe('the editor validates and completes manifests from the API schemas', () => {
  it('opens the editor on lesson 1', async () => {
    await lesson.page.goto(`${lesson.url}lessons/01-pod-ips/`);
    await lesson.page.locator('podlab-workbench[data-state="ready"]').waitFor();
    await lesson.page.locator('.podlab-editor-preview').click();
    await lesson.page.locator('.monaco-editor .view-lines').waitFor();
  });

  it('marks an unknown field of a Service spec, and names it', async () => {
    await replaceText(`${SERVICE}\n  selectr:\n    app: web\n  ports:\n  - port: 80\n`);
    await expect.poll(() => squiggles().count(), { timeout: 20_000 }).toBeGreaterThan(0);
    // F8 opens the next problem's message under its line.
    await lesson.page.keyboard.press('Control+Home');
    await lesson.page.keyboard.press('F8');
    await expect.poll(() => lesson.page.locator('.monaco-editor .marker-widget').textContent()).toContain('Property selectr is not allowed.');
    await lesson.page.keyboard.press('Escape');
    // Spelt right, the marker goes.
    await replaceText(`${SERVICE}\n  selector:\n    app: web\n  ports:\n  - port: 80\n`);
    await expect.poll(() => squiggles().count(), { timeout: 20_000 }).toBe(0);
  });

  it("offers a Service spec's fields on Ctrl+Space inside spec:", async () => {
    await replaceText(`${SERVICE}\n  `);
    await lesson.page.keyboard.press('Control+End');
    await lesson.page.keyboard.press('Control+Space');
    const rows = lesson.page.locator('.monaco-editor .suggest-widget .monaco-list-row');
    const offered = async () => (await rows.allTextContents()).join('\n');
    // The list is alphabetical and shows its first rows: ServiceSpec's fields, not a Deployment's.
    await expect.poll(offered, { timeout: 20_000 }).toMatch(/^allocateLoadBalancerNodePorts/m);
    expect(await offered()).toMatch(/^clusterIP/m);
    expect(await offered()).not.toMatch(/^replicas/m);
    // Typing narrows it to the field.
    await lesson.page.keyboard.type('sel');
    await expect.poll(offered).toMatch(/^selector/m);
    await lesson.page.keyboard.press('Escape');
    expect(lesson.problems).toEqual([]);
  });
});
