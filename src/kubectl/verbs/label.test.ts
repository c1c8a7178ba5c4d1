import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../messages';
import { applyChanges, labelOutcome, splitChanges } from './label';

describe('label and annotate changes', () => {
  it('splits resources from k=v and k- arguments', () => {
    expect(splitChanges(['pods', 'web', 'app=web', 'tier-'], 'label')).toEqual({ resources: ['pods', 'web'], changes: { set: { app: 'web' }, remove: ['tier'] } });
  });

  it("refuses label specs kubectl refuses, with kubectl's words", () => {
    const text = (r: ReturnType<typeof splitChanges>) => ('id' in r ? renderMessage(r) : 'ok');
    expect(text(splitChanges(['pod/web', 'a=b=c'], 'label'))).toBe('invalid label spec: a=b=c');
    expect(text(splitChanges(['pod/web', 'a=b=c'], 'annotation'))).toBe('ok');
    expect(text(splitChanges(['pod/web', 'a=1', 'a-'], 'label'))).toBe('can not both modify and remove a label in the same command');
  });

  it('refuses to set an existing key without --overwrite, even to the same value', () => {
    const refused = applyChanges({ app: 'web' }, { set: { app: 'web' }, remove: [] }, false);
    expect(Array.isArray(refused) && refused.map(renderMessage)).toEqual(["'app' already has a value (web), and --overwrite is false"]);
    expect(applyChanges({ app: 'web' }, { set: { app: 'api' }, remove: [] }, true)).toEqual({ next: { app: 'api' }, missing: [] });
    expect(applyChanges({ app: 'web' }, { set: {}, remove: ['tier'] }, false)).toEqual({ next: { app: 'web' }, missing: ['tier'] });
  });

  it('words the outcome as label.go does', () => {
    expect(labelOutcome({ a: '1' }, { a: '1' }, false)).toBe('not labeled');
    expect(labelOutcome({ a: '1', b: '2' }, { a: '1' }, false)).toBe('unlabeled');
    expect(labelOutcome({ a: '1', b: '2' }, { a: '1' }, true)).toBe('labeled');
    expect(labelOutcome(undefined, { a: '1' }, false)).toBe('labeled');
  });

  it('with --overwrite, the result has every set key and no removed one', () => {
    const key = fc.stringMatching(/^[a-z]{1,4}$/);
    fc.assert(
      fc.property(fc.dictionary(key, key), fc.dictionary(key, key), fc.array(key), (current, set, remove) => {
        const removeOnly = remove.filter((k) => !(k in set));
        const r = applyChanges(current, { set, remove: removeOnly }, true);
        if (Array.isArray(r)) return false;
        return Object.entries(set).every(([k, v]) => r.next[k] === v) && removeOnly.every((k) => !(k in r.next));
      }),
    );
  });
});
