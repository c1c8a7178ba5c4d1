import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goSyntax, parseTemplate, runTemplate } from './index';

const list = {
  apiVersion: 'v1',
  kind: 'List',
  items: [
    { metadata: { name: 'web-1', labels: { app: 'web' } }, spec: { nodeName: 'worker-1', containers: [{ name: 'nginx', ports: [{ containerPort: 80 }] }] }, status: { phase: 'Running', podIP: '10.244.1.3' } },
    { metadata: { name: 'db-1', labels: { app: 'db' } }, spec: { nodeName: 'worker-2', containers: [{ name: 'pg' }, { name: 'exporter' }] }, status: { phase: 'Pending' } },
  ],
};

function run(template: string, data: unknown = list): string {
  const parsed = parseTemplate(template);
  if (!parsed.ok) return `parse error: ${parsed.detail}`;
  const out = runTemplate(parsed.root, data);
  return out.ok ? out.text : `error: ${out.detail}`;
}

describe('jsonpath templates as kubectl runs them', () => {
  it('joins the results of one action with spaces and adds no newline', () => {
    expect(run('{.items[*].metadata.name}')).toBe('web-1 db-1');
    expect(run('{.items[0].status.podIP}')).toBe('10.244.1.3');
    expect(run('{.items[-1:].metadata.name}')).toBe('db-1');
    expect(run('{.items[1].spec.containers[*].name}')).toBe('pg exporter');
  });

  it('keeps literal text and quoted strings, with escapes', () => {
    expect(run('names: {.items[*].metadata.name}{"\\n"}')).toBe('names: web-1 db-1\n');
    expect(run("{.kind}{'\\t'}{.apiVersion}")).toBe('List\tv1');
  });

  it('repeats a range body for each result', () => {
    expect(run('{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}')).toBe('web-1\tRunning\ndb-1\tPending\n');
    expect(run('{range .items[*]}[{range .spec.containers[*]}{.name},{end}]{end}')).toBe('[nginx,][pg,exporter,]');
  });

  it('filters with ==, != and existence', () => {
    expect(run('{.items[?(@.status.phase=="Running")].metadata.name}')).toBe('web-1');
    expect(run("{.items[?(@.status.phase!='Running')].metadata.name}")).toBe('db-1');
    expect(run('{.items[?(@.status.podIP)].metadata.name}')).toBe('web-1');
    expect(run('{.items[*].spec.containers[?(@.ports[0].containerPort==80)].name}')).toBe('nginx');
  });

  it('prints maps and lists as compact JSON, and missing keys as nothing', () => {
    expect(run('{.items[0].metadata.labels}')).toBe('{"app":"web"}');
    expect(run('{.items[0].spec.containers[0].ports}')).toBe('[{"containerPort":80}]');
    expect(run('{.items[0].nope}')).toBe('');
    expect(run("{.items[0].metadata.labels['app']}")).toBe('web');
    expect(run('{..podIP}')).toBe('10.244.1.3');
  });

  it("gives client-go's parse and evaluation errors", () => {
    expect(run('{.items[}')).toBe('parse error: unterminated array');
    expect(run('{.items')).toBe('parse error: unclosed action');
    expect(run('{.items[?(@.a=="x")}')).toBe('parse error: unclosed array expect ]');
    expect(run('{.items[x]}')).toBe('parse error: invalid array index x');
    expect(run('{#}')).toBe("parse error: unrecognized character in action: U+0023 '#'");
    expect(run('{.kind[0]}')).toBe('error: string is not array or slice');
    expect(run('{.items[5]}')).toBe('error: array index out of bounds: index 5, length 2');
    expect(run('{end}')).toBe('error: not in range, nothing to end');
    expect(run('{foo}')).toBe('error: unrecognized identifier foo');
  });

  it("renders Go's %#v of the object for kubectl's execution error", () => {
    expect(goSyntax({ kind: 'List', items: [{ n: 1 }], x: null })).toBe('map[string]interface {}{"items":[]interface {}{map[string]interface {}{"n":1}}, "kind":"List", "x":interface {}(nil)}');
  });

  it('never throws on any template text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (t) => {
        const parsed = parseTemplate(t);
        if (parsed.ok) runTemplate(parsed.root, list);
      }),
    );
  });
});
