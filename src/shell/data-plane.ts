import type { Cluster } from '../cluster/cluster';
import { runTrace } from '../network/connect/trace-format';
import { iptables, iptablesSave } from '../network/kube-proxy/iptables-command';
import { conntrack } from '../network/conntrack/conntrack-command';
import { ipvsadm } from '../network/ipvs/ipvsadm';
import { crictl } from '../network/node/crictl';
import { containerFile } from '../network/tools/files';
import { networkTools, type ToolContext } from '../network/tools/index';
import { WORKSTATION_OS } from '../network/tools/tool';
import { fail, type CommandContext, type CommandIO, type CommandTable, type ShellCommand, type Where } from './command-table';
import type { WorkspaceFiles } from './files';

/** The network tools the workstation has: curl and ping, which reach node addresses (NodePorts, LoadBalancer addresses) from outside. */
const WORKSTATION_TOOLS = new Set(['curl', 'ping']);

/**
 * The data plane's programs in the learner's shell: nslookup, curl, ping…
 * inside pods and on nodes (each where its image ships it), iptables on
 * nodes, curl, ping and `podlab trace` on the workstation. The tools live in
 * src/network; this module only adapts them to the command table.
 */
export function registerDataPlaneCommands(table: CommandTable): CommandTable {
  for (const [name, tool] of Object.entries(networkTools)) {
    // The shell's own cat reads the container's files, which dataPlaneContainerFiles provides.
    if (name === 'cat') continue;
    table.register(
      name,
      (argv, ctx) => tool(argv.slice(1), { ...toolContext(ctx), fileExists: (path) => ctx.files.readFile(path) !== undefined, stdoutIsTerminal: ctx.stdoutIsTerminal !== false }),
      { kind: 'tool', workstation: WORKSTATION_TOOLS.has(name) },
    );
  }
  table.register('iptables', nodeOnly(iptables));
  table.register('iptables-save', nodeOnly(iptablesSave));
  table.register('crictl', nodeOnly(crictl));
  table.register('conntrack', nodeOnly(conntrack));
  table.register('ipvsadm', nodeOnly(ipvsadm));
  table.register('podlab', podlab, { kind: 'tool', workstation: true });
  return table;
}

/** /etc/resolv.conf, /etc/hosts and /etc/hostname as the kubelet writes them, for `cat` in a container or on a node. */
export function dataPlaneContainerFiles(where: Where, cluster: Cluster): WorkspaceFiles {
  const ctx = toolContext({ where, cluster });
  return {
    readFile: (path) => (ctx ? containerFile(path, ctx) : undefined),
    listDir: (path) => (path === '/etc' ? ['hostname', 'hosts', 'resolv.conf'] : path === '/' ? ['etc'] : undefined),
  };
}

function toolContext(ctx: Pick<CommandContext, 'where' | 'cluster'>): ToolContext {
  const { where, cluster } = ctx;
  if (where.kind === 'pod') return { cluster, from: { kind: 'pod', namespace: where.namespace, name: where.name }, image: where.image };
  if (where.kind === 'node') return { cluster, from: { kind: 'node', name: where.name }, image: where.image };
  return { cluster, from: { kind: 'outside' }, image: WORKSTATION_OS };
}

/** iptables reads the netfilter tables of the network namespace it runs in: a node's are kube-proxy's. */
function nodeOnly(command: (argv: string[], ctx: { cluster: Cluster; node: string }) => CommandIO): ShellCommand {
  return (argv, ctx) => {
    if (ctx.where.kind === 'node') return command(argv, { cluster: ctx.cluster, node: ctx.where.name });
    // A pod has its own, empty network namespace; kube-proxy's rules are on the node (uncertain: real iptables in
    // an unprivileged container fails with a permission error whose text varies by image and backend).
    return fail(`${argv[0]}: this pod's network namespace has no rules; kube-proxy's are on the node: kubectl debug node/NAME -it --image=busybox, then chroot /host\n`);
  };
}

/** `podlab trace FROM TARGET[:PORT]`: the data plane's account of one connection. */
function podlab(argv: string[], ctx: CommandContext): CommandIO {
  // Anything but `trace` gets trace's usage text: it is the one podlab command inside the course shell.
  return runTrace(argv[1] === 'trace' ? argv.slice(2) : [], ctx.cluster);
}
