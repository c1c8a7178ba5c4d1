import type { Host } from './hosts';
import { Interpreter, type Run } from './interpreter';
import { containerSessionFiles, newFrame } from './state';

/**
 * `chroot /host` in a `kubectl debug node/NAME` shell: the node's own root
 * filesystem is mounted at /host, so chroot reaches the node's programs
 * (iptables-save, crictl, conntrack…), as the kubernetes.io node-debugging
 * page shows. A builtin here, not a program, because without a command it
 * opens a new shell on top of this one.
 */

/** What the kind node image (Debian) has on its PATH that the course uses. */
const NODE_TOOLS = ['sh', 'bash', 'iptables', 'iptables-save', 'ip', 'conntrack', 'crictl', 'ipvsadm', 'hostname', 'curl'];
const NODE_IMAGE = 'kindest/node:v1.34.0';

export function chroot(argv: string[], shell: Interpreter, stdin: string): Run {
  const dir = argv[1];
  const where = shell.frame.host.where;
  if (dir === undefined) return { chunks: [{ stream: 'stderr', text: "chroot: missing operand\nTry 'chroot --help' for more information.\n" }], status: 125 };
  if (where.kind !== 'node' || dir.replace(/\/+$/, '') !== '/host') {
    return { chunks: [{ stream: 'stderr', text: `chroot: cannot change root directory to '${dir}': No such file or directory\n` }], status: 125 };
  }
  // chroot runs $SHELL -i: bash sets SHELL for itself, BusyBox sh does not, so /bin/sh (the node's dash) starts.
  const bash = shell.frame.host.flavour === 'bash';
  const host: Host = {
    where: { kind: 'node', name: where.name, image: NODE_IMAGE },
    prompt: bash ? `root@${where.name}:/# ` : '# ',
    flavour: bash ? 'bash' : 'dash',
    tools: NODE_TOOLS,
    userland: 'debian',
    tty: shell.frame.host.tty,
    home: '/root',
  };
  const frame = newFrame(host, containerSessionFiles(shell.session, host.where));
  if (argv.length > 2) {
    const program = argv.slice(2);
    return new Interpreter(shell.session, frame).runProgram(program, stdin, frame.vars);
  }
  shell.session.frames.push(frame);
  return { chunks: [], status: 0 };
}
