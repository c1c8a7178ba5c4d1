import { describe, expect, it } from 'vitest';
import { NOTICES } from './messages';
import { PROGRESS_KEY, ProgressStore, parseProgress, trimTranscript, type LessonProgress } from './progress';

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
    expect(parseProgress(null)).toEqual({ progress: { version: 2, lessons: {} } });
  });

  it.each([
    ['not JSON', '{oops', NOTICES.progressCorrupt],
    ['the wrong shape', JSON.stringify({ version: 2, lessons: { a: { seed: 'x' } } }), NOTICES.progressCorrupt],
    ['a v1 save of the wrong shape', JSON.stringify({ version: 1, lessons: { a: { seed: 'x' } } }), NOTICES.progressCorrupt],
    ['a v2 lesson without its files', JSON.stringify({ version: 2, lessons: { a: { ...lesson, files: undefined } } }), NOTICES.progressCorrupt],
    ['JSON null', 'null', NOTICES.progressCorrupt],
    ['an older version', JSON.stringify({ version: 0, lessons: {} }), NOTICES.progressOld],
  ])('drops %s with a notice and overwrites it', (_, text, notice) => {
    const storage = new MemoryStorage();
    storage.items.set(PROGRESS_KEY, text);
    const store = new ProgressStore(storage);
    expect(store.loadNotice).toBe(notice);
    expect(store.lesson('01-pod-ips')).toBeUndefined();
    expect(JSON.parse(storage.items.get(PROGRESS_KEY)!)).toEqual({ version: 2, lessons: {} });
  });

  describe('migration from v1', () => {
    const { files: _files, ...v1Lesson } = lesson;
    const v1Text = JSON.stringify({ version: 1, lessons: { '01-pod-ips': v1Lesson, other: { ...v1Lesson, seed: 7, history: [] } } });

    it('keeps every field of every v1 lesson and adds no edited files', () => {
      const { progress, notice, migrated } = parseProgress(v1Text);
      expect(notice).toBeUndefined();
      expect(migrated).toBe(true);
      expect(progress).toEqual({ version: 2, lessons: { '01-pod-ips': { ...v1Lesson, files: {} }, other: { ...v1Lesson, seed: 7, history: [], files: {} } } });
    });

    it('writes the migrated save back without a notice, and reads it again unchanged', () => {
      const storage = new MemoryStorage();
      storage.items.set(PROGRESS_KEY, v1Text);
      const store = new ProgressStore(storage);
      expect(store.loadNotice).toBeUndefined();
      expect(store.lesson('01-pod-ips')).toEqual({ ...v1Lesson, files: {} });
      expect(store.completedExercises('01-pod-ips')).toEqual(['pod-ips/deploy']);
      const written = JSON.parse(storage.items.get(PROGRESS_KEY)!);
      expect(written.version).toBe(2);
      expect(new ProgressStore(storage).lesson('other')).toEqual({ ...v1Lesson, seed: 7, history: [], files: {} });
    });

    it('leaves the v1 text in place when the browser refuses the migrated write', () => {
      const storage = new MemoryStorage();
      storage.items.set(PROGRESS_KEY, v1Text);
      storage.failWrites = true;
      const store = new ProgressStore(storage);
      expect(store.lesson('01-pod-ips')).toEqual({ ...v1Lesson, files: {} });
      expect(storage.items.get(PROGRESS_KEY)).toBe(v1Text);
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

  it('trims a long transcript at a line start', () => {
    expect(trimTranscript('aaaa\nbbbb\ncc', 7)).toBe('cc');
    expect(trimTranscript('short', 7)).toBe('short');
  });
});
