import { describe, expect, it } from 'vitest';
import { asList, toJson, toYaml } from './documents';

describe('yaml and json documents', () => {
  it('sorts keys and quotes what YAML 1.1 would misread, as go-yaml does', () => {
    expect(toYaml({ metadata: { name: 'web', creationTimestamp: '2026-01-05T09:00:00Z', resourceVersion: '108' }, data: { on: 'yes', mode: '0755' } })).toBe(
      'data:\n  mode: "0755"\n  "on": "yes"\nmetadata:\n  creationTimestamp: "2026-01-05T09:00:00Z"\n  name: web\n  resourceVersion: "108"\n',
    );
  });

  it('writes lists unindented and multi-line strings as literal blocks', () => {
    expect(toYaml({ args: ['a', 'b'], text: 'one\ntwo\n' })).toBe('args:\n- a\n- b\ntext: |\n  one\n  two\n');
  });

  it('wraps several objects in a v1 List; JSON with four spaces', () => {
    expect(toJson(asList([]))).toBe('{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n');
  });
});
