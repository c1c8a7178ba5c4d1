import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../cluster/api/types';
import { message } from '../messages';
import { sortObjects } from './sort';

const o = (name: string, extra: Record<string, unknown> = {}): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, uid: name, resourceVersion: '1', creationTimestamp: '' }, ...extra });
const names = (r: ReturnType<typeof sortObjects>) => (r.ok ? r.objects.map((x) => x.metadata.name) : r.error);

describe('--sort-by', () => {
  it('sorts strings by byte order, numbers by value, quantities by size', () => {
    expect(names(sortObjects([o('b'), o('B'), o('a')], '.metadata.name', 'table'))).toEqual(['B', 'a', 'b']);
    expect(names(sortObjects([o('x', { n: 10 }), o('y', { n: 9 })], '{.n}', 'list'))).toEqual(['y', 'x']);
    expect(names(sortObjects([o('x', { q: '1Gi' }), o('y', { q: '512Mi' }), o('z', { q: '2' })], 'q', 'list'))).toEqual(['z', 'y', 'x']);
  });

  it('puts objects without the field first, and fails when none has it', () => {
    expect(names(sortObjects([o('x', { n: 1 }), o('y')], '.n', 'table'))).toEqual(['y', 'x']);
    expect(names(sortObjects([o('x')], '.n', 'table'))).toEqual(message('sortFieldMissing', '{.n}'));
    expect(names(sortObjects([], '.n', 'table'))).toEqual([]);
  });

  it("words a bad path as kubectl does for tables and for lists", () => {
    expect(names(sortObjects([o('x')], '{.a[}', 'table'))).toEqual(message('sortParse', 'unterminated array'));
    expect(names(sortObjects([o('x')], '{{.a}}', 'list'))).toEqual(message('relaxedJsonPath'));
  });
});
