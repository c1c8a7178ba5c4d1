import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { NOTICES } from '../../src/browser/messages';
import { BASE, ROOT, useLessonPage } from './lesson-page';

/**
 * The built course in a real Chromium: lesson 1 from the index, a manifest
 * edited and applied from the editor, commands typed into the terminal and
 * read back, the cluster map showing the pods and a `podlab trace` path,
 * both exercises passing, state (edited files too) kept across a reload,
 * corrupt progress reset with a notice, the Content-Security-Policy never
 * violated with Monaco open, and an axe-core audit of both panels and the
 * course index, in the light theme and the dark.
 */

const ARTIFACTS = `${ROOT}test-results/`;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const lesson = useLessonPage();

const terminalText = () => lesson.terminalText();
const type = (keys: string, expected?: string | RegExp) => lesson.type(keys, expected);

/** The pods `kubectl get pods -o wide` last listed: name, IP and node. */
async function podsWide(): Promise<{ name: string; ip: string; node: string }[]> {
  await type('kubectl get pods -o wide', /NAME +READY +STATUS +RESTARTS +AGE +IP +NODE/);
  const text = await terminalText();
  const table = text.slice(text.lastIndexOf('NAME '));
  return table
    .split('\n')
    .filter((l) => /^web-\S+ +1\/1 +Running/.test(l))
    .map((l) => l.split(/ +/))
    .map((c) => ({ name: c[0]!, ip: c[5]!, node: c[6]! }));
}

async function axeViolations(): Promise<string[]> {
  await lesson.page.evaluate(axeSource);
  return lesson.page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
}

async function workbenchReady(): Promise<void> {
  await lesson.page.locator('podlab-workbench[data-state="ready"]').waitFor();
  await lesson.page.locator('podlab-exercise[data-state="ready"]').first().waitFor();
}

