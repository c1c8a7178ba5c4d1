import { describe, expect, it } from 'vitest';
import { NOTICES } from './messages';
import { MAX_TRANSCRIPT, PROGRESS_KEY, ProgressStore, parseProgress, trimTranscript, type LessonProgress } from './progress';

class MemoryStorage {
  readonly items = new Map<string, string>();
  failWrites = false;
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.failWrites) throw new Error('QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const lesson: LessonProgress = {
  scenario: 'default',
  seed: 1,
  snapshot: '{"version":1}',
  history: ['kubectl get pods'],
  transcript: '$ kubectl get pods\r\nNo resources found in default namespace.\r\n',
  exercises: { 'pod-ips/deploy': { completed: true, hintsShown: 1, solutionShown: false } },
  files: { 'web.yaml': 'kind: Deployment # edited\n' },
  terminals: { '#1': { history: ['kubectl get nodes'], transcript: '$ kubectl get nodes\r\n' }, 'side-terminal': { history: [], transcript: '' } },
  edits: [
    {
      request: {
        path: 'kubectl-edit-deployment-web.yaml',
        text: '# Please edit the object below.\nkind: Deployment\n',
        format: 'yaml',
        kind: 'Deployment',
        namespace: 'default',
        name: 'web',
        resource: 'deployment.apps/web',
        original: { kind: 'Deployment', metadata: { name: 'web' } },
      },
      text: '# Please edit the object below.\nkind: Deployment # half done\n',
    },
  ],
};

