import type { ImageCatalogue } from '../cluster/images/catalogue';
import type { AttachRequest } from '../kubectl/commands/exec';
import type { Where } from './command-table';
import { userlandHas, userlandPrograms, type Userland } from './userland';

/**
 * Which shell answers, for its error texts: bash on the workstation and in
 * `bash`; busybox/alpine `sh` (ash); Debian's `sh` (dash); zsh.
 */
export type ShellFlavour = 'bash' | 'ash' | 'dash' | 'zsh';

/** A machine the terminal is connected to: the workstation, or a container reached by kubectl. */
export interface Host {
  where: Where;
  /** The prompt as the shell prints it. */
  prompt: string;
  flavour: ShellFlavour;
  /** Programs the image adds (its `tools`); the workstation's come from the command table. */
  tools: readonly string[];
  /** The image's base system (BusyBox applets, Debian's essentials): the rest of its PATH. */
  userland: Userland;
  /** Working directory for pwd. */
  home: string;
  /** The kubectl session that opened this host, finished when it exits. */
  session?: AttachRequest;
  /** Whether the container has a terminal (kubectl -t); the workstation's shell always does. */
  tty?: boolean;
}

export const WORKSTATION_PROMPT = 'learner@workstation:~$ ';

export const workstation = (): Host => ({ where: { kind: 'workstation' }, prompt: WORKSTATION_PROMPT, flavour: 'bash', tools: [], userland: 'none', home: '/home/learner' });

const SHELLS = new Set(['sh', 'bash', 'ash', 'zsh']);

/** The program name of a path: `/bin/sh` is `sh`. */
export const programName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

export const isShell = (argv: readonly string[]): boolean => argv.length > 0 && SHELLS.has(programName(argv[0]!));

/**
 * The host a kubectl session opens. The prompt is the image's (content/images.yaml
 * `prompt`, HOST being the pod's hostname, or the node's on the host network),
 * except Debian's `sh`, which is dash and prints `# ` as root.
 */
export function hostFor(request: AttachRequest, shell: string, catalogue: ImageCatalogue): Host {
  const image = catalogue.lookup(request.target.image);
  const tools = image?.tools ?? [];
  const hostname = request.target.kind === 'node' ? request.target.node : request.target.pod;
  // Debian-based images (their prompt is bash's `root@HOST:/# `) run dash as `sh`, which prompts `# `.
  const debianLike = tools.includes('bash') && (image?.prompt ?? '').startsWith('root@');
  const flavour: ShellFlavour = shell === 'bash' ? 'bash' : shell === 'zsh' ? 'zsh' : debianLike ? 'dash' : 'ash';
  let prompt = (image?.prompt ?? '/ # ').replace('HOST', hostname);
  if (flavour === 'dash') prompt = '# ';
  // busybox ash's default `\w \$ ` in `/` (uncertain for Alpine images whose catalogue prompt is their bash's).
  else if (flavour === 'ash' && tools.includes('bash')) prompt = '/ # ';
  const t = request.target;
  const where: Where =
    t.kind === 'node' ? { kind: 'node', name: t.node, image: t.image } : { kind: 'pod', namespace: t.namespace, name: t.pod, container: t.container, image: t.image, ...(t.node ? { node: t.node } : {}) };
  const userland: Userland = debianLike ? 'debian' : tools.includes('sh') ? 'busybox' : 'none';
  return { where, prompt, flavour, tools, userland, home: image?.prompt.match(/:([^#$]*)[#$] $/)?.[1]?.replace('~', '/root') || '/', session: request, tty: request.tty };
}

/**
 * The prompt in `cwd`: bash's `\u@\h:\w\$ ` on the workstation and in
 * bash images (`~` for home), busybox ash's `\w \$ `; dash's `# ` and
 * other prompts do not show the folder. In the starting folder it is the
 * host's own prompt.
 */
export function promptIn(host: Host, cwd: string, home: string): string {
  if (cwd === host.home) return host.prompt;
  const shown = home !== '/' && (cwd === home || cwd.startsWith(`${home}/`)) ? `~${cwd.slice(home.length)}` : cwd;
  const bashLike = /^([^\s@]+@[^\s:]+:)\S+([#$] )$/.exec(host.prompt);
  if (bashLike && host.flavour === 'bash') return `${bashLike[1]}${shown}${bashLike[2]}`;
  const ashLike = /^\S+( [#$] )$/.exec(host.prompt);
  if (ashLike && host.flavour === 'ash') return `${shown}${ashLike[1]}`;
  return host.prompt;
}

/** Whether `program` is on the host's PATH: one of the image's tools, or of its base system. */
export function onPath(host: Pick<Host, 'tools' | 'userland'>, program: string): boolean {
  return host.tools.includes(program) || userlandHas(host.userland, program);
}

/** The host's PATH as a list, for the command table and completion. */
export function pathPrograms(host: Pick<Host, 'tools' | 'userland'>): string[] {
  return [...new Set([...host.tools, ...userlandPrograms(host.userland)])];
}

/** What the simulation says for a program the image has but it does not run (exit 127); `shell` names who ran it. */
export function notAvailableMessage(program: string, shell?: string): string {
  return `${shell ? `${shell}: ` : ''}${program}: not available in this simulated cluster yet\n`;
}

/** What each shell says for a program it cannot find (exit 127). */
export function notFoundMessage(flavour: ShellFlavour, program: string): string {
  switch (flavour) {
    case 'bash':
      return `bash: ${program}: command not found\n`;
    case 'ash':
      return `sh: ${program}: not found\n`;
    case 'dash':
      return `sh: 1: ${program}: not found\n`;
    case 'zsh':
      return `zsh: command not found: ${program}\n`;
  }
}

/** The shell's name in its own error messages (`bash: cd: …`, `sh: cd: …`). */
export const shellName = (flavour: ShellFlavour): string => (flavour === 'bash' ? 'bash' : flavour === 'zsh' ? 'zsh' : 'sh');
