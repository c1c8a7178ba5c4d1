import { fail, flavourOf, type ToolContext, type ToolResult } from './tool';
import { openConnection } from './traffic';

/** /etc/services names OpenBSD nc prints for well-known ports. */
const SERVICES: Record<number, string> = { 22: 'ssh', 53: 'domain', 80: 'http', 443: 'https', 6379: 'redis', 8080: 'http-alt', 2379: 'etcd-client' };

/**
 * `nc -zv HOST PORT` (and `-u`, `-w SEC`): a connection test. BusyBox's
 * texts in BusyBox images, OpenBSD netcat's in the full tool images.
 * Data transfer is not modelled: without -z it only reports the connection.
 */
export function nc(argv: string[], ctx: ToolContext): ToolResult {
  let udp = false;
  let verbose = false;
  let waitSec: number | undefined;
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-w') waitSec = Number(argv[++i]);
    else if (/^-[zvunw]+$/.test(a)) {
      udp ||= a.includes('u');
      verbose ||= a.includes('v');
    } else if (a.startsWith('-')) continue;
    else args.push(a);
  }
  const full = flavourOf(ctx.image) === 'full';
  const [host, portText] = args as [string?, string?];
  if (!host || !portText) return fail(full ? 'usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n' : 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\n');
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return fail(full ? `nc: port number invalid: ${portText}\n` : `nc: invalid port '${portText}'\n`);
  const proto = udp ? 'UDP' : 'TCP';
  const trace = openConnection(ctx, host, port, proto);
  if (trace.outcome === 'error') return fail(`${trace.error}\n`);
  if (trace.outcome === 'nxdomain' || trace.outcome === 'dns-timeout') {
    return fail(full ? `nc: getaddrinfo for host "${host}" port ${port}: Name does not resolve\n` : `nc: bad address '${host}'\n`);
  }
  const ip = trace.target.ip!;
  const svcName = SERVICES[port] ?? '*';
  // UDP has no handshake: nc reports success unless an ICMP error comes back before it exits.
  const open = trace.outcome === 'answered' || (udp && trace.outcome === 'timeout');
  if (open) {
    if (!verbose) return { stdout: '', stderr: '', exitCode: 0 };
    return { stdout: '', stderr: full ? `Connection to ${host} (${ip}) ${port} port [${proto.toLowerCase()}/${svcName}] succeeded!\n` : `${host} (${ip}:${port}) open\n`, exitCode: 0 };
  }
  if (trace.outcome === 'refused') {
    return fail(full ? (verbose ? `nc: connect to ${host} (${ip}) port ${port} (${proto.toLowerCase()}) failed: Connection refused\n` : '') : `nc: ${host} (${ip}:${port}): Connection refused\n`);
  }
  if (full) return fail(verbose ? `nc: connect to ${host} (${ip}) port ${port} (${proto.toLowerCase()}) timed out: Operation in progress\n` : '');
  return fail(waitSec !== undefined ? `nc: ${host} (${ip}:${port}): Operation timed out\n` : `nc: ${host} (${ip}:${port}): Connection timed out\n`);
}
