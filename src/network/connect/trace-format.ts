import type { Cluster } from '../../cluster/cluster';
import { connect, type ConnectionTrace } from './connect';
import { httpAnswer } from './http-answer';
import type { Origin } from './origin';
import type { Protocol, ServiceRouter } from './service-router';

/**
 * `podlab trace FROM TARGET[:PORT]`: a connection's story as an indented
 * list of hops: the DNS questions and answers, the node whose rules
 * matched, DNAT, the route across nodes, and what answered.
 */
/** With the cluster, an answered HTTP port also shows what `GET /` returns. */
export function formatTrace(trace: ConnectionTrace, cluster?: Cluster): string {
  const t = trace.target;
  const what = `${t.input}${t.port !== undefined ? `:${t.port}` : ''}/${t.protocol}`;
  let out = `trace from ${trace.from.label} to ${what}\n`;
  if (trace.outcome === 'error') return `${out}  error: ${trace.error}\n`;
  out += `  source ${trace.from.ip}${trace.from.node ? ` on node ${trace.from.node}` : ''}\n`;
  if (trace.dns) {
    const d = trace.dns;
    out += `  DNS lookup of ${d.input}${d.fromHostsFile ? ' (answered by /etc/hosts)' : ''}${trace.dnsAnsweredBy ? `, answered by ${trace.dnsAnsweredBy}` : ''}\n`;
    for (const q of d.queries) {
      const answer = !q.reply ? 'no answer (timed out)' : q.reply.rcode !== 'NOERROR' ? q.reply.rcode : q.reply.answers.length === 0 ? 'NOERROR, no records' : q.reply.answers.map((a) => `${a.type} ${a.data}`).join(', ');
      out += `    ${q.name} ${q.type} @${q.server}: ${answer}\n`;
    }
  }
  if (trace.outcome === 'nxdomain') return `${out}  result: ${t.input} does not resolve (NXDOMAIN)\n`;
  if (trace.outcome === 'dns-timeout') return `${out}  result: DNS timed out: no server answered\n`;
  out += `  connect to ${t.ip}${t.port !== undefined ? `:${t.port}` : ''}/${t.protocol}${trace.sourcePort ? ` from port ${trace.sourcePort}` : ''}\n`;
  if (trace.rulesNode) out += `  Service rules matched on node ${trace.rulesNode}\n`;
  for (const h of trace.hops) out += `    ${h.node ? `[${h.node}] ` : ''}${h.text}\n`;
  if (trace.dnat) out += `  DNAT ${t.ip}:${t.port} -> ${trace.dnat.ip}:${trace.dnat.port}\n`;
  if (trace.outcome === 'answered') {
    const d = trace.destination!;
    const who = d.kind === 'pod' ? `pod ${d.namespace}/${d.name} on node ${d.node}` : `node ${d.name}${d.pod ? ` (host-network pod ${d.pod.metadata.namespace}/${d.pod.metadata.name})` : ''}`;
    const l = trace.listener;
    out += `  result: answered by ${who}${l ? `, container ${l.container} listening on ${l.port}/${l.protocol}` : ''}\n`;
    if (t.protocol !== 'ICMP') out += `  the destination sees the client as ${trace.sourceSeen}\n`;
    if (cluster && l?.http) {
      const a = httpAnswer(cluster, trace, { method: 'GET', path: '/', host: t.input });
      if (a.kind === 'http') out += `  GET / answers ${a.status} ${a.reason}: ${firstLine(a.body)}\n`;
    }
    return out;
  }
  const result = trace.outcome === 'refused' ? (t.protocol === 'TCP' ? 'connection refused' : 'port unreachable') : 'timed out (no reply)';
  return `${out}  result: ${result}${trace.reason ? `: ${trace.reason}` : ''}\n`;
}

const USAGE = 'Usage: podlab trace [-n NAMESPACE] [--udp|--icmp] FROM TARGET[:PORT]\n  FROM: POD, pod/POD, NAMESPACE/POD, node/NODE or outside\n';

/** Parses `FROM TARGET[:PORT]` and renders the trace; the CLI and the shell call this. */
export function runTrace(argv: string[], cluster: Cluster, router?: ServiceRouter): { stdout: string; stderr: string; exitCode: number } {
  return traceConnection(argv, cluster, router).io;
}

/**
 * runTrace, with the connection it followed (absent when the arguments were
 * refused or the origin does not exist): the lesson's cluster map draws it.
 */
export function traceConnection(argv: string[], cluster: Cluster, router?: ServiceRouter): { io: { stdout: string; stderr: string; exitCode: number }; trace?: ConnectionTrace } {
  const refuse = (stderr: string) => ({ io: { stdout: '', stderr, exitCode: 1 } });
  let namespace = 'default';
  let protocol: Protocol = 'TCP';
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-n' || a === '--namespace') namespace = argv[++i] ?? namespace;
    else if (a.startsWith('--namespace=')) namespace = a.slice(12);
    else if (a === '--udp') protocol = 'UDP';
    else if (a === '--icmp') protocol = 'ICMP';
    else if (a.startsWith('-')) return refuse(`error: unknown flag: ${a}\n${USAGE}`);
    else args.push(a);
  }
  if (args.length !== 2) return refuse(USAGE);
  const [fromText, targetText] = args as [string, string];
  const from = parseOrigin(fromText, namespace);
  const m = /^([^\s:]+)(?::(\d+))?$/.exec(targetText);
  if (!m) return refuse(`error: invalid target ${JSON.stringify(targetText)}\n${USAGE}`);
  const port = m[2] !== undefined ? Number(m[2]) : protocol === 'ICMP' ? undefined : 80;
  if (port !== undefined && (port < 1 || port > 65535)) return refuse(`error: invalid port ${m[2]}\n`);
  const trace = connect(cluster, { from, target: m[1]!, protocol, ...(port !== undefined && protocol !== 'ICMP' ? { port } : {}) }, router ? { router } : {});
  const text = formatTrace(trace, cluster);
  if (trace.outcome === 'error') return refuse(text);
  return { io: { stdout: text, stderr: '', exitCode: trace.outcome === 'answered' ? 0 : 1 }, trace };
}

function parseOrigin(text: string, namespace: string): Origin {
  if (text === 'outside') return { kind: 'outside' };
  if (text.startsWith('node/')) return { kind: 'node', name: text.slice(5) };
  if (text.startsWith('pod/')) return { kind: 'pod', namespace, name: text.slice(4) };
  const slash = text.indexOf('/');
  if (slash !== -1) return { kind: 'pod', namespace: text.slice(0, slash), name: text.slice(slash + 1) };
  return { kind: 'pod', namespace, name: text };
}


function firstLine(body: string): string {
  const line = body.split('\n').find((l) => l.trim() !== '') ?? '';
  return line.length > 60 ? `${line.slice(0, 57)}...` : line || '(empty body)';
}
