import type { Cluster } from '../cluster/cluster';
import type { CommandTable, Where } from './command-table';
import { SessionFiles, WorkingFiles, type WorkspaceFiles } from './files';
import type { Host } from './hosts';

/** One running shell: where it runs and what it remembers. */
export interface Frame {
  host: Host;
  vars: Map<string, string>;
  aliases: Map<string, string>;
  /** `$?`: the exit status of the last command. */
  status: number;
  cwd: string;
  /** The files this shell sees: the workspace on the workstation, the container's own elsewhere. */
  files: SessionFiles;
}

/**
 * The learner's terminal: the cluster, the files, the programs, and a stack
 * of shells (the workstation's at the bottom, one more for each
 * `kubectl exec -it … -- sh` still open).
 */
export interface ShellSession {
  cluster: Cluster;
  files: SessionFiles;
  commands: CommandTable;
  frames: Frame[];
  history: string[];
  /** `text`: podlab sim; `browser`: the lesson's terminal, which can clear and repeat (watch). */
  terminal: 'text' | 'browser';
  /** The files inside a container or on a node, as far as the simulation knows them. */
  containerFiles: (where: Where, cluster: Cluster) => WorkspaceFiles;
  /** What shells wrote inside each container, kept for the next exec into it (a container's writable layer). */
  containerWrites: Map<string, SessionFiles>;
}

/**
 * The files of the container (or node) at `where`, with what earlier
 * sessions wrote there: one writable layer per container instance, so a
 * pod created again under the same name starts clean.
 */
export function containerSessionFiles(session: ShellSession, where: Where): SessionFiles {
  const uid = where.kind === 'pod' ? (session.cluster.store.get('Pod', where.namespace, where.name)?.metadata.uid ?? '') : '';
  const key = where.kind === 'pod' ? `pod/${where.namespace}/${where.name}/${where.container}/${uid}` : where.kind === 'node' ? `node/${where.name}/${where.image}` : 'workstation';
  let files = session.containerWrites.get(key);
  if (!files) {
    files = new SessionFiles(session.containerFiles(where, session.cluster));
    session.containerWrites.set(key, files);
  }
  return files;
}

export function newFrame(host: Host, files: SessionFiles, aliases: Iterable<[string, string]> = []): Frame {
  const vars = new Map([['HOME', host.home], ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']]);
  if (host.where.kind !== 'workstation') vars.set('HOSTNAME', host.where.name);
  return { host, vars, aliases: new Map(aliases), status: 0, cwd: host.home, files };
}

export const currentFrame = (session: ShellSession): Frame => session.frames.at(-1)!;

/** The files as this shell sees them from its working directory (the workspace is the workstation's home). */
export function frameFiles(frame: Frame): WorkingFiles {
  const home = frame.vars.get('HOME') || frame.host.home;
  return new WorkingFiles(frame.files, frame.cwd, home, frame.host.where.kind === 'workstation' ? frame.host.home : undefined);
}
