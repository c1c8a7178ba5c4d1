import { describe, expect, it } from 'vitest';
import type { NetworkPolicy } from '../../cluster/api/types';
import { networkPolicyPrinter } from './networkpolicies';
import { NOW, obj } from './objects.fixture';

describe('networkpolicy printer', () => {
  it('prints a NetworkPolicy pod selector, <none> when it selects every pod', () => {
    expect(networkPolicyPrinter.row(obj<NetworkPolicy>('NetworkPolicy', 'deny', { spec: { podSelector: {} } }), NOW, false)).toEqual(['deny', '<none>', '5m']);
    expect(networkPolicyPrinter.row(obj<NetworkPolicy>('NetworkPolicy', 'db', { spec: { podSelector: { matchLabels: { app: 'db' } } } }), NOW, false)[1]).toBe('app=db');
  });
});
