import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lookupResource } from '../../cluster/api/resources';
import type { Pod } from '../../cluster/api/types';
import { pod, running } from '../printers/objects.fixture';
import { matchesFieldSelector, parseFieldSelector, unsupportedField } from './field-selector';

const pods = lookupResource('pods')!;
const nodes = lookupResource('nodes')!;

describe('field selectors', () => {
  it('parses =, == and != terms, sorted as the apiserver reads them, with escapes', () => {
    expect(parseFieldSelector('status.phase!=Running,metadata.name==web')).toEqual({
      ok: true,
      requirements: [
        { field: 'metadata.name', op: '=', value: 'web' },
        { field: 'status.phase', op: '!=', value: 'Running' },
      ],
    });
    expect(parseFieldSelector('metadata.name=a\\,b')).toEqual({ ok: true, requirements: [{ field: 'metadata.name', op: '=', value: 'a,b' }] });
    expect(parseFieldSelector('spec.nodeName=')).toEqual({ ok: true, requirements: [{ field: 'spec.nodeName', op: '=', value: '' }] });
    expect(parseFieldSelector('a=b,nonsense')).toEqual({ ok: false, detail: "invalid selector: 'a=b,nonsense'; can't understand 'nonsense'" });
  });

  it("knows each kind's selectable fields", () => {
    const reqs = (text: string) => (parseFieldSelector(text) as { ok: true; requirements: never[] }).requirements;
    expect(unsupportedField(pods, reqs('spec.nodeName=a,status.podIP=b,spec.host=c'))).toBeUndefined();
    expect(unsupportedField(pods, reqs('spec.containers=x'))).toBe('spec.containers');
    expect(unsupportedField(nodes, reqs('spec.unschedulable=true,metadata.name=w'))).toBeUndefined();
    expect(unsupportedField(nodes, reqs('metadata.namespace=x'))).toBe('metadata.namespace');
  });

  it('matches on the field values, an absent field being empty', () => {
    const p: Pod = pod('web', [running('nginx')]);
    const match = (text: string) => matchesFieldSelector(pods, (parseFieldSelector(text) as { ok: true; requirements: never[] }).requirements, p);
    expect(match('spec.nodeName=worker-1,status.phase=Running')).toBe(true);
    expect(match('status.phase!=Running')).toBe(false);
    expect(match('status.nominatedNodeName=')).toBe(true);
    expect(match('spec.hostNetwork=false')).toBe(true);
  });

  it('never throws, whatever the text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 30 }), (t) => void parseFieldSelector(t)));
  });
});
