import { normaliseRepository } from '../../cluster/images/catalogue';
import { isIPv4, reverseName } from '../dns/names';
import { resolveName, type DnsTransport } from '../dns/resolver';
import type { DnsSetup } from './dns-tools';
import { fail, type ToolResult } from './tool';

/**
 * BusyBox before 1.29 built the small nslookup (no FEATURE_NSLOOKUP_BIG):
 * the C library's getaddrinfo does the lookup, search list and ndots
 * included, and every address is printed with its reverse name. This is
 * the busybox:1.28 the kubernetes.io debugging pages tell learners to use,
 * and why `nslookup kubernetes.default` works there and not in 1.36.
 */

/** busybox:1.28, busybox:1.27.2…; a tagless or `latest` busybox is the new one. */
export function isOldBusybox(image: string): boolean {
  if (!normaliseRepository(image).endsWith('/busybox')) return false;
  const tag = /:(\d+)\.(\d+)[^/]*$/.exec(image.split('@')[0]!);
  return tag !== null && Number(tag[1]) === 1 && Number(tag[2]) < 29;
}

const USAGE = 'BusyBox v1.28.4 (2018-05-22 17:00:17 UTC) multi-call binary.\n\nUsage: nslookup [HOST] [SERVER]\n\nQuery the nameserver for the IP address of the given HOST\noptionally using a specified DNS server\n';

/** `nslookup HOST [SERVER]`: print_host for the server, a blank line, then print_host for HOST. */
export function oldBusyboxNslookup(argv: string[], setup: (server: string | undefined) => DnsSetup | ToolResult): ToolResult {
  const [name, server] = argv;
  // nslookup_main: one or two arguments, the first not an option.
  if (name === undefined || name.startsWith('-') || argv.length > 2) return fail(USAGE);
  const s = setup(server);
  if ('exitCode' in s) return s;
  const conf = { ...s.source.resolvConf, nameservers: s.servers };
  const serverIp = s.servers[0]!;
  let stdout = `${field('Server:', serverIp)}${addressLines([serverIp], conf.nameservers, s.transport)}\n`;
  const resolution = resolveName(name, conf, s.transport, 'glibc', s.source.hosts);
  if (resolution.status !== 'ok' || resolution.addresses.length === 0) {
    return { stdout, stderr: `nslookup: can't resolve '${name}'\n`, exitCode: 1, stderrLast: true };
  }
  stdout += field('Name:', name) + addressLines(resolution.addresses, conf.nameservers, s.transport);
  return { stdout, stderr: '', exitCode: 0 };
}

/** printf("%-10s %s\n", header, hostname) */
function field(header: string, value: string): string {
  return `${header.padEnd(10)} ${value}\n`;
}

/** "Address N: IP NAME", NAME from a PTR query when the server has one. */
function addressLines(addresses: string[], servers: string[], transport: DnsTransport): string {
  return addresses
    .map((ip, i) => {
      const reverse = isIPv4(ip) ? reverseNameOf(ip, servers, transport) : undefined;
      return `Address ${i + 1}: ${ip}${reverse ? ` ${reverse}` : ''}\n`;
    })
    .join('');
}

function reverseNameOf(ip: string, servers: string[], transport: DnsTransport): string | undefined {
  for (const server of servers) {
    const reply = transport(server, reverseName(ip), 'PTR');
    if (reply === 'timeout') continue;
    return reply.answers.find((r) => r.type === 'PTR')?.data;
  }
  return undefined;
}
