import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SHELL_EXIT_NOTE } from '../../src/browser/messages';
import { BASE, ROOT, useLessonPage } from './lesson-page';

/**
 * The lesson terminal and the shell behind it, in Chromium: the shell's
 * chunk is not part of the page's first load and a line typed before it
 * arrives runs once it does; nested shells change the prompt and `exit`
 * leaves them; a pasted here-document is collected behind `> ` and
 * applied; Ctrl-R searches history; `clear`, `watch` (until Ctrl-C) and
 * `exit` at the workstation.
 */

/** The chunk Vite makes of src/browser/shell-adapter.ts (bench/site-weight.bench.ts looks for the same). */
const SHELL_CHUNK = /\/shell-adapter\.[\w-]+\.js$/;
const PROMPT = 'learner@workstation:~$';

const lesson = useLessonPage();

const terminalText = () => lesson.terminalText();
const type = (keys: string, expected?: string | RegExp) => lesson.type(keys, expected);

async function paste(text: string): Promise<void> {
  await lesson.page.locator('.xterm-helper-textarea').focus();
  await lesson.page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.querySelector('.xterm-helper-textarea')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** The scripts the page has fetched so far. */
async function scriptsFetched(): Promise<string[]> {
  return lesson.page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.js')));
}

describe('the lesson terminal and its shell', () => {
  it('builds the shell as a chunk of its own, left out of the first load; a line typed before it arrives runs once, when it does', async () => {
    expect(readdirSync(`${ROOT}dist/_astro`).filter((f) => SHELL_CHUNK.test(`/${f}`))).toHaveLength(1);
    // Hold the shell's chunk back until the lines are typed.
    let release!: () => void;
    const released = new Promise<void>((ok) => (release = ok));
    await lesson.page.route(SHELL_CHUNK, async (route) => {
      await released;
      await route.continue();
    });
    await lesson.page.goto(`${lesson.url}lessons/01-pod-ips/`);
    await lesson.page.locator('podlab-workbench[data-state="ready"]').waitFor();
    expect((await scriptsFetched()).filter((p) => SHELL_CHUNK.test(p))).toEqual([]);
    expect(await terminalText()).toBe(PROMPT);

    await type('kubectl apply -f web.yaml');
    await type('kubectl get deploy -o name');
    // The first line is shown as typed; the second waits its turn; nothing has run.
    await expect.poll(terminalText).toBe(`${PROMPT} kubectl apply -f web.yaml`);
    release();
    await expect.poll(terminalText).toBe(
      [`${PROMPT} kubectl apply -f web.yaml`, 'deployment.apps/web created', `${PROMPT} kubectl get deploy -o name`, 'deployment.apps/web', PROMPT].join('\n'),
    );
    expect((await scriptsFetched()).filter((p) => SHELL_CHUNK.test(p))).toHaveLength(1);
    await lesson.page.unroute(SHELL_CHUNK);
  });

  it("enters a pod's shell with its own prompt, runs there, and exits back to the workstation", async () => {
    await type('sleep 10');
    await type('kubectl run tmp --rm -it --image=busybox:1.36 --restart=Never -- sh', /\n\/ #$/);
    await type('hostname', /\/ # hostname\ntmp\n\/ #$/);
    await type('nslookup kubernetes', /Name:\s+kubernetes\.default\.svc\.cluster\.local\nAddress:\s+10\.96\.0\.1\n(?:.*\n)*\/ #$/);
    await type('exit', new RegExp(`\\n${PROMPT.replace(/[$]/g, '\\$')}$`));
    await type('kubectl get pod tmp', /Error from server \(NotFound\): pods "tmp" not found/);
  });

  it('completes with Tab as kubectl\'s completion does, and lists candidates on a second Tab', async () => {
    await lesson.page.locator('.xterm').click();
    await lesson.page.keyboard.type('kubectl get nod');
    await lesson.page.keyboard.press('Tab');
    await lesson.page.keyboard.type('work');
    await lesson.page.keyboard.press('Tab');
    await lesson.page.keyboard.press('Tab');
    await expect.poll(terminalText).toMatch(/kubectl get nodes worker-\nworker-1 {2}worker-2 {2}worker-3\n.*kubectl get nodes worker-$/);
    await lesson.page.keyboard.type('2');
    await lesson.page.keyboard.press('Enter');
    await expect.poll(terminalText).toMatch(/worker-2 +Ready/);
  });

  it('collects a pasted here-document behind "> " and applies it', async () => {
    await paste(['cat <<EOF | kubectl apply -f -', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: settings', 'data:', '  mode: lab', 'EOF', ''].join('\n'));
    await expect.poll(terminalText).toContain(
      [`${PROMPT} cat <<EOF | kubectl apply -f -`, '> apiVersion: v1', '> kind: ConfigMap', '> metadata:', '>   name: settings', '> data:', '>   mode: lab', '> EOF', 'configmap/settings created', PROMPT].join('\n'),
    );
    await type('kubectl get configmap settings -o yaml', /\$ kubectl get configmap settings -o yaml\napiVersion: v1\ndata:\n  mode: lab\n/);
  });

  it('drops an unfinished command on Ctrl-C', async () => {
    await type('echo "open');
    await expect.poll(terminalText).toMatch(/\n>$/);
    await lesson.page.keyboard.type('more');
    await lesson.page.keyboard.press('Control+c');
    await expect.poll(terminalText).toMatch(/\n> more\^C\nlearner@workstation:~\$$/);
    await type('echo closed', /\$ echo closed\nclosed\nlearner@workstation:~\$$/);
  });

  it('searches history backwards on Ctrl-R behind readline\'s prompt, and runs the match on Enter', async () => {
    await lesson.page.keyboard.press('Control+r');
    await lesson.page.keyboard.type('hostn');
    await expect.poll(terminalText).toMatch(/\n\(reverse-i-search\)`hostn': hostname$/);
    await lesson.page.keyboard.type('zz');
    await expect.poll(terminalText).toMatch(/\n\(failed reverse-i-search\)`hostnzz': hostname$/);
    await lesson.page.keyboard.press('Backspace');
    await lesson.page.keyboard.press('Backspace');
    await lesson.page.keyboard.press('Control+g');
    await expect.poll(terminalText).toMatch(/\nlearner@workstation:~\$$/);
    await lesson.page.keyboard.press('Control+r');
    await lesson.page.keyboard.type('echo c');
    await expect.poll(terminalText).toMatch(/\n\(reverse-i-search\)`echo c': echo closed$/);
    await lesson.page.keyboard.press('Enter');
    await expect.poll(terminalText).toMatch(/\nlearner@workstation:~\$ echo closed\nclosed\nlearner@workstation:~\$$/);
  });

  it('clears the screen on clear', async () => {
    await type('clear');
    await expect.poll(terminalText).toBe(PROMPT);
  });

  it('reruns a watched command on a cleared screen until Ctrl-C', async () => {
    const first = /\$ watch -n 1 kubectl get configmap settings\nNAME +DATA +AGE\nsettings +1 +\d+s$/;
    await type('watch -n 1 kubectl get configmap settings', first);
    // A tick draws on a cleared (alternate) screen: the watch line is not on it.
    await expect.poll(terminalText, { timeout: 10_000 }).toMatch(/^NAME +DATA +AGE\nsettings +1 +\d+s$/);
    await lesson.page.keyboard.press('Control+c');
    // Back on the shell's screen, as it was, with a prompt.
    await expect.poll(terminalText).toMatch(/\$ watch -n 1 kubectl get configmap settings\nNAME +DATA +AGE\nsettings +1 +\d+s\nlearner@workstation:~\$$/);
    await type('echo done', /\$ echo done\ndone\nlearner@workstation:~\$$/);
  });

  it('streams kubectl get -w: the rows of pods that change, below the table, until Ctrl-C', async () => {
    await type('kubectl create deployment w --image=nginx:1.27 --replicas=2', 'deployment.apps/w created');
    await type('kubectl get pods -l app=w -w', /\$ kubectl get pods -l app=w -w\nNAME +READY +STATUS +RESTARTS +AGE(\nw-\S+ +0\/1 +(Pending|ContainerCreating) +0 +\d+s){2}$/);
    // Each second of virtual time the get runs again; the pods turn Running and only their rows are printed.
    await expect.poll(terminalText, { timeout: 10_000 }).toMatch(/(\nw-\S+ +1\/1 +Running +0 +\d+s){2}$/);
    await lesson.page.keyboard.press('Control+c');
    await expect.poll(terminalText).toMatch(/Running +0 +\d+s\n\^C\nlearner@workstation:~\$$/);
  });

  it('gives a new shell after exit at the workstation', async () => {
    await type('X=1');
    await type('exit', `${PROMPT} exit\n${SHELL_EXIT_NOTE}\n${PROMPT}`);
    await type('echo "[$X]"', /\$ echo "\[\$X\]"\n\[\]\nlearner@workstation:~\$$/);
  });

  it('logged no errors', () => {
    expect(lesson.problems).toEqual([]);
  });
});
