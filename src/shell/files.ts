import type { KubectlEnv } from '../kubectl/env';
import type { Where } from './command-table';

/** File access for the session's commands, given by the host: the core does no IO. */
export type WorkspaceFiles = Pick<KubectlEnv, 'readFile' | 'listDir'>;

/**
 * The workspace as the shell sees it: the host's files, under what the
 * session wrote with `>` (kept in memory, never written to the host).
 */
export class SessionFiles implements WorkspaceFiles {
  private readonly written = new Map<string, string>();

  constructor(private readonly base: WorkspaceFiles) {}

  readFile(path: string): string | undefined {
    return this.written.get(normalise(path)) ?? this.base.readFile(path);
  }

  listDir(path: string): string[] | undefined {
    const listed = this.base.listDir(path);
    const dir = normalise(path).replace(/\/+$/, '');
    const prefix = dir === '.' || dir === '' ? '' : `${dir}/`;
    const added = [...this.written.keys()].filter((k) => k.startsWith(prefix) && !k.slice(prefix.length).includes('/')).map((k) => k.slice(prefix.length));
    if (listed === undefined) return undefined;
    return added.every((a) => listed.includes(a)) ? listed : [...new Set([...listed, ...added])].sort();
  }

  /** What the session itself wrote at `path`, never the host's file. */
  writtenFile(path: string): string | undefined {
    return this.written.get(normalise(path));
  }

  write(path: string, text: string, append: boolean): void {
    const key = normalise(path);
    this.written.set(key, append ? (this.readFile(path) ?? '') + text : text);
  }
}

function normalise(path: string): string {
  return path.replace(/^\.\//, '');
}

/** An absolute path with `~`, `.`, `..` and doubled slashes resolved against the working directory. */
export function resolvePath(cwd: string, path: string, home: string): string {
  const tilde = path === '~' || path.startsWith('~/') ? home + path.slice(1) : path;
  const joined = tilde.startsWith('/') ? tilde : `${cwd}/${tilde}`;
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/**
 * The folders of a Debian workstation outside the learner's home, which
 * `cd` can enter though the simulation keeps no files there.
 */
const WORKSTATION_DIRS: Record<string, string[]> = {
  '/': ['bin', 'boot', 'dev', 'etc', 'home', 'lib', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr', 'var'],
  '/home': ['learner'],
  ...Object.fromEntries(['/bin', '/boot', '/dev', '/etc', '/lib', '/media', '/mnt', '/opt', '/proc', '/root', '/run', '/sbin', '/srv', '/sys', '/tmp', '/usr', '/var'].map((d) => [d, []])),
};

/**
 * Files as one shell sees them from its working directory. On the
 * workstation the workspace is the learner's home folder: a path is resolved
 * against cwd, then named to the workspace relative to home (`.` for home
 * itself); outside home there are only empty system folders. In a container
 * the resolved absolute path is the container's own.
 */
export class WorkingFiles implements WorkspaceFiles {
  constructor(
    private readonly files: SessionFiles,
    private readonly cwd: string,
    private readonly home: string,
    /** The folder the workspace is mounted at (the workstation's home), or undefined in a container. */
    private readonly workspaceRoot: string | undefined,
  ) {}

  /** Where `path` is: the name the underlying files know it by, or `outside` the workspace (an absolute path). */
  locate(path: string): { inside: string } | { outside: string } {
    const absolute = resolvePath(this.cwd, path, this.home);
    const root = this.workspaceRoot;
    if (root === undefined) return { inside: absolute };
    if (absolute === root) return { inside: '.' };
    if (absolute.startsWith(`${root}/`)) return { inside: absolute.slice(root.length + 1) };
    return { outside: absolute };
  }

  readFile(path: string): string | undefined {
    const at = this.locate(path);
    return 'inside' in at ? this.files.readFile(at.inside) : this.files.writtenFile(at.outside);
  }

  listDir(path: string): string[] | undefined {
    const at = this.locate(path);
    if ('inside' in at) return this.files.listDir(at.inside);
    return Object.hasOwn(WORKSTATION_DIRS, at.outside) ? [...WORKSTATION_DIRS[at.outside]!] : undefined;
  }

  write(path: string, text: string, append: boolean): void {
    const at = this.locate(path);
    // Outside the workspace a write is kept by absolute path, for this session only.
    this.files.write('inside' in at ? at.inside : at.outside, text, append);
  }
}

/**
 * What the simulation knows of a container's (or debugged node's) files:
 * its hostname. Other modules (DNS: /etc/resolv.conf, /etc/hosts) pass a
 * richer function to createSession.
 */
export function basicContainerFiles(where: Where): WorkspaceFiles {
  const known: Record<string, string> = where.kind === 'workstation' ? {} : { '/etc/hostname': `${where.name}\n` };
  return { readFile: (path) => known[path], listDir: (path) => (path === '/' || path === '/etc' ? [] : undefined) };
}
