import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile, testCatalogue } from '../../test/support/cluster-fixture';
import { NOTICES } from './messages';
import { PROGRESS_KEY, ProgressStore } from './progress';
import { LessonSession, type LessonSessionOptions } from './lesson-session';

const workspace = { 'web.yaml': readFileSync(new URL('../../lessons/01-pod-ips/web.yaml', import.meta.url), 'utf8') };

function memoryStorage() {
  const items = new Map<string, string>();
  return { items, getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) };
}

function options(storage: ReturnType<typeof memoryStorage>, seed = 1): LessonSessionOptions {
  return { lessonId: '01-pod-ips', scenario: loadScenarioFile('default'), seed, catalogue: testCatalogue(), workspace, store: new ProgressStore(storage) };
}

function replicas(session: LessonSession): number | undefined {
  return (session.cluster.store.get('Deployment', 'default', 'web') as { spec: { replicas?: number } } | undefined)?.spec.replicas;
}

describe('LessonSession', () => {
  it('runs commands against the workspace and comes back identical after a reload', async () => {
    const storage = memoryStorage();
    const session = new LessonSession(options(storage));
    await session.loadShell();
    expect(session.run('kubectl apply -f ./web.yaml')).toEqual({ output: 'deployment.apps/web created\n', exitCode: 0, exit: false });
    session.run('sleep 5');
    session.history = ['kubectl apply -f ./web.yaml', 'sleep 5'];
    session.transcript = 'some text';
    session.exercise('pod-ips/deploy').hintsShown = 1;
    session.save();

    const again = new LessonSession(options(storage));
    await again.loadShell();
    expect(again.notices).toEqual([]);
    expect(again.cluster.snapshotJson()).toBe(session.cluster.snapshotJson());
    expect(again.history).toEqual(session.history);
    expect(again.transcript).toBe('some text');
    expect(again.exercise('pod-ips/deploy').hintsShown).toBe(1);
    expect(again.run('kubectl get pods -o name').output).toBe(session.run('kubectl get pods -o name').output);
  });

  it('tells listeners about each command, and about a reset', async () => {
    const session = new LessonSession(options(memoryStorage()));
    await session.loadShell();
    const seen: string[] = [];
    session.subscribe((e) => seen.push(e.type === 'command' ? `${e.line} -> ${e.result.exitCode}` : 'reset'));
    session.run('kubectl get nope');
    session.reset();
    expect(seen).toEqual(['kubectl get nope -> 1', 'reset']);
  });

  it('starts afresh with a notice when the saved snapshot cannot be restored', async () => {
    const storage = memoryStorage();
    const session = new LessonSession(options(storage));
    await session.loadShell();
    session.save();
    const saved = JSON.parse(storage.items.get(PROGRESS_KEY)!);
    saved.lessons['01-pod-ips'].snapshot = '{"version":99}';
    storage.items.set(PROGRESS_KEY, JSON.stringify(saved));
    const again = new LessonSession(options(storage));
    await again.loadShell();
    expect(again.notices).toEqual([NOTICES.snapshotUnusable]);
    expect(again.cluster.snapshotJson()).toBe(new LessonSession(options(memoryStorage())).cluster.snapshotJson());
  });

  it('starts afresh with a notice when the lesson now uses another seed', async () => {
    const storage = memoryStorage();
    new LessonSession(options(storage)).save();
    expect(new LessonSession(options(storage, 2)).notices).toEqual([NOTICES.lessonChanged]);
  });

  it('reset forgets the saved lesson', async () => {
    const storage = memoryStorage();
    const session = new LessonSession(options(storage));
    await session.loadShell();
    session.run('kubectl apply -f web.yaml');
    session.save();
    session.reset();
    expect(new ProgressStore(storage).lesson('01-pod-ips')).toBeUndefined();
    expect(session.run('kubectl get deploy').output).toBe('No resources found in default namespace.\n');
  });

  it('applies the edited text of a workspace file, keeps it across a reload, and drops it on reset', async () => {
    const storage = memoryStorage();
    const session = new LessonSession(options(storage));
    await session.loadShell();
    const edited = workspace['web.yaml'].replace('replicas: 3', 'replicas: 2');
    session.editFile('web.yaml', edited);
    session.editFile('not-a-lesson-file.yaml', 'kind: Pod\n');
    expect(session.files()).toEqual([{ path: 'web.yaml', text: edited }]);
    session.run('kubectl apply -f web.yaml');
    expect(replicas(session)).toBe(2);
    session.save();
    expect(new ProgressStore(storage).lesson('01-pod-ips')!.files).toEqual({ 'web.yaml': edited });

    const again = new LessonSession(options(storage));
    await again.loadShell();
    expect(again.files()).toEqual([{ path: 'web.yaml', text: edited }]);
    expect(again.run('kubectl apply -f ./web.yaml').output).toBe('deployment.apps/web unchanged\n');
    again.reset();
    expect(again.files()).toEqual([{ path: 'web.yaml', text: workspace['web.yaml'] }]);
    again.run('kubectl apply -f web.yaml');
    expect(replicas(again)).toBe(3);
  });

  it('saves only the files that differ from the lesson', async () => {
    const storage = memoryStorage();
    const session = new LessonSession(options(storage));
    await session.loadShell();
    session.editFile('web.yaml', 'changed');
    session.editFile('web.yaml', workspace['web.yaml']);
    session.save();
    expect(new ProgressStore(storage).lesson('01-pod-ips')!.files).toEqual({});
  });

  it('restores a saved lesson without the shell, and loads the shell once however often it is asked', async () => {
    const storage = memoryStorage();
    const first = new LessonSession(options(storage));
    await first.loadShell();
    first.run('kubectl apply -f web.yaml');
    first.save();
    let loads = 0;
    const again = new LessonSession({ ...options(storage), loadShell: () => (loads++, import('./shell-adapter')) });
    expect(again.shell).toBeUndefined();
    expect(replicas(again)).toBe(3);
    expect(() => again.run('kubectl get deploy')).toThrow(/not loaded/);
    const [a, b] = await Promise.all([again.loadShell(), again.loadShell()]);
    expect(a).toBe(b);
    expect(loads).toBe(1);
    expect(again.run('kubectl get deploy -o name').output).toBe('deployment.apps/web\n');
  });

  it('tries the load again after a failed one', async () => {
    let fail = true;
    const session = new LessonSession({ ...options(memoryStorage()), loadShell: () => (fail ? Promise.reject(new Error('offline')) : import('./shell-adapter')) });
    await expect(session.loadShell()).rejects.toThrow('offline');
    fail = false;
    expect((await session.loadShell()).prompt).toBe('learner@workstation:~$ ');
  });

  it('gives a new shell after exit at the workstation, and reruns a watched command after virtual time', async () => {
    const session = new LessonSession(options(memoryStorage()));
    const shell = await session.loadShell();
    session.run('kubectl apply -f web.yaml');
    expect(session.run('exit').exit).toBe(true);
    session.restartShell();
    expect(session.shell).not.toBe(shell);
    const seen: string[] = [];
    session.subscribe((e) => seen.push(e.type === 'command' ? e.line : e.type));
    const first = session.run('watch -n 5 kubectl get deploy web');
    expect(first.watch).toEqual({ command: 'kubectl get deploy web', intervalSeconds: 5 });
    expect(first.output).toMatch(/^web +0\/3 +3 +0 +0s$/m);
    const before = session.cluster.clock.now();
    expect(session.watchTick('kubectl get deploy web', 5).output).toMatch(/^web +\d\/3 +3 +\d +5s$/m);
    expect(session.cluster.clock.now()).toBe(before + 5000);
    expect(seen).toEqual(['watch -n 5 kubectl get deploy web', 'kubectl get deploy web']);
    expect(session.run('history').output).not.toMatch(/^ +\d+  kubectl get deploy web$/m);
  });

  it('an extra shell (a <Terminal> on the page) drives the same cluster and files, with a nested shell of its own, and follows a reset', async () => {
    const session = new LessonSession(options(memoryStorage()));
    const seen: string[] = [];
    session.subscribe((e) => e.type === 'command' && seen.push(e.line));
    const extra = await session.extraShell();
    expect(extra.run('kubectl apply -f web.yaml').output).toBe('deployment.apps/web created\n');
    expect(replicas(session)).toBe(3);
    expect(session.run('kubectl get deploy web -o name').output).toBe('deployment.apps/web\n');
    session.editFile('web.yaml', workspace['web.yaml'].replace('replicas: 3', 'replicas: 2'));
    expect(extra.run('kubectl apply -f web.yaml').output).toBe('deployment.apps/web configured\n');
    expect(replicas(session)).toBe(2);
    expect(seen).toEqual(['kubectl apply -f web.yaml', 'kubectl get deploy web -o name', 'kubectl apply -f web.yaml']);
    // A pod's shell in the extra terminal leaves the main shell at the workstation.
    extra.run('sleep 10');
    const pod = extra.run('kubectl get pods -o name').output.split('\n')[0]!.replace('pod/', '');
    extra.run(`kubectl exec -it ${pod} -- sh`);
    expect(extra.prompt).not.toBe(session.shell!.prompt);
    session.reset();
    expect(extra.prompt).toBe(session.shell!.prompt);
    expect(extra.run('kubectl get deploy').output).toBe('No resources found in default namespace.\n');
  });
});

