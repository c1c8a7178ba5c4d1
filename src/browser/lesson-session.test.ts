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
  it('runs commands against the workspace and comes back identical after a reload', () => {
    const storage = memoryStorage();
    const session = new LessonSession(options(storage));
    expect(session.run('kubectl apply -f ./web.yaml')).toEqual({ output: 'deployment.apps/web created\n', exitCode: 0, exit: false });
    session.run('sleep 5');
    session.history = ['kubectl apply -f ./web.yaml', 'sleep 5'];
    session.transcript = 'some text';
    session.exercise('pod-ips/deploy').hintsShown = 1;
    session.save();

    const again = new LessonSession(options(storage));
    expect(again.notices).toEqual([]);
    expect(again.cluster.snapshotJson()).toBe(session.cluster.snapshotJson());
    expect(again.history).toEqual(session.history);
    expect(again.transcript).toBe('some text');
    expect(again.exercise('pod-ips/deploy').hintsShown).toBe(1);
    expect(again.run('kubectl get pods -o name').output).toBe(session.run('kubectl get pods -o name').output);
  });

  it('tells listeners about each command, and about a reset', () => {
    const session = new LessonSession(options(memoryStorage()));
    const seen: string[] = [];
    session.subscribe((e) => seen.push(e.type === 'command' ? `${e.line} -> ${e.result.exitCode}` : 'reset'));
    session.run('kubectl get nope');
    session.reset();
    expect(seen).toEqual(['kubectl get nope -> 1', 'reset']);
  });

  it('starts afresh with a notice when the saved snapshot cannot be restored', () => {
    const storage = memoryStorage();
    const session = new LessonSession(options(storage));
    session.save();
    const saved = JSON.parse(storage.items.get(PROGRESS_KEY)!);
    saved.lessons['01-pod-ips'].snapshot = '{"version":99}';
    storage.items.set(PROGRESS_KEY, JSON.stringify(saved));
    const again = new LessonSession(options(storage));
    expect(again.notices).toEqual([NOTICES.snapshotUnusable]);
    expect(again.cluster.snapshotJson()).toBe(new LessonSession(options(memoryStorage())).cluster.snapshotJson());
  });

  it('starts afresh with a notice when the lesson now uses another seed', () => {
    const storage = memoryStorage();
    new LessonSession(options(storage)).save();
    expect(new LessonSession(options(storage, 2)).notices).toEqual([NOTICES.lessonChanged]);
  });

  it('reset forgets the saved lesson', () => {
    const storage = memoryStorage();
    const session = new LessonSession(options(storage));
    session.run('kubectl apply -f web.yaml');
    session.save();
    session.reset();
    expect(new ProgressStore(storage).lesson('01-pod-ips')).toBeUndefined();
    expect(session.run('kubectl get deploy').output).toBe('No resources found in default namespace.\n');
  });

  it('applies the edited text of a workspace file, keeps it across a reload, and drops it on reset', () => {
    const storage = memoryStorage();
    const session = new LessonSession(options(storage));
    const edited = workspace['web.yaml'].replace('replicas: 3', 'replicas: 2');
    session.editFile('web.yaml', edited);
    session.editFile('not-a-lesson-file.yaml', 'kind: Pod\n');
    expect(session.files()).toEqual([{ path: 'web.yaml', text: edited }]);
    session.run('kubectl apply -f web.yaml');
    expect(replicas(session)).toBe(2);
    session.save();
    expect(new ProgressStore(storage).lesson('01-pod-ips')!.files).toEqual({ 'web.yaml': edited });

    const again = new LessonSession(options(storage));
    expect(again.files()).toEqual([{ path: 'web.yaml', text: edited }]);
    expect(again.run('kubectl apply -f ./web.yaml').output).toBe('deployment.apps/web unchanged\n');
    again.reset();
    expect(again.files()).toEqual([{ path: 'web.yaml', text: workspace['web.yaml'] }]);
    again.run('kubectl apply -f web.yaml');
    expect(replicas(again)).toBe(3);
  });

  it('saves only the files that differ from the lesson', () => {
    const storage = memoryStorage();
    const session = new LessonSession(options(storage));
    session.editFile('web.yaml', 'changed');
    session.editFile('web.yaml', workspace['web.yaml']);
    session.save();
    expect(new ProgressStore(storage).lesson('01-pod-ips')!.files).toEqual({});
  });
});
