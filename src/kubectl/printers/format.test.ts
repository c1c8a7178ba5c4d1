import { describe, expect, it } from 'vitest';
import { containerCells, formatLabelSelector, labelsText, listWithMore, selectorText } from './format';

describe('printer formatting helpers', () => {
  it('prints labels sorted by key, <none> when there are none', () => {
    expect(labelsText({ tier: 'front', app: 'web' })).toBe('app=web,tier=front');
    expect(labelsText(undefined)).toBe('<none>');
  });

  it('prints a selector as labels.Selector does: requirements sorted by key, values sorted', () => {
    const sel = { matchLabels: { tier: 'front' }, matchExpressions: [{ key: 'env', operator: 'NotIn' as const, values: ['prod', 'dev'] }, { key: 'app', operator: 'Exists' as const }, { key: 'zz', operator: 'DoesNotExist' as const }] };
    expect(selectorText(sel)).toBe('app,env notin (dev,prod),tier=front,!zz');
    expect(selectorText({})).toBe('');
    expect(formatLabelSelector({})).toBe('<none>');
  });

  it('joins container names and images with commas', () => {
    expect(containerCells([{ name: 'a', image: 'x:1' }, { name: 'b', image: 'y:2' }])).toEqual(['a,b', 'x:1,y:2']);
  });

  it('shows three items, then how many more', () => {
    expect(listWithMore(['1', '2', '3'], '<unset>')).toBe('1,2,3');
    expect(listWithMore(['1', '2', '3', '4', '5'], '<unset>')).toBe('1,2,3 + 2 more...');
    expect(listWithMore([], '<unset>')).toBe('<unset>');
  });
});