describe('progress', () => {
  it('round-trips a lesson through storage', () => {
    const storage = new MemoryStorage();
    new ProgressStore(storage).saveLesson('01-pod-ips', lesson);
    const again = new ProgressStore(storage);
    expect(again.loadNotice).toBeUndefined();
    expect(again.lesson('01-pod-ips')).toEqual(lesson);
    expect(again.completedExercises('01-pod-ips')).toEqual(['pod-ips/deploy']);
  });

  it('starts empty without a notice on a first visit', () => {
    expect(parseProgress(null)).toEqual({ progress: { version: 3, lessons: {} } });
  });

  it.each([
    ['not JSON', '{oops', NOTICES.progressCorrupt],
    ['the wrong shape', JSON.stringify({ version: 2, lessons: { a: { seed: 'x' } } }), NOTICES.progressCorrupt],
    ['a v1 save of the wrong shape', JSON.stringify({ version: 1, lessons: { a: { seed: 'x' } } }), NOTICES.progressCorrupt],
    ['a v2 lesson without its files', JSON.stringify({ version: 2, lessons: { a: { ...lesson, files: undefined } } }), NOTICES.progressCorrupt],
    ['a v3 lesson without its terminals', JSON.stringify({ version: 3, lessons: { a: { ...lesson, terminals: undefined } } }), NOTICES.progressCorrupt],
    ['a v3 edit of an unknown format', JSON.stringify({ version: 3, lessons: { a: { ...lesson, edits: [{ ...lesson.edits[0], request: { ...lesson.edits[0]!.request, format: 'toml' } }] } } }), NOTICES.progressCorrupt],
    ['JSON null', 'null', NOTICES.progressCorrupt],
    ['an older version', JSON.stringify({ version: 0, lessons: {} }), NOTICES.progressOld],
  ])('drops %s with a notice and overwrites it', (_, text, notice) => {
    const storage = new MemoryStorage();
    storage.items.set(PROGRESS_KEY, text);
    const store = new ProgressStore(storage);
    expect(store.loadNotice).toBe(notice);
    expect(store.lesson('01-pod-ips')).toBeUndefined();
    expect(JSON.parse(storage.items.get(PROGRESS_KEY)!)).toEqual({ version: 3, lessons: {} });
  });

  describe('migration from v1', () => {
    const { files: _files, terminals: _terminals, edits: _edits, ...v1Lesson } = lesson;
    const v1Text = JSON.stringify({ version: 1, lessons: { '01-pod-ips': v1Lesson, other: { ...v1Lesson, seed: 7, history: [] } } });
    const migratedLesson = { ...v1Lesson, files: {}, terminals: {}, edits: [] };

    it('keeps every field of every v1 lesson and adds no edited files, no terminals and no edits', () => {
      const { progress, notice, migrated } = parseProgress(v1Text);
      expect(notice).toBeUndefined();
      expect(migrated).toBe(true);
      expect(progress).toEqual({ version: 3, lessons: { '01-pod-ips': migratedLesson, other: { ...migratedLesson, seed: 7, history: [] } } });
    });

    it('writes the migrated save back without a notice, and reads it again unchanged', () => {
      const storage = new MemoryStorage();
      storage.items.set(PROGRESS_KEY, v1Text);
      const store = new ProgressStore(storage);
      expect(store.loadNotice).toBeUndefined();
      expect(store.lesson('01-pod-ips')).toEqual(migratedLesson);
      expect(store.completedExercises('01-pod-ips')).toEqual(['pod-ips/deploy']);
      const written = JSON.parse(storage.items.get(PROGRESS_KEY)!);
      expect(written.version).toBe(3);
      expect(new ProgressStore(storage).lesson('other')).toEqual({ ...migratedLesson, seed: 7, history: [] });
    });

    it('leaves the v1 text in place when the browser refuses the migrated write', () => {
      const storage = new MemoryStorage();
      storage.items.set(PROGRESS_KEY, v1Text);
      storage.failWrites = true;
      const store = new ProgressStore(storage);
      expect(store.lesson('01-pod-ips')).toEqual(migratedLesson);
      expect(storage.items.get(PROGRESS_KEY)).toBe(v1Text);
    });
  });

  describe('migration from v2', () => {
    const { terminals: _terminals, edits: _edits, ...v2Lesson } = lesson;
    const v2Text = JSON.stringify({ version: 2, lessons: { '01-pod-ips': v2Lesson, other: { ...v2Lesson, files: {} } } });

    it('keeps every field of every v2 lesson (edited files too) and adds no terminals and no edits', () => {
      const { progress, notice, migrated } = parseProgress(v2Text);
      expect(notice).toBeUndefined();
      expect(migrated).toBe(true);
      expect(progress).toEqual({
        version: 3,
        lessons: { '01-pod-ips': { ...v2Lesson, terminals: {}, edits: [] }, other: { ...v2Lesson, files: {}, terminals: {}, edits: [] } },
      });
    });

    it('writes the migrated save back as v3, which then takes terminals and edits like any other', () => {
      const storage = new MemoryStorage();
      storage.items.set(PROGRESS_KEY, v2Text);
      const store = new ProgressStore(storage);
      expect(store.loadNotice).toBeUndefined();
      expect(JSON.parse(storage.items.get(PROGRESS_KEY)!).version).toBe(3);
      expect(store.completedExercises('01-pod-ips')).toEqual(['pod-ips/deploy']);
      store.saveLesson('01-pod-ips', { ...store.lesson('01-pod-ips')!, terminals: lesson.terminals, edits: lesson.edits });
      expect(new ProgressStore(storage).lesson('01-pod-ips')).toEqual(lesson);
    });

    it('drops a v2 save of the wrong shape with a notice', () => {
      expect(parseProgress(JSON.stringify({ version: 2, lessons: { a: { ...v2Lesson, exercises: [] } } })).notice).toBe(NOTICES.progressCorrupt);
    });
  });

  it('resets one lesson or the whole course', () => {
    const storage = new MemoryStorage();
    const store = new ProgressStore(storage);
    store.saveLesson('a', lesson);
    store.saveLesson('b', lesson);
    store.resetLesson('a');
    expect(new ProgressStore(storage).lesson('a')).toBeUndefined();
    expect(new ProgressStore(storage).lesson('b')).toEqual(lesson);
    store.resetCourse();
    expect(storage.items.has(PROGRESS_KEY)).toBe(false);
  });

  it('reports a refused write instead of throwing', () => {
    const storage = new MemoryStorage();
    storage.failWrites = true;
    expect(new ProgressStore(storage).saveLesson('a', lesson)).toBe(NOTICES.storageFull);
  });

  it("trims each <Terminal>'s transcript as the workbench's", () => {
    const storage = new MemoryStorage();
    const long = `${'x'.repeat(10)}\n`.repeat(10_000);
    new ProgressStore(storage).saveLesson('a', { ...lesson, terminals: { '#1': { history: [], transcript: long } } });
    const kept = new ProgressStore(storage).lesson('a')!.terminals['#1']!.transcript;
    expect(kept.length).toBeLessThanOrEqual(MAX_TRANSCRIPT);
    expect(long.endsWith(kept) && kept.startsWith('x')).toBe(true);
  });

  it('trims a long transcript at a line start', () => {
    expect(trimTranscript('aaaa\nbbbb\ncc', 7)).toBe('cc');
    expect(trimTranscript('short', 7)).toBe('short');
  });
});
