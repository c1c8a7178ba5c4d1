import { describe, expect, it } from 'vitest';
import type { ConfigMap } from '../../cluster/api/types';
import { configMapPrinter } from './configmaps';
import { NOW, obj } from './objects.fixture';

describe('configmap printer', () => {
  it('counts data and binaryData keys of a ConfigMap', () => {
    const cm = obj<ConfigMap>('ConfigMap', 'cfg', { data: { a: '1', b: '2' }, binaryData: { c: 'AA==' } });
    expect(configMapPrinter.headers(false)).toEqual(['NAME', 'DATA', 'AGE']);
    expect(configMapPrinter.row(cm, NOW, false)).toEqual(['cfg', '3', '5m']);
  });
});
