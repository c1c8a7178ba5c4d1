import { describe, expect, it } from 'vitest';
import { matchesLabelQuery, parseLabelQuery } from './selector';

const matches = (query: string, labels: Record<string, string>) => {
  const parsed = parseLabelQuery(query);
  if (!parsed.ok) throw new Error(parsed.detail);
  return matchesLabelQuery(parsed.requirements, labels);
};

describe('label queries (-l)', () => {
  it('matches equality, inequality and sets', () => {
    expect(matches('app=web', { app: 'web' })).toBe(true);
    expect(matches('app==web', { app: 'db' })).toBe(false);
    expect(matches('app!=web', {})).toBe(true);
    expect(matches('app=web,tier=front', { app: 'web' })).toBe(false);
    expect(matches('env in (prod, staging)', { env: 'staging' })).toBe(true);
    expect(matches('env notin (prod)', { env: 'prod' })).toBe(false);
  });

  it('matches existence and absence', () => {
    expect(matches('app', { app: '' })).toBe(true);
    expect(matches('!app', { app: 'x' })).toBe(false);
  });

  it('reports what it cannot parse', () => {
    expect(parseLabelQuery('app=we b').ok).toBe(false);
  });
});
