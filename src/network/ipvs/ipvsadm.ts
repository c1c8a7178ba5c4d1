import type { Cluster } from '../../cluster/cluster';
import { fail, ok, type ToolResult } from '../tools/tool';
import { virtualServers, type VirtualServer } from './virtual-servers';

/**
 * `ipvsadm -Ln` on a node, as ipvsadm 1.31 prints it (ipvsadm.c list_all
 * and print_service_entry): the version line, the two title lines, then
 * each virtual server sorted by protocol, address and port, its real
 * servers sorted by address and port, `%-28s %-7s %-6d %-10u %-10u`.
 * Connection counters are not kept: ActiveConn and InActConn read 0.
 */

export interface IpvsadmContext {
  cluster: Cluster;
  node: string;
}

const HEADER = 'IP Virtual Server version 1.2.1 (size=4096)\nProt LocalAddress:Port Scheduler Flags\n  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n';

export function ipvsadm(argv: string[], ctx: IpvsadmContext): ToolResult {
  let list = false;
  let numeric = false;
  for (const arg of argv.slice(1)) {
    if (arg === '--list') list = true;
    else if (arg === '--numeric') numeric = true;
    // ipvsadm takes -l as -L, and short options bundled (`-ln`, as the Debug Services page types it).
    else if (/^-[Lln]+$/.test(arg)) {
      if (/[Ll]/.test(arg)) list = true;
      if (arg.includes('n')) numeric = true;
    } else return fail(`ipvsadm: "${arg}" is not available on this simulated node: only -L (-l) and -n are\n`, 2);
  }
  if (!list) return fail('ipvsadm: this simulated node only lists its virtual servers: ipvsadm -Ln\n', 2);
  // Without -n ipvsadm looks names up (gethostbyaddr, /etc/services); the simulation prints numbers either way.
  void numeric;
  if (ctx.cluster.config.proxyMode !== 'ipvs') return ok(HEADER);
  return ok(HEADER + virtualServers(ctx.cluster, ctx.node).map(formatVirtualServer).join(''));
}

export function formatVirtualServer(v: VirtualServer): string {
  let line = `${v.protocol}  ${v.ip}:${v.port} ${v.scheduler}`;
  if (v.persistent !== undefined) line += ` persistent ${v.persistent}`;
  line += '\n';
  for (const d of v.dests) line += `  -> ${`${d.ip}:${d.port}`.padEnd(28)} ${'Masq'.padEnd(7)} ${'1'.padEnd(6)} ${'0'.padEnd(10)} ${'0'.padEnd(10)}\n`;
  return line;
}
