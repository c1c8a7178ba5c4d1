import { describe, expect, it } from 'vitest';
import type { Namespace } from '../../cluster/api/types';
import { namespacePrinter } from './namespaces';
import { NOW, obj } from './objects.fixture';

describe('namespace printer', () => {
  it('prints a namespace with its phase', () => {
    expect(namespacePrinter.row(obj<Namespace>('Namespace', 'dev', { status: { phase: 'Terminating' } }), NOW, false)).toEqual(['dev', 'Terminating', '5m']);
  });
});
