import { describe, expect, it } from 'vitest';
import { bareCluster } from '../../test/support/cluster-fixture';
import { resolvePath } from './files';
import { createSession, prompt, runLine, type ShellSession, type WorkspaceFiles } from './session';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: client\nspec:\n  containers:\n  - name: busybox\n    image: busybox:1.36\n';
/** A workspace like the CLI's: paths relative to the workspace folder, `.` being the folder itself. */
const TREE: Record<string, string | string[]> = {
  '.': ['manifests', 'notes.txt'],
  'notes.txt': 'top\n',
  manifests: ['pod.yaml', 'deep'],
  'manifests/pod.yaml': POD,
  'manifests/deep': ['inner.txt'],
  'manifests/deep/inner.txt': 'inner\n',
};
const clean = (p: string) => (p.replace(/^(\.\/)+/, '').replace(/\/+$/, '') || '.');
const files: WorkspaceFiles = {
  readFile: (p) => (typeof TREE[clean(p)] === 'string' ? (TREE[clean(p)] as string) : undefined),
  listDir: (p) => (Array.isArray(TREE[clean(p)]) ? [...(TREE[clean(p)] as string[])] : undefined),
};
const session = () => createSession(bareCluster(), files);
const output = (s: ShellSession, ...lines: string[]) => lines.map((l) => runLine(l, s).output).join('');

describe('cd on the workstation', () => {
  it('resolves the files of later commands against the new folder', () => {
    const s = session();
    expect(output(s, 'cd manifests', 'pwd', 'cat pod.yaml | head -2', 'cat ../notes.txt', 'cat deep/inner.txt')).toBe(
      '/home/learner/manifests\napiVersion: v1\nkind: Pod\ntop\ninner\n',
    );
    expect(output(s, 'kubectl apply -f pod.yaml')).toBe('pod/client created\n');
    expect(output(s, 'kubectl apply -f manifests/pod.yaml')).toBe('error: the path "manifests/pod.yaml" does not exist\n');
  });

  it('shows the folder in the prompt, as bash\'s \\w does', () => {
    const s = session();
    expect(prompt(s)).toBe('learner@workstation:~$ ');
    runLine('cd manifests/deep', s);
    expect(prompt(s)).toBe('learner@workstation:~/manifests/deep$ ');
    runLine('cd ../..', s);
    expect(prompt(s)).toBe('learner@workstation:~$ ');
    runLine('cd ..', s);
    expect(prompt(s)).toBe('learner@workstation:/home$ ');
    expect(output(s, 'pwd', 'cat notes.txt')).toBe('/home\ncat: notes.txt: No such file or directory\n');
  });

  it('goes home with no argument or ~, and back with -', () => {
    const s = session();
    expect(output(s, 'cd -')).toBe('bash: cd: OLDPWD not set\n');
    expect(output(s, 'cd manifests', 'cd', 'pwd', 'cd -', 'cd ~', 'pwd', 'cd ~/manifests/deep', 'pwd', 'cd /', 'pwd')).toBe(
      '/home/learner\n/home/learner/manifests\n/home/learner\n/home/learner/manifests/deep\n/\n',
    );
    expect(output(s, 'cat ~/notes.txt', 'cd /tmp', 'echo "$PWD $OLDPWD"')).toBe('top\n/tmp /\n');
  });

  it("answers as bash for folders it cannot enter, and stays where it was", () => {
    const s = session();
    expect(runLine('cd nope', s)).toEqual({ output: 'bash: cd: nope: No such file or directory\n', exitCode: 1 });
    expect(runLine('cd notes.txt', s)).toEqual({ output: 'bash: cd: notes.txt: Not a directory\n', exitCode: 1 });
    expect(runLine('cd manifests deep', s)).toEqual({ output: 'bash: cd: too many arguments\n', exitCode: 1 });
    expect(runLine('cd /root', s)).toEqual({ output: 'bash: cd: /root: Permission denied\n', exitCode: 1 });
    expect(output(s, 'pwd')).toBe('/home/learner\n');
    expect(output(s, 'unset HOME', 'cd')).toBe('bash: cd: HOME not set\n');
  });

  it('writes and reads back redirected files from the folder it is in', () => {
    const s = session();
    expect(output(s, 'cd manifests', 'echo hi > new.txt', 'cat new.txt', 'cd ..', 'cat manifests/new.txt', 'cat new.txt')).toBe('hi\nhi\ncat: new.txt: No such file or directory\n');
  });
});

describe('resolvePath', () => {
  it('resolves ., .., ~ and doubled slashes', () => {
    expect(resolvePath('/home/learner', 'a//b/./c/../d', '/home/learner')).toBe('/home/learner/a/b/d');
    expect(resolvePath('/home/learner/a', '../../..', '/home/learner')).toBe('/');
    expect(resolvePath('/', '../..', '/root')).toBe('/');
    expect(resolvePath('/etc', '~', '/root')).toBe('/root');
    expect(resolvePath('/etc', '~x', '/root')).toBe('/etc/~x');
  });
});
