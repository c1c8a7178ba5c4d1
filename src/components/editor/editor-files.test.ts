import { describe, expect, it } from 'vitest';
import { EditorFiles, isWorkspacePath } from './editor-files';

const web = { path: 'web.yaml', text: 'kind: Deployment\n' };
const svc = { path: 'svc.yaml', text: 'kind: Service\n' };

describe('EditorFiles', () => {
  it('opens the first file and switches tabs by path', () => {
    const files = new EditorFiles([web, svc]);
    expect(files.active?.path).toBe('web.yaml');
    expect(files.open('svc.yaml')).toBe(true);
    expect(files.active).toEqual(svc);
    expect(files.open('nope.yaml')).toBe(false);
    expect(files.active?.path).toBe('svc.yaml');
  });

  it('puts a file in a tab of its own and opens it; removing the open one opens its neighbour', () => {
    const files = new EditorFiles([web, svc]);
    files.put({ path: 'kubectl-edit-deployment-web.yaml', text: 'a\n' });
    expect(files.paths()).toEqual(['web.yaml', 'svc.yaml', 'kubectl-edit-deployment-web.yaml']);
    expect(files.active).toEqual({ path: 'kubectl-edit-deployment-web.yaml', text: 'a\n' });
    files.open('web.yaml');
    files.put({ path: 'kubectl-edit-deployment-web.yaml', text: 'b\n' });
    expect(files.list()).toHaveLength(3);
    expect(files.active?.text).toBe('b\n');
    expect(files.remove('kubectl-edit-deployment-web.yaml')).toBe(true);
    expect(files.active?.path).toBe('svc.yaml');
    expect(files.remove('nope.yaml')).toBe(false);
  });

  it('records edits and reports whether anything changed', () => {
    const files = new EditorFiles([web]);
    expect(files.update('web.yaml', 'kind: Pod\n')).toBe(true);
    expect(files.update('web.yaml', 'kind: Pod\n')).toBe(false);
    expect(files.update('other.yaml', 'x')).toBe(false);
    expect(files.list()).toEqual([{ path: 'web.yaml', text: 'kind: Pod\n' }]);
  });

  it('keeps the open tab across setFiles when it still exists, else opens the first', () => {
    const files = new EditorFiles([web, svc]);
    files.open('svc.yaml');
    files.set([{ path: 'a.yaml', text: '' }, svc]);
    expect(files.active?.path).toBe('svc.yaml');
    files.set([{ path: 'a.yaml', text: '' }]);
    expect(files.active?.path).toBe('a.yaml');
    files.set([]);
    expect(files.active).toBeUndefined();
  });

  it('hands out copies', () => {
    const files = new EditorFiles([web]);
    files.list()[0]!.text = 'changed';
    expect(files.active?.text).toBe(web.text);
  });

  it('refuses duplicate and unsafe paths', () => {
    expect(() => new EditorFiles([web, web])).toThrow(/two files share the path web.yaml/);
    expect(() => new EditorFiles([{ path: '../x.yaml', text: '' }])).toThrow(/not a workspace path/);
  });
});

describe('isWorkspacePath', () => {
  it.each([
    ['web.yaml', true],
    ['k8s/svc.yaml', true],
    ['/etc/passwd', false],
    ['a/../b.yaml', false],
    ['a//b.yaml', false],
    ['web.yaml; rm -rf x', false],
    ['$(x).yaml', false],
    ['', false],
    ['dir/', false],
  ])('%s → %s', (path, ok) => expect(isWorkspacePath(path)).toBe(ok));
});
