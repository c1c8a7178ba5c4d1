import { dummyAddresses } from '../ipvs/virtual-servers';
import type { Cluster } from '../../cluster/cluster';
import type { Container, Pod, Service } from '../../cluster/api/types';
import { podHostname } from '../connect/hosts-file';
import { fail, flavourOf, ok, type ToolContext, type ToolResult } from './tool';
import { gnuUserland } from './files';

/** `hostname` (BusyBox): the name, `-i` the addresses it resolves to, `-f` the FQDN, `-s` the short name. */
export function hostname(argv: string[], ctx: ToolContext): ToolResult {
  const info = hostInfo(ctx);
  if (!info) return fail('hostname: the pod is not running\n');
  const flag = argv.find((a) => a.startsWith('-'));
  const gnu = gnuUserland(ctx.image);
  // BusyBox prints each address followed by a space; Debian's hostname -i separates them (-I ends each with one).
  if (flag === '-i') return ok(gnu ? `${info.ip}\n` : `${info.ip} \n`);
  if (flag === '-I' && gnu) return ok(`${info.ip} \n`);
  if (flag === '-f') return ok(`${info.fqdn}\n`);
  if (flag === '-s') return ok(`${info.name.split('.')[0]}\n`);
  if (flag) return fail(`hostname: invalid option -- '${flag.replace(/^-+/, '')}'\n`);
  return ok(`${info.name}\n`);
}

interface HostInfo {
  name: string;
  fqdn: string;
  ip: string;
  pod?: Pod;
  /** The node's podCIDR (pods) or the node network (nodes). */
  cidr: string;
}

function hostInfo(ctx: ToolContext): HostInfo | undefined {
  const { cluster, from } = ctx;
  if (from.kind === 'node') {
    const node = cluster.config.nodes.find((n) => n.name === from.name);
    return node ? { name: node.name, fqdn: node.name, ip: node.internalIP, cidr: `${node.internalIP.replace(/\.\d+$/, '.0')}/16` } : undefined;
  }
  // The workstation's own files are the learner's, not the cluster's.
  if (from.kind === 'outside') return undefined;
  const pod = cluster.store.get('Pod', from.namespace, from.name);
  const ip = pod?.status?.podIP;
  if (!pod || !ip) return undefined;
  const node = cluster.config.nodes.find((n) => n.name === pod.spec.nodeName);
  if (pod.spec.hostNetwork && node) return { name: node.name, fqdn: node.name, ip, pod, cidr: `${node.internalIP.replace(/\.\d+$/, '.0')}/16` };
  const name = podHostname(pod);
  const fqdn = pod.spec.subdomain ? `${name}.${pod.spec.subdomain}.${pod.metadata.namespace}.svc.${cluster.config.clusterDomain}` : name;
  return { name, fqdn, ip, pod, cidr: node?.podCIDR ?? `${ip}/24` };
}

// ---------------------------------------------------------------- env

/** makeEnvVariableName: upper case, dashes to underscores. */
function envName(name: string): string {
  return name.toUpperCase().replaceAll('-', '_');
}

/** The kubelet's FromServices: host and port, named ports, then the Docker link variables. */
export function serviceEnv(services: Service[]): [string, string][] {
  const out: [string, string][] = [];
  for (const svc of services) {
    const ip = svc.spec.clusterIP;
    const ports = svc.spec.ports ?? [];
    if (!ip || ip === 'None' || ports.length === 0) continue;
    const prefix = envName(svc.metadata.name);
    out.push([`${prefix}_SERVICE_HOST`, ip], [`${prefix}_SERVICE_PORT`, String(ports[0]!.port)]);
    for (const p of ports) if (p.name) out.push([`${prefix}_SERVICE_PORT_${envName(p.name)}`, String(p.port)]);
    ports.forEach((p, i) => {
      const proto = (p.protocol ?? 'TCP').toLowerCase();
      const url = `${proto}://${ip}:${p.port}`;
      if (i === 0) out.push([`${prefix}_PORT`, url]);
      const pp = `${prefix}_PORT_${p.port}_${proto.toUpperCase()}`;
      out.push([pp, url], [`${pp}_PROTO`, proto], [`${pp}_PORT`, String(p.port)], [`${pp}_ADDR`, ip]);
    });
  }
  return out;
}

/**
 * The Services whose variables a pod gets: those of its namespace that
 * existed when it started (enableServiceLinks, default true), and always
 * `kubernetes` from `default`. Sorted by name; the kubelet's real order is
 * Go map order, so any fixed order is one a cluster could show.
 */
