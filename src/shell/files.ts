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
    return this.base.listDir(path);
  }

  write(path: string, text: string, append: boolean): void {
    const key = normalise(path);
    this.written.set(key, append ? (this.readFile(path) ?? '') + text : text);
  }
}

function normalise(path: string): string {
  return path.replace(/^\.\//, '');
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
