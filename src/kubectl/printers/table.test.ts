import { describe, expect, it } from 'vitest';
import { formatTable } from './table';

describe('formatTable (tabwriter: minwidth 6, padding 3)', () => {
  it('pads every column but the last to its widest cell plus three', () => {
    expect(
      formatTable([
        ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
        ['kubernetes', 'ClusterIP', '10.96.0.1', '<none>', '443/TCP', '5d'],
      ]),
    ).toBe('NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nkubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   5d\n');
  });

  it('never makes a column narrower than six', () => {
    expect(formatTable([['A', 'B'], ['x', 'y']])).toBe('A     B\nx     y\n');
  });

  it('leaves no trailing spaces and pads empty cells', () => {
    const text = formatTable([
      ['NAME', 'ENDPOINTS', 'AGE'],
      ['web', '', '5s'],
    ]);
    expect(text).toBe('NAME   ENDPOINTS   AGE\nweb                5s\n');
    expect(text.split('\n').every((l) => !l.endsWith(' '))).toBe(true);
  });

  it('prints nothing for no rows', () => {
    expect(formatTable([])).toBe('');
  });
});
