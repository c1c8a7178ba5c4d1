import { renderHostsFile, podHostname } from '../connect/hosts-file';
import { nodeResolvConf, podResolvConf, renderResolvConf } from '../dns/resolv-conf';
import { normaliseRepository } from '../../cluster/images/catalogue';
import { fail, ok, type ToolContext, type ToolResult } from './tool';

/** The files of a container the kubelet and runtime write: /etc/resolv.conf, /etc/hosts, /etc/hostname. */
export function containerFile(path: string, ctx: ToolContext): string | undefined {
  const { cluster, from } = ctx;
  if (from.kind === 'node') {
    const node = cluster.config.nodes.find((n) => n.name === from.name);
    if (!node) return undefined;
    if (path === '/etc/resolv.conf') return renderResolvConf(nodeResolvConf(cluster, node.name));
    if (path === '/etc/hostname') return `${node.name}\n`;
    if (path === '/etc/hosts') return `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::\tip6-localnet\nff00::\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n${node.internalIP}\t${node.name}\n`;
    return undefined;
  }
  // The workstation's own files are the learner's, not the cluster's.
  if (from.kind === 'outside') return undefined;
  const pod = cluster.store.get('Pod', from.namespace, from.name);
  if (!pod) return undefined;
  if (path === '/etc/resolv.conf') return renderResolvConf(podResolvConf(cluster, pod));
  if (path === '/etc/hosts') return renderHostsFile(cluster, pod);
  if (path === '/etc/hostname') return `${pod.spec.hostNetwork ? pod.spec.nodeName : podHostname(pod)}\n`;
  return undefined;
}

/** `cat FILE...`: the files above; anything else is not in the simulated filesystem. */
export function cat(argv: string[], ctx: ToolContext): ToolResult {
  let stdout = '';
  let stderr = '';
  for (const path of argv.filter((a) => !a.startsWith('-') || a === '-')) {
    const text = containerFile(path, ctx);
    if (text === undefined) stderr += gnuUserland(ctx.image) ? `cat: ${path}: No such file or directory\n` : `cat: can't open '${path}': No such file or directory\n`;
    else stdout += text;
  }
  if (argv.length === 0) return ok('');
  return stderr ? fail(stderr, 1, stdout) : ok(stdout);
}

/** Debian-based images (nginx, httpd, redis) and nodes (kindest/node, or '' for a node) have GNU tools; the others BusyBox. */
export function gnuUserland(image: string): boolean {
  return /library\/(nginx|httpd|redis)$|^node$|\/kindest\/node$/.test(normaliseRepository(image)) || image === '';
}
