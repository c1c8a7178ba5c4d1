import { describe, expect, it } from 'vitest';
import { applyJsonPatch, jsonPatchClientDecodeError, jsonPatchDecodeError } from './patch-json';

const doc = () => ({ metadata: { name: 'web', labels: { app: 'web', 'a/b': '1', 'm~n': '2' } }, spec: { replicas: 1, ports: [80, 443] } });
const apply = (patch: unknown, target: unknown = doc()) => applyJsonPatch(target, patch);

describe('RFC 6902 JSON Patch, as evanphx/json-patch v4 applies it', () => {
  it('add, remove, replace, move, copy and test, in order', () => {
    const r = apply([
      { op: 'test', path: '/spec/replicas', value: 1 },
      { op: 'replace', path: '/spec/replicas', value: 3 },
      { op: 'add', path: '/spec/ports/1', value: 8080 },
      { op: 'add', path: '/spec/ports/-', value: 9090 },
      { op: 'remove', path: '/spec/ports/0' },
      { op: 'copy', from: '/metadata/name', path: '/metadata/labels/name' },
      { op: 'move', from: '/metadata/labels/app', path: '/metadata/labels/tier' },
    ]);
    expect(r).toEqual({ ok: true, value: { metadata: { name: 'web', labels: { 'a/b': '1', 'm~n': '2', name: 'web', tier: 'web' } }, spec: { replicas: 3, ports: [8080, 443, 9090] } } });
  });

  it('reads ~1 as / and ~0 as ~ in pointers, and negative indices from the end', () => {
    expect(apply([{ op: 'remove', path: '/metadata/labels/a~1b' }, { op: 'replace', path: '/metadata/labels/m~0n', value: 'x' }, { op: 'replace', path: '/spec/ports/-1', value: 1 }])).toEqual({
      ok: true,
      value: { metadata: { name: 'web', labels: { app: 'web', 'm~n': 'x' } }, spec: { replicas: 1, ports: [80, 1] } },
    });
  });

  it('leaves the document untouched when any operation fails', () => {
    const before = doc();
    const r = apply([{ op: 'replace', path: '/spec/replicas', value: 5 }, { op: 'test', path: '/spec/replicas', value: 1 }], before);
    expect(r).toEqual({ ok: false, reason: 'testing value /spec/replicas failed: test failed' });
    expect(before).toEqual(doc());
  });

  it('compares test values structurally, and passes a test of a missing member only without a value', () => {
    expect(apply([{ op: 'test', path: '/metadata/labels', value: { 'm~n': '2', app: 'web', 'a/b': '1' } }]).ok).toBe(true);
    expect(apply([{ op: 'test', path: '/spec/ports', value: [443, 80] }]).ok).toBe(false);
    expect(apply([{ op: 'test', path: '/spec/paused' }]).ok).toBe(true);
    expect(apply([{ op: 'test', path: '/spec/paused', value: false }]).ok).toBe(false);
    expect(apply([{ op: 'test', path: '/spec/replicas' }])).toEqual({ ok: false, reason: 'testing value /spec/replicas failed: test failed' });
  });

  it('replaces a missing member of an object that exists, as v4 does, but not a missing array element', () => {
    expect(apply([{ op: 'replace', path: '/spec/paused', value: true }])).toMatchObject({ ok: true, value: { spec: { paused: true } } });
    expect(apply([{ op: 'replace', path: '/spec/ports/2', value: 1 }])).toEqual({ ok: false, reason: 'replace operation does not apply: doc is missing key: /spec/ports/2: missing value' });
  });

  it("words each failure as the library does", () => {
    expect(apply([{ op: 'replace', path: '/spec/template/spec', value: 1 }])).toEqual({ ok: false, reason: 'replace operation does not apply: doc is missing path: /spec/template/spec: missing value' });
    expect(apply([{ op: 'add', path: '/status/x', value: 1 }])).toEqual({ ok: false, reason: 'add operation does not apply: doc is missing path: "/status/x": missing value' });
    expect(apply([{ op: 'add', path: '/spec/ports/5', value: 1 }])).toEqual({ ok: false, reason: "error in add for path: '/spec/ports/5': Unable to access invalid index: 5: invalid index referenced" });
    expect(apply([{ op: 'add', path: '/spec/ports/x', value: 1 }])).toEqual({ ok: false, reason: `error in add for path: '/spec/ports/x': value was not a proper array index: 'x': strconv.Atoi: parsing "x": invalid syntax` });
    expect(apply([{ op: 'remove', path: '/spec/nope' }])).toEqual({ ok: false, reason: "error in remove for path: '/spec/nope': Unable to remove nonexistent key: nope: missing value" });
    expect(apply([{ op: 'remove', path: '/nope/x' }])).toEqual({ ok: false, reason: 'remove operation does not apply: doc is missing path: "/nope/x": missing value' });
    expect(apply([{ op: 'test', path: '/nope/x', value: 1 }])).toEqual({ ok: false, reason: 'test operation does not apply: is missing path: /nope/x: missing value' });
    expect(apply([{ op: 'move', from: '/nope/x', path: '/spec/x' }])).toEqual({ ok: false, reason: 'move operation does not apply: doc is missing from path: /nope/x: missing value' });
    expect(apply([{ op: 'move', path: '/spec/x' }])).toEqual({ ok: false, reason: 'move operation failed to decode from: operation, missing from field: missing value' });
    expect(apply([{ op: 'replace', value: 1 }])).toEqual({ ok: false, reason: 'replace operation failed to decode path: operation missing path field: missing value' });
    expect(apply([{ op: 'add', value: 1 }])).toEqual({ ok: false, reason: 'add operation failed to decode path: missing value' });
    expect(apply([{ op: 'merge', path: '/spec' }])).toEqual({ ok: false, reason: 'Unexpected kind: merge' });
    expect(apply([{ path: '/spec' }])).toEqual({ ok: false, reason: 'Unexpected kind: unknown' });
    expect(apply([{ op: 'add', path: 'spec/replicas', value: 1 }])).toEqual({ ok: false, reason: 'add operation does not apply: doc is missing path: "spec/replicas": missing value' });
  });

  it('replaces the whole document at the empty path only with an object or array', () => {
    expect(apply([{ op: 'replace', path: '', value: { a: 1 } }])).toEqual({ ok: true, value: { a: 1 } });
    expect(apply([{ op: 'replace', path: '', value: 3 }])).toEqual({ ok: true, value: doc() });
  });

  it('keeps __proto__ as a plain member', () => {
    const r = apply([{ op: 'add', path: '/metadata/__proto__', value: { polluted: true } }]);
    expect(r.ok && Object.keys((r.value as { metadata: object }).metadata)).toEqual(['name', 'labels', '__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('decoding the patch', () => {
  it("the server's strict decoding into []jsonPatchOp", () => {
    expect(jsonPatchDecodeError([{ op: 'add', path: '/a', value: 1 }])).toBeUndefined();
    expect(jsonPatchDecodeError({ op: 'add' })).toBe('json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp');
    expect(jsonPatchDecodeError('x')).toBe('json: cannot unmarshal string into Go value of type []handlers.jsonPatchOp');
    expect(jsonPatchDecodeError([1])).toBe('json: cannot unmarshal number into Go value of type handlers.jsonPatchOp');
    expect(jsonPatchDecodeError([{ op: 'add', path: 3 }])).toBe('json: cannot unmarshal number into Go struct field jsonPatchOp.path of type string');
  });

  it("kubectl's own, for --dry-run=client", () => {
    expect(jsonPatchClientDecodeError({ op: 'add' })).toBe('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
    expect(jsonPatchClientDecodeError([true])).toBe('json: cannot unmarshal bool into Go value of type jsonpatch.Operation');
  });
});