export function servicesForEnv(cluster: Cluster, pod: Pod): Service[] {
  const started = Date.parse(pod.status?.startTime ?? pod.metadata.creationTimestamp);
  const existed = (s: Service) => Date.parse(s.metadata.creationTimestamp) <= started;
  const byName = new Map<string, Service>();
  const master = cluster.store.get('Service', 'default', 'kubernetes');
  if (master && existed(master)) byName.set('kubernetes', master);
  if (pod.spec.enableServiceLinks !== false) {
    for (const s of cluster.store.list('Service', pod.metadata.namespace)) if (existed(s)) byName.set(s.metadata.name, s);
  }
  return [...byName.keys()].sort().map((k) => byName.get(k)!);
}

/** A container's own `env` entries, with the common downward-API fields filled. */
function containerEnv(pod: Pod, container: Container | undefined): [string, string][] {
  const out: [string, string][] = [];
  for (const e of container?.env ?? []) {
    if (e.value !== undefined) out.push([e.name, e.value]);
    else {
      const path = (e.valueFrom as { fieldRef?: { fieldPath?: string } } | undefined)?.fieldRef?.fieldPath;
      const fields: Record<string, string | undefined> = {
        'metadata.name': pod.metadata.name,
        'metadata.namespace': pod.metadata.namespace,
        'spec.nodeName': pod.spec.nodeName,
        'status.podIP': pod.status?.podIP,
        'status.hostIP': pod.status?.hostIP,
        'spec.serviceAccountName': pod.spec.serviceAccountName,
      };
      const value = path ? fields[path] : undefined;
      if (value !== undefined) out.push([e.name, value]);
    }
  }
  return out;
}

const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** `env`: the image's PATH, HOSTNAME, the container's env, the Service variables, HOME (runc adds it last). */
export function env(argv: string[], ctx: ToolContext): ToolResult {
  if (argv.length > 0) return fail(`env: '${argv[0]}': No such file or directory\n`, 127);
  const info = hostInfo(ctx);
  if (!info) return fail('env: the pod is not running\n');
  const vars: [string, string][] = [['PATH', PATH], ['HOSTNAME', info.pod?.spec.hostNetwork ? info.name : info.name]];
  if (info.pod) {
    const container = info.pod.spec.containers.find((c) => c.image === ctx.image) ?? info.pod.spec.containers[0];
    const own = containerEnv(info.pod, container);
    const taken = new Set(own.map(([k]) => k));
    vars.push(...own, ...serviceEnv(servicesForEnv(ctx.cluster, info.pod)).filter(([k]) => !taken.has(k)));
  }
  vars.push(['HOME', '/root']);
  return ok(vars.map(([k, v]) => `${k}=${v}\n`).join(''));
}