describe("LessonSession: each <Terminal>'s history and text", () => {
  it('keeps them by key across a reload, apart from the workbench terminal and each other, and forgets them on reset', async () => {
    const storage = memoryStorage();
    const session = new LessonSession(options(storage));
    expect(session.terminal('#1')).toEqual({ history: [], transcript: '' });
    session.terminalLine('#1', '$ kubectl get nodes\r\nNAME ...\r\n', ['kubectl get nodes'], false);
    session.terminalLine('#1', '$ sleep 5\r\n', ['kubectl get nodes', 'sleep 5'], false);
    session.terminalLine('side', '$ ls\r\nweb.yaml\r\n', ['ls'], false);
    session.save();

    const again = new LessonSession(options(storage));
    expect(again.terminal('#1')).toEqual({ history: ['kubectl get nodes', 'sleep 5'], transcript: '$ kubectl get nodes\r\nNAME ...\r\n$ sleep 5\r\n' });
    expect(again.terminal('side')).toEqual({ history: ['ls'], transcript: '$ ls\r\nweb.yaml\r\n' });
    expect(again.terminal('#2')).toEqual({ history: [], transcript: '' });
    expect(again.history).toEqual([]);
    expect(again.transcript).toBe('');
    // `clear` starts the text again.
    again.terminalLine('#1', '', ['kubectl get nodes', 'sleep 5', 'clear'], true);
    expect(again.terminal('#1')).toEqual({ history: ['kubectl get nodes', 'sleep 5', 'clear'], transcript: '' });
    again.reset();
    expect(again.terminal('side')).toEqual({ history: [], transcript: '' });
    expect(new LessonSession(options(storage)).terminal('side')).toEqual({ history: [], transcript: '' });
  });

  it('does not share the history array the terminal goes on changing', () => {
    const session = new LessonSession(options(memoryStorage()));
    const live = ['a'];
    session.terminalLine('#1', 'x', live, false);
    live.push('b');
    expect(session.terminal('#1').history).toEqual(['a']);
  });
});

describe('LessonSession: the shell `history` builtin after a reload', () => {
  it('lists the kept lines first, for the workbench shell and a <Terminal> shell, and none after a reset', async () => {
    const storage = memoryStorage();
    const session = new LessonSession(options(storage));
    session.history = ['kubectl get nodes', 'sleep 5'];
    session.terminalLine('#1', '$ kubectl get pods\r\n', ['kubectl get pods'], false);
    session.save();

    const again = new LessonSession(options(storage));
    await again.loadShell();
    expect(again.run('history').output).toBe('    1  kubectl get nodes\n    2  sleep 5\n    3  history\n');
    const extra = await again.extraShell(again.terminal('#1').history);
    expect(extra.run('history').output).toBe('    1  kubectl get pods\n    2  history\n');
    again.reset();
    expect(again.run('history').output).toBe('    1  history\n');
  });
});
