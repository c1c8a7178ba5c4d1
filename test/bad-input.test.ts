import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runKubectl } from '../src/kubectl/kubectl';
import { bareCluster } from './support/cluster-fixture';

/**
 * Whatever a learner types or applies, kubectl answers with a message and
 * an exit code, never an exception, and a command that failed leaves the
 * cluster exactly as it was.
 */
function applyText(text: string) {
  const cluster = bareCluster(7);
  const before = cluster.snapshotJson();
  const result = runKubectl(['apply', '-f', 'm.yaml'], { cluster, readFile: (p) => (p === 'm.yaml' ? text : undefined), listDir: () => undefined });
  return { cluster, before, result };
}

describe('bad input', () => {
  it('random text as a manifest gets an error or applies, never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const { cluster, before, result } = applyText(text);
        if (result.exitCode !== 0 && result.stdout === '') expect(cluster.snapshotJson()).toBe(before);
        expect(result.stderr).not.toContain('a Podlab bug');
      }),
      { numRuns: 300 },
    );
  });

  it('random JSON values as a manifest never throw and never change the cluster when refused', () => {
    const value = fc.jsonValue({ maxDepth: 4 });
    const manifestish = fc.record({
      apiVersion: fc.constantFrom('v1', 'apps/v1', 'v2', 7),
      kind: fc.constantFrom('Service', 'Pod', 'Deployment', 'ConfigMap', 'Nope', null),
      metadata: fc.oneof(fc.record({ name: fc.constantFrom('web', 'Bad_Name', '', 'x'.repeat(300)) }), value),
      spec: value,
    });
    fc.assert(
      fc.property(fc.oneof(value, manifestish), (doc) => {
        const { cluster, before, result } = applyText(JSON.stringify(doc));
        expect(result.stderr).not.toContain('a Podlab bug');
        if (result.exitCode !== 0 && result.stdout === '') expect(cluster.snapshotJson()).toBe(before);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses an alias bomb, a huge file, deep nesting and prototype keys with clear errors', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`)].join('\n');
    expect(applyText(bomb).result.stderr).toMatch(/^error: error parsing m\.yaml: /);
    const huge = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata: {k: "${'x'.repeat(1024 * 1024)}"}\n`;
    expect(applyText(huge).result.stderr).toBe('error: m.yaml: the file is larger than 1 MiB\n');
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    expect(applyText(deep).result.exitCode).toBe(1);
    const proto = applyText('{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"p"},"__proto__":{"polluted":true},"data":{"constructor":"x"}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(proto.result.stderr).toBe(
      'Error from server (BadRequest): error when creating "m.yaml": ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "__proto__"\n',
    );
  });

  it('refuses kinds kubectl can list but the simulation does not store, without a defect message', () => {
    const { cluster, before, result } = applyText('apiVersion: v1\nkind: Event\nmetadata: {name: e}\n');
    expect(result.stderr).toBe('Error from server (BadRequest): error when creating "m.yaml": Event objects cannot be created from a manifest in this simulated cluster\n');
    expect(result.exitCode).toBe(1);
    expect(cluster.snapshotJson()).toBe(before);
  });
});
