import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { exerciseIdsOf, exerciseText, lessonText } from './progress-view';

describe('progress view texts', () => {
  it("finds a lesson's exercise ids in its MDX", () => {
    const mdx = readFileSync(new URL('../../lessons/01-pod-ips.mdx', import.meta.url), 'utf8');
    expect(exerciseIdsOf(mdx)).toEqual(['pod-ips/deploy', 'pod-ips/replace']);
    expect(exerciseIdsOf('<Exercise title="x" id=\'a/b\'>')).toEqual(['a/b']);
  });

  it('words an exercise: not started, started with hints or the solution, done', () => {
    expect(exerciseText(undefined)).toBe('Not started');
    expect(exerciseText({ completed: false, hintsShown: 0, solutionShown: false })).toBe('Not started');
    expect(exerciseText({ completed: false, hintsShown: 1, solutionShown: false })).toBe('Started (1 hint shown)');
    expect(exerciseText({ completed: false, hintsShown: 2, solutionShown: true })).toBe('Started (2 hints shown, solution shown)');
    expect(exerciseText({ completed: true, hintsShown: 0, solutionShown: false })).toBe('Done');
    expect(exerciseText({ completed: true, hintsShown: 0, solutionShown: true })).toBe('Done (solution shown)');
  });

  it('words a lesson from its saved progress', () => {
    expect(lessonText(['a', 'b'], undefined)).toBe('Not started');
    const saved = { scenario: 'default', seed: 1, snapshot: '{}', history: ['kubectl get pods'], transcript: '', files: {}, terminals: {}, edits: [], exercises: { a: { completed: true, hintsShown: 0, solutionShown: false } } };
    expect(lessonText(['a', 'b'], saved)).toBe('1 of 2 exercises done · 1 command run');
  });
});