/** `printenv [NAME...]`: the whole environment as env prints it, or each NAME's value (exit 1 when one is unset). */
export function printenv(argv: string[], ctx: ToolContext): ToolResult {
  const all = env([], ctx);
  if (argv.length === 0 || all.exitCode !== 0) return all;
  const vars = new Map(all.stdout.split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  const found = argv.filter((n) => vars.has(n));
  return { stdout: found.map((n) => `${vars.get(n)}\n`).join(''), stderr: '', exitCode: found.length === argv.length ? 0 : 1 };
}

// ---------------------------------------------------------------- ip

/** A stable made-up MAC for an address (locally administered). */
function macFor(ip: string): string {
  let h = 0x811c9dc5;
  for (const ch of ip) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  const bytes = [0x02 | ((h >>> 24) & 0xfc), (h >>> 16) & 255, (h >>> 8) & 255, h & 255, ip.length * 7 & 255, Number(ip.split('.')[3] ?? 0) & 255];
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/** kube-proxy's dummy interface in ipvs mode, down and ARP-less, holding every ClusterIP as a /32. */
function kubeIpvs0(addresses: string[], node: string): string {
  let out = '3: kube-ipvs0: <BROADCAST,NOARP> mtu 1500 qdisc noop state DOWN \n';
  out += `    link/ether ${macFor(`kube-ipvs0/${node}`)} brd ff:ff:ff:ff:ff:ff\n`;
  for (const a of addresses) out += `    inet ${a}/32 scope global kube-ipvs0\n       valid_lft forever preferred_lft forever\n`;
  return out;
}

/** The host side of a pod's veth as the CNI plugin names it (`veth` and 8 hex digits): a stable stand-in from the pod's uid. */
function vethName(uid: string): string {
  let h = 0x811c9dc5;
  for (const ch of uid) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return `veth${h.toString(16).padStart(8, '0')}`;
}

/** An IPv4 address (or a CIDR's network) as a number, for the kernel's route order. */
function ipNumber(cidrOrIP: string): number {
  return cidrOrIP.split('/')[0]!.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
}

/** The host-side interface index of a pod's veth: stable per address. */
function peerIndex(ip: string): number {
  return 3 + (Number(ip.split('.')[3] ?? 0) % 250);
}

/**
 * `ip addr` / `ip route` (BusyBox iproute): loopback and eth0 with the pod's
 * address; kindnet's routes (default via the node's .1 of the podCIDR).
 * Interface indexes and MACs are stable stand-ins; the layout is uncertain in detail.
 */
export function ip(argv: string[], ctx: ToolContext): ToolResult {
  const info = hostInfo(ctx);
  if (!info) return fail('ip: the pod is not running\n');
  const [object = '', ...rest] = argv.filter((a) => !a.startsWith('-'));
  // netshoot's ip is iproute2's, as on a Debian node; BusyBox's applet spaces `src` differently.
  const gnu = gnuUserland(ctx.image) || flavourOf(ctx.image) === 'full';
  void rest;
  const gateway = info.cidr.replace(/\.\d+\/\d+$/, '.1');
  const prefix = Number(info.cidr.split('/')[1] ?? 24);
  const broadcast = prefix === 24 ? info.cidr.replace(/\.\d+\/\d+$/, '.255') : info.ip.replace(/\.\d+\.\d+$/, '.255.255');
  if ('address'.startsWith(object) && object !== '') {
    const dev = ctx.from.kind === 'node' || info.pod?.spec.hostNetwork ? 'eth0' : `eth0@if${peerIndex(info.ip)}`;
    let out = '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN qlen 1000\n';
    out += '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n';
    out += '    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n';
    out += '    inet6 ::1/128 scope host \n       valid_lft forever preferred_lft forever\n';
    out += `2: ${dev}: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP \n`;
    out += `    link/ether ${macFor(info.ip)} brd ff:ff:ff:ff:ff:ff\n`;
    out += `    inet ${info.ip}/${prefix} brd ${broadcast} scope global eth0\n       valid_lft forever preferred_lft forever\n`;
    const nodeName = ctx.from.kind === 'node' ? ctx.from.name : info.pod?.spec.hostNetwork ? info.pod.spec.nodeName : undefined;
    if (nodeName && ctx.cluster.config.proxyMode === 'ipvs') out += kubeIpvs0(dummyAddresses(ctx.cluster, nodeName), nodeName);
    return ok(out);
  }
  if ('route'.startsWith(object) && object !== '') {
    const sep = gnu ? ' ' : '  ';
    if (ctx.from.kind === 'node' || info.pod?.spec.hostNetwork) {
      const node = ctx.from.kind === 'node' ? ctx.from.name : info.pod?.spec.nodeName;
      // The kernel lists the main table by destination: other nodes' podCIDRs via their InternalIP (kindnet),
      // and a host route per local pod through its veth (the ptp CNI plugin's, scope host).
      const routes: [string, string][] = ctx.cluster.config.nodes.filter((n) => n.name !== node).map((n) => [n.podCIDR, `${n.podCIDR} via ${n.internalIP} dev eth0 \n`]);
      for (const pod of ctx.cluster.store.list('Pod')) {
        const podIP = pod.status?.podIP;
        if (pod.spec.nodeName === node && !pod.spec.hostNetwork && podIP) routes.push([podIP, `${podIP} dev ${vethName(pod.metadata.uid)} scope host \n`]);
      }
      routes.sort((a, b) => ipNumber(a[0]) - ipNumber(b[0]));
      let out = `default via ${gateway} dev eth0 \n${routes.map(([, line]) => line).join('')}`;
      out += `${info.cidr} dev eth0 proto kernel scope link${sep}src ${info.ip} \n`;
      return ok(out);
    }
    return ok(`default via ${gateway} dev eth0 \n${info.cidr} via ${gateway} dev eth0${sep}src ${info.ip} \n${gateway} dev eth0 scope link${sep}src ${info.ip} \n`);
  }
  return fail(gnu ? `Object "${object}" is unknown, try "ip help".\n` : 'BusyBox v1.36.1 multi-call binary.\n\nUsage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]\n', 1);
}
