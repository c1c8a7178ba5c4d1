import { describe, expect, it } from 'vitest';
import { formatLabelSelector, matchesMap, matchesSelector } from './labels';

describe('label selectors', () => {
  it('treats an empty Service selector as selecting nothing', () => {
    expect(matchesMap({}, { app: 'web' })).toBe(false);
    expect(matchesMap({ app: 'web' }, { app: 'web', tier: 'fe' })).toBe(true);
    expect(matchesMap({ app: 'web' }, { app: 'db' })).toBe(false);
  });

  it('treats an empty LabelSelector as selecting everything', () => {
    expect(matchesSelector({}, { any: 'thing' })).toBe(true);
    expect(matchesSelector(undefined, { any: 'thing' })).toBe(false);
  });

  it('ANDs matchLabels and matchExpressions', () => {
    const sel = {
      matchLabels: { app: 'web' },
      matchExpressions: [
        { key: 'tier', operator: 'In' as const, values: ['fe', 'be'] },
        { key: 'canary', operator: 'DoesNotExist' as const },
      ],
    };
    expect(matchesSelector(sel, { app: 'web', tier: 'fe' })).toBe(true);
    expect(matchesSelector(sel, { app: 'web', tier: 'db' })).toBe(false);
    expect(matchesSelector(sel, { app: 'web', tier: 'fe', canary: 'x' })).toBe(false);
  });

  it('formats selectors as metav1.FormatLabelSelector does', () => {
    expect(formatLabelSelector({ matchLabels: { app: 'web', 'pod-template-hash': '7d4b9c8f5' } })).toBe('app=web,pod-template-hash=7d4b9c8f5');
    expect(formatLabelSelector({ matchExpressions: [{ key: 'x', operator: 'NotIn', values: ['b', 'a'] }] })).toBe('x notin (a,b)');
    expect(formatLabelSelector({})).toBe('<none>');
  });
});
