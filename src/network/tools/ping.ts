import type { ConnectionTrace } from '../connect/connect';
import { canonicalName, isIPv4, reverseName } from '../dns/names';
import { answerQuestion } from '../dns/records';
import { fail, flavourOf, libcOf, type ToolContext, type ToolResult } from './tool';
import { openConnection } from './traffic';

/**
 * How many routers a reply crosses, for its TTL (64 at the sender): the
 * target's node when the target is a pod and the source is not that node,
 * the source's node when the source is a pod and the target is not that node.
 */
function routersCrossed(trace: ConnectionTrace, sourceIsPod: boolean): number {
  const dest = trace.destination;
  if (!dest) return 0;
  // A pod's own address (or loopback) never leaves its network namespace.
  if (sourceIsPod && dest.kind === 'pod' && dest.ip === trace.from.ip) return 0;
  const destNode = dest.kind === 'pod' ? dest.node : dest.name;
  let n = 0;
  if (dest.kind === 'pod' && !(trace.from.node === destNode && !sourceIsPod)) n++;
  if (sourceIsPod && !(dest.kind === 'node' && dest.name === trace.from.node) && !(dest.kind === 'pod' && destNode === trace.from.node)) n++;
  return n;
}

/**
 * ping (BusyBox; iputils layout for the full tool images). Pod and node
 * addresses answer; a ClusterIP never does (kube-proxy's iptables rules
 * carry only the Service's ports). Without -c it stops after 4 packets,
 * as if interrupted.
 */
export function ping(argv: string[], ctx: ToolContext): ToolResult {
  let count: number | undefined;
  let target: string | undefined;
  let quiet = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-c') count = Number(argv[++i]);
    else if (/^-c\d+$/.test(a)) count = Number(a.slice(2));
    else if (a === '-W' || a === '-w' || a === '-i' || a === '-s') i++;
    else if (a === '-q') quiet = true;
    else if (!a.startsWith('-')) target = a;
  }
  const full = flavourOf(ctx.image) === 'full';
  if (!target) return fail(full ? 'ping: usage error: Destination address required\n' : 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n', full ? 1 : 1);
  if (count !== undefined && (!Number.isInteger(count) || count < 1)) return fail(`ping: invalid number '${argv[argv.indexOf('-c') + 1] ?? ''}'\n`);
  const n = count ?? 4;
  const trace = openConnection(ctx, target, undefined, 'ICMP');
  if (trace.outcome === 'error') return fail(`${trace.error}\n`);
  if (trace.outcome === 'nxdomain' || trace.outcome === 'dns-timeout') {
    // gai_strerror(EAI_NONAME) as the C library words it: musl's in Alpine images, glibc's on the workstation.
    const noName = libcOf(ctx.image) === 'musl' ? 'Name does not resolve' : 'Name or service not known';
    return fail(full ? `ping: ${target}: ${noName}\n` : `ping: bad address '${target}'\n`, full ? 2 : 1);
  }
  const ip = trace.target.ip!;
  const answered = trace.outcome === 'answered';
  const ttl = 64 - routersCrossed(trace, ctx.from.kind === 'pod');
  const crossNode = trace.destination && (trace.destination.kind === 'pod' ? trace.destination.node : trace.destination.name) !== trace.from.node;
  const times: number[] = [];
  // iputils names a host by getaddrinfo's canonical name (the search-list name that answered) and each reply by
  // its reverse name when it has one (pr_addr); BusyBox keeps the name as typed.
  const byName = !isIPv4(target);
  const shown = full && byName ? (trace.dns?.answeredName ?? target) : target;
  const ptr = full && byName ? answerQuestion(ctx.cluster, reverseName(ip), 'PTR').answers.find((r) => r.type === 'PTR')?.data : undefined;
  const from = ptr ? `${canonicalName(ptr)} (${ip})` : ip;
  let out = full ? `PING ${shown} (${ip}) 56(84) bytes of data.\n` : `PING ${target} (${ip}): 56 data bytes\n`;
  for (let seq = 0; seq < n && answered; seq++) {
    // Round trips of a local bridge or one node hop: tenths of a millisecond.
    const t = (crossNode ? 0.1 : 0.04) + ctx.cluster.rng.int(200) / 1000;
    times.push(t);
    if (!quiet) out += full ? `64 bytes from ${from}: icmp_seq=${seq + 1} ttl=${ttl} time=${t.toFixed(3)} ms\n` : `64 bytes from ${ip}: seq=${seq} ttl=${ttl} time=${t.toFixed(3)} ms\n`;
  }
  const received = times.length;
  const loss = Math.round(((n - received) / n) * 100);
  out += `\n--- ${shown} ping statistics ---\n`;
  if (full) out += `${n} packets transmitted, ${received} received, ${loss}% packet loss, time ${(n - 1) * 1000}ms\n`;
  else out += `${n} packets transmitted, ${received} packets received, ${loss}% packet loss\n`;
  if (received > 0) {
    const min = Math.min(...times);
    const max = Math.max(...times);
    const avg = times.reduce((a, b) => a + b, 0) / received;
    if (full) {
      const mdev = Math.sqrt(times.reduce((a, b) => a + (b - avg) ** 2, 0) / received);
      out += `rtt min/avg/max/mdev = ${min.toFixed(3)}/${avg.toFixed(3)}/${max.toFixed(3)}/${mdev.toFixed(3)} ms\n`;
    } else out += `round-trip min/avg/max = ${min.toFixed(3)}/${avg.toFixed(3)}/${max.toFixed(3)} ms\n`;
  }
  return { stdout: out, stderr: '', exitCode: received > 0 ? 0 : 1 };
}