describe('lesson 1 in Chromium', () => {
  it('searches the lessons\' text from the course index', async () => {
    await lesson.page.goto(lesson.url);
    const search = lesson.page.getByLabel('Search the lessons');
    await search.fill('host-local');
    await expect.poll(() => lesson.page.locator('[data-lesson="01-pod-ips"] [data-search-snippet]').textContent()).toMatch(/host-local/);
    expect(await lesson.page.getByRole('status').filter({ hasText: 'found' }).textContent()).toBe('1 lesson found');
    await search.fill('ipvsadm conntrack zebra');
    await expect.poll(() => lesson.page.locator('[data-lesson="01-pod-ips"]').isHidden()).toBe(true);
    await search.fill('');
  });

  it('opens lesson 1 from the course index, under the base path', async () => {
    await lesson.page.goto(lesson.url);
    const link = lesson.page.getByRole('link', { name: /1\. Every pod gets an IP/ });
    expect(await link.getAttribute('href')).toBe(`${BASE}lessons/01-pod-ips/`);
    await link.click();
    await workbenchReady();
    expect(await lesson.page.title()).toBe('1. Every pod gets an IP — Podlab');
  });

  it('opens the editor on the workspace file, loads Monaco on first use, and applies an edit through the terminal', async () => {
    const panel = lesson.page.getByRole('tabpanel', { name: 'Editor' });
    expect(await lesson.page.getByRole('tab', { name: 'Editor' }).getAttribute('aria-selected')).toBe('true');
    expect(await panel.getByRole('tab', { name: 'web.yaml' }).getAttribute('aria-selected')).toBe('true');
    expect(await lesson.page.locator('.monaco-editor').count()).toBe(0);
    await lesson.page.locator('.podlab-editor-preview').click();
    await lesson.page.locator('.monaco-editor .view-lines').waitFor();
    // Line 8 is `    app: web` under metadata.labels: add a label after it.
    await lesson.page.keyboard.press('Control+Home');
    for (let i = 0; i < 7; i++) await lesson.page.keyboard.press('ArrowDown');
    await lesson.page.keyboard.press('End');
    await lesson.page.keyboard.press('Enter');
    await lesson.page.keyboard.type('tier: frontend');
    await lesson.page.keyboard.press('Escape');
    await panel.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(terminalText).toMatch(/\$ kubectl apply -f web\.yaml\ndeployment\.apps\/web created\n/);
    await type('kubectl get deploy web -o yaml', /tier: frontend/);
    expect(await terminalText()).toMatch(/^ +labels:\n +app: web\n +tier: frontend$/m);
  });

  it('runs kubectl in the terminal and reads its output back', async () => {
    await type('sleep 5');
    await type('kubectl get pods -o wide', /NAME +READY +STATUS +RESTARTS +AGE +IP +NODE/);
    const rows = (await terminalText()).split('\n').filter((l) => /^web-\S+ +1\/1 +Running/.test(l));
    expect(rows.map((r) => r.split(/ +/)[6]).sort()).toEqual(['worker-1', 'worker-2', 'worker-3']);
  });

  it('edits the line: Home, arrows, Ctrl-W, history', async () => {
    await lesson.page.locator('.xterm').click();
    await lesson.page.keyboard.type('ubectl get nodes wrongword');
    await lesson.page.keyboard.press('Control+w');
    await lesson.page.keyboard.press('Home');
    await lesson.page.keyboard.type('k');
    await lesson.page.keyboard.press('End');
    await lesson.page.keyboard.press('Enter');
    await expect.poll(terminalText).toMatch(/worker-3 +Ready +<none> +9m4\ds +v1\.34\.0/);
    await lesson.page.keyboard.press('ArrowUp');
    await lesson.page.keyboard.press('Enter');
    await expect.poll(async () => (await terminalText()).match(/\$ kubectl get nodes $/gm)?.length).toBe(2);
  });

  it('drops the line on Ctrl-C and clears the screen on Ctrl-L', async () => {
    await lesson.page.locator('.xterm').click();
    await lesson.page.keyboard.type('kubectl delete deployment web');
    await lesson.page.keyboard.press('Control+c');
    await expect.poll(terminalText).toMatch(/\$ kubectl delete deployment web\^C$/m);
    await lesson.page.keyboard.press('Control+l');
    await expect.poll(terminalText).not.toMatch(/\^C/);
    await type('kubectl get deploy web', /web +3\/3/);
  });

  it('runs every line of a multi-line paste in order', async () => {
    await lesson.page.locator('.xterm-helper-textarea').focus();
    await lesson.page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', 'echo first\necho second\n');
      document.querySelector('.xterm-helper-textarea')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect.poll(terminalText).toMatch(/\$ echo first\nfirst\n.*\$ echo second\nsecond$/m);
  });

  it('passes exercise 1 as soon as its checks hold', async () => {
    const exercise = lesson.page.locator('podlab-exercise[data-id="pod-ips/deploy"]');
    await expect.poll(() => exercise.getAttribute('data-passed')).toBe('true');
    expect(await exercise.locator('[data-status]').textContent()).toBe('Exercise complete: every check passes.');
  });

  it('runs a code block through its Run button', async () => {
    await lesson.page.getByRole('button', { name: 'Run in the terminal: kubectl get nodes -o wide' }).click();
    await expect.poll(terminalText).toMatch(/INTERNAL-IP/);
  });

  it('runs an inline <Run> command from inside an opened hint', async () => {
    await lesson.page.locator('details.hint summary', { hasText: 'Where do I look?' }).click();
    await lesson.page.getByRole('button', { name: 'Run in the terminal: kubectl get nodes -o custom-columns=NAME:.metadata.name,PODCIDR:.spec.podCIDR' }).click();
    await expect.poll(terminalText).toMatch(/NAME +PODCIDR\ncontrol-plane +10\.244\.0\.0\/24\nworker-1 +10\.244\.1\.0\/24/);
  });

  it('passes exercise 2 after a pod is deleted and replaced', async () => {
    const exercise = lesson.page.locator('podlab-exercise[data-id="pod-ips/replace"]');
    expect(await exercise.getAttribute('data-passed')).toBe('false');
    await type('kubectl get pods', /^web-\S+ +1\/1 +Running/m);
    const name = /^(web-[a-z0-9]+-[a-z0-9]{5}) /m.exec(await terminalText())![1]!;
    await type(`kubectl delete pod ${name}`, `pod "${name}" deleted`);
    await type('sleep 5');
    await expect.poll(() => exercise.getAttribute('data-passed')).toBe('true');
  });

  it('shows hints one at a time and the solution after a confirmation', async () => {
    const exercise = lesson.page.locator('podlab-exercise[data-id="pod-ips/deploy"]');
    await exercise.getByRole('button', { name: /Show a hint/ }).click();
    expect(await exercise.locator('[data-hint-text]:visible').count()).toBe(1);
    await exercise.getByRole('button', { name: 'Show the solution' }).click();
    await expect.poll(() => exercise.locator('[data-solution]').isVisible()).toBe(true);
  });

  it('shows each pod on its node with its IP on the cluster map', async () => {
    const pods = await podsWide();
    expect(pods).toHaveLength(3);
    await lesson.page.getByRole('tab', { name: 'Cluster map' }).click();
    const map = lesson.page.getByRole('tabpanel', { name: 'Cluster map' });
    await map.waitFor();
    for (const pod of pods) {
      const box = map.locator(`.podlab-map-node[data-node="${pod.node}"] .podlab-map-pod[data-key="default/${pod.name}"]`);
      await expect.poll(() => box.locator('text').allTextContents()).toEqual([pod.name, pod.ip]);
    }
    expect(await map.locator('.podlab-map-svg').getAttribute('aria-label')).toBe('Cluster map: 4 nodes, 3 pods, 1 Service');
  });

  it('draws the path of a podlab trace on the map', async () => {
    const [from, to] = (await podsWide()).filter((p, _, all) => p.node !== all[0]!.node || p === all[0]);
    await lesson.page.getByRole('tab', { name: 'Editor' }).click();
    await type(`podlab trace ${from!.name} ${to!.ip}`, new RegExp(`result: answered by pod default/${to!.name} on node ${to!.node}`));
    // The map turns to show it, and numbers the hops: source, the crossing to the other node, the answer.
    expect(await lesson.page.getByRole('tab', { name: 'Cluster map' }).getAttribute('aria-selected')).toBe('true');
    const map = lesson.page.getByRole('tabpanel', { name: 'Cluster map' });
    await expect.poll(() => map.locator('.podlab-trace-hop').count()).toBe(3);
    expect(await map.getByRole('list', { name: 'Packet path' }).locator('li').allTextContents()).toEqual([
      `from pod default/${from!.name}`,
      `${from!.node} → ${to!.node} via ${/ via (\S+) /.exec((await terminalText()).split('\n').findLast((l) => l.includes(`(${to!.node})`)) ?? '')?.[1]}`,
      `answered by ${to!.name} :80`,
    ]);
    expect(await map.locator('[data-trace-caption]').textContent()).toBe(`The path of podlab trace ${from!.name} ${to!.ip}, numbered hop by hop:`);
    mkdirSync(ARTIFACTS, { recursive: true });
    await lesson.page.locator('.lesson-bench').screenshot({ path: `${ARTIFACTS}lesson-01-trace.png` });
  });

  it('keeps the cluster, the terminal, history and exercises across a reload', async () => {
    const before = await terminalText();
    await lesson.page.reload();
    await workbenchReady();
    expect(await terminalText()).toContain(before.split('\n').slice(-3, -1).join('\n'));
    // The edited file too, shown before Monaco loads and saved as a v2 progress record.
    expect(await lesson.page.locator('.podlab-editor-preview').textContent()).toMatch(/^    app: web\n    tier: frontend$/m);
    const saved = await lesson.page.evaluate(() => JSON.parse(localStorage.getItem('podlab:progress')!));
    expect(saved.version).toBe(3);
    expect(saved.lessons['01-pod-ips'].files['web.yaml']).toContain('tier: frontend');
    expect(await lesson.page.locator('podlab-exercise[data-id="pod-ips/replace"]').getAttribute('data-passed')).toBe('true');
    expect(await lesson.page.locator('podlab-exercise[data-id="pod-ips/deploy"] [data-hint-text]:visible').count()).toBe(1);
    await lesson.page.locator('.xterm').click();
    await lesson.page.keyboard.press('ArrowUp');
    await lesson.page.keyboard.press('Enter');
    // The last command before the reload was the podlab trace: it runs again, and draws again.
    await expect.poll(async () => (await terminalText()).match(/\$ podlab trace /gm)?.length).toBe(2);
    await expect.poll(() => lesson.page.locator('.podlab-trace-hop').count()).toBe(3);
    await type('kubectl get deploy web', /web +3\/3 +3 +3/);
  });

  it('saves a screenshot of the lesson', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await lesson.page.screenshot({ path: `${ARTIFACTS}lesson-01.png`, fullPage: false });
  });

  it('has no accessibility violations that axe-core can find, with the editor and with the map showing', async () => {
    await lesson.page.getByRole('tab', { name: 'Editor' }).click();
    await lesson.page.locator('.podlab-editor-preview').click();
    await lesson.page.locator('.monaco-editor .view-lines').waitFor();
    expect(await axeViolations()).toEqual([]);
    // Arrow keys move between the panel tabs (the WAI-ARIA tabs pattern).
    await lesson.page.getByRole('tab', { name: 'Editor' }).focus();
    await lesson.page.keyboard.press('ArrowRight');
    expect(await lesson.page.evaluate(() => document.activeElement?.textContent)).toBe('Cluster map');
    await lesson.page.getByRole('tabpanel', { name: 'Cluster map' }).waitFor();
    expect(await axeViolations()).toEqual([]);
  });

  it('resets the lesson: a fresh cluster, an empty terminal, exercises not done', async () => {
    await lesson.page.getByRole('button', { name: 'Reset lesson' }).click();
    await expect.poll(() => lesson.page.locator('[data-notice]').textContent()).toBe(NOTICES.lessonReset);
    expect(await terminalText()).toBe('learner@workstation:~$');
    expect(await lesson.page.locator('podlab-exercise[data-id="pod-ips/deploy"]').getAttribute('data-passed')).toBe('false');
    expect(await lesson.page.locator('podlab-exercise[data-id="pod-ips/deploy"] [data-hint-text]:visible').count()).toBe(0);
    await type('kubectl get deploy', /No resources found in default namespace\./);
    await lesson.page.getByRole('tab', { name: 'Editor' }).click();
    await expect.poll(() => lesson.page.locator('.podlab-editor').textContent()).not.toContain('tier: frontend');
    await lesson.page.reload();
    await workbenchReady();
    expect(await terminalText()).toMatch(/^learner@workstation:~\$ kubectl get deploy\nNo resources found in default namespace\.\nlearner@workstation:~\$$/);
  });

  it('marks done exercises on the course index, and resets the whole course from there', async () => {
    await type('kubectl apply -f web.yaml', /created/);
    await type('sleep 5');
    await expect.poll(() => lesson.page.locator('podlab-exercise[data-id="pod-ips/deploy"]').getAttribute('data-passed')).toBe('true');
    await lesson.page.getByRole('link', { name: 'All lessons', exact: false }).first().click();
    await expect.poll(() => lesson.page.locator('[data-lesson="01-pod-ips"] [data-lesson-done]').textContent()).toBe(' · 1 exercise done');
    await lesson.page.getByRole('button', { name: 'Reset the whole course' }).click();
    expect(await lesson.page.evaluate(() => localStorage.getItem('podlab:progress'))).toBeNull();
    await lesson.page.getByRole('link', { name: /1\. Every pod gets an IP/ }).click();
    await workbenchReady();
    expect(await terminalText()).toBe('learner@workstation:~$');
  });

  it('starts afresh with a visible notice when saved progress is corrupt', async () => {
    await lesson.page.evaluate(() => localStorage.setItem('podlab:progress', '{not json'));
    await lesson.page.reload();
    await workbenchReady();
    expect(await lesson.page.locator('[data-notice]').textContent()).toBe(NOTICES.progressCorrupt);
    await type('kubectl get deploy', /No resources found in default namespace\./);
  });

  it('switches between light and dark themes', async () => {
    const theme = () => lesson.page.evaluate(() => document.documentElement.dataset.theme);
    expect(await theme()).toBe('light');
    await lesson.page.getByRole('button', { name: 'Switch to dark theme' }).click();
    expect(await theme()).toBe('dark');
    await lesson.page.reload();
    expect(await theme()).toBe('dark');
  });

  it('has no accessibility violations in the dark theme either: the lesson with the editor and with the map, and the course index', async () => {
    const theme = () => lesson.page.evaluate(() => document.documentElement.dataset.theme);
    expect(await theme()).toBe('dark');
    await workbenchReady();
    await lesson.page.getByRole('tab', { name: 'Editor' }).click();
    await lesson.page.locator('.podlab-editor-preview').click();
    await lesson.page.locator('.monaco-editor .view-lines').waitFor();
    expect(await axeViolations()).toEqual([]);
    await lesson.page.getByRole('tab', { name: 'Cluster map' }).click();
    await lesson.page.getByRole('tabpanel', { name: 'Cluster map' }).waitFor();
    expect(await axeViolations()).toEqual([]);
    await lesson.page.getByRole('tab', { name: 'Editor' }).click();
    await lesson.page.goto(lesson.url);
    expect(await theme()).toBe('dark');
    expect(await axeViolations()).toEqual([]);
    await lesson.page.getByRole('button', { name: 'Switch to light theme' }).click();
    expect(await theme()).toBe('light');
    expect(await axeViolations()).toEqual([]);
    await lesson.page.getByRole('link', { name: /1\. Every pod gets an IP/ }).click();
    await workbenchReady();
  });

  it('turns on the terminal screen-reader mode from the checkbox', async () => {
    await lesson.page.getByLabel('Screen reader mode').check();
    await expect.poll(() => lesson.page.locator('.xterm-accessibility-tree').count()).toBe(1);
    await lesson.page.getByLabel('Screen reader mode').uncheck();
  });

  it('stacks text and workbench on a narrow screen and fits the terminal to it', async () => {
    const cols = () => lesson.page.evaluate(() => (document.querySelector('podlab-workbench') as unknown as { terminalColumns(): number }).terminalColumns());
    const wide = await cols();
    await lesson.page.setViewportSize({ width: 420, height: 900 });
    await expect.poll(cols).toBeLessThan(wide);
    const text = await lesson.page.locator('.lesson-text').boundingBox();
    const bench = await lesson.page.locator('.lesson-bench').boundingBox();
    expect(bench!.y).toBeGreaterThan(text!.y + text!.height - 1);
    expect(bench!.width).toBeGreaterThan(300);
    await lesson.page.locator('.lesson-bench').scrollIntoViewIfNeeded();
    await lesson.page.screenshot({ path: `${ARTIFACTS}lesson-01-narrow.png` });
    await lesson.page.setViewportSize({ width: 1400, height: 900 });
  });

  it('logged no errors and no Content-Security-Policy violations', () => {
    expect(lesson.problems).toEqual([]);
  });
});
