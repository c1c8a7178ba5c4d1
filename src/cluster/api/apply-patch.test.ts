import { describe, expect, it } from 'vitest';
import { applyPatch, goPrint } from './apply-patch';

describe('the apply patch and its %+v', () => {
  it('keeps what changed, nulls what went, and patches merge-keyed lists item by item with their order', () => {
    const patch = applyPatch(
      { spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80 }] } },
      { spec: { selectr: { app: 'web' }, ports: [{ port: 80, targetport: 8080 }] } },
    );
    expect(patch).toEqual({
      spec: { selector: null, selectr: { app: 'web' }, '$setElementOrder/ports': [{ port: 80 }], ports: [{ name: null, targetport: 8080, port: 80 }] },
    });
  });

  it('prints as Go prints a map[string]interface{} with %+v: sorted keys, bare strings, <nil>, floats in shortest form', () => {
    expect(goPrint({ spec: { selectr: { app: 'web' }, replicas: 3, big: 1000000, list: ['a', 'b'], gone: null } })).toBe(
      'map[spec:map[big:1e+06 gone:<nil> list:[a b] replicas:3 selectr:map[app:web]]]',
    );
  });
});
