import type { Cluster } from '../../cluster/cluster';
import { imageVars, normaliseRepository } from '../../cluster/images/catalogue';
import { accessLogLine } from './access-log';
import type { ConnectionTrace } from './connect';
import { podHostname } from './hosts-file';
import { serverHeaders } from './server-headers';
import { utf8Length } from './utf8';

/**
 * What the program behind a socket answers to an HTTP request: the route
 * from the image catalogue, with its placeholders filled per request
 * (HOSTNAME, CLIENTIP, ECHO, NOW, ECHOSERVER as the whole body; `{{NAME}}`
 * inside one: HOSTNAME, CLIENTIP and the image's vars), and the headers that
 * server sends.
 */

export interface HttpRequest {
  method: string;
  /** Path with query string: `/echo?msg=hi`. */
  path: string;
  host: string;
  /** The other headers the client sends (Host aside), as it spells them; for servers that echo them. */
  headers?: [string, string][];
}

export interface HttpResponse {
  kind: 'http';
  status: number;
  reason: string;
  headers: [string, string][];
  body: string;
}

/** The socket answered, but not in HTTP: nothing at all, or bytes without a status line. */
export type NonHttpAnswer = { kind: 'empty' } | { kind: 'http09'; body: string };

const REASONS: Record<number, string> = { 200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error', 503: 'Service Unavailable' };

export function httpAnswer(cluster: Cluster, trace: ConnectionTrace, request: HttpRequest): HttpResponse | NonHttpAnswer {
  const listener = trace.listener;
  const dest = trace.destination;
  const pod = dest?.kind === 'pod' ? dest.pod : dest?.pod;
  const container = pod?.spec.containers.find((c) => c.name === listener?.container);
  const image = container?.image ?? '';
  if (!listener?.http) return /redis/.test(image) ? { kind: 'http09', body: "-ERR wrong number of arguments for 'get' command\r\n" } : { kind: 'empty' };
  const [path, query = ''] = request.path.split('?', 2) as [string, string?];
  const route = listener.http[path] ?? listener.http['*'];
  const status = route?.status ?? 404;
  let body = route?.body ?? '';
  const argv = [...(container?.command ?? []), ...(container?.args ?? [])];
  const repo = normaliseRepository(image);
  if (body === 'HOSTNAME') body = pod ? podHostname(pod) : '';
  else if (body === 'CLIENTIP') body = `${trace.sourceSeen}:${trace.sourcePort ?? 0}`;
  else if (body === 'NOW') body = `NOW: ${goTimeString(cluster.clock.now(), startedAt(pod, container?.name))}`;
  else if (body === 'ECHO') body = repo.endsWith('/http-echo') ? `${flagValue(argv, '-text') ?? ''}\n` : queryParam(query, 'msg');
  else if (body === 'ECHOSERVER') body = echoserverBody(pod ? podHostname(pod) : 'N/A', trace, request, query, listener.port);
  else if (body.includes('{{')) {
    const spec = cluster.catalogue.lookup(image);
    const vars: Record<string, string> = { ...(spec ? imageVars(spec, image) : {}), HOSTNAME: pod ? podHostname(pod) : '', CLIENTIP: trace.sourceSeen ?? '' };
    body = body.replace(/\{\{([A-Z_]+)\}\}/g, (m, name: string) => vars[name] ?? m);
  }
  const close = request.headers?.some(([k, v]) => k.toLowerCase() === 'connection' && v.toLowerCase() === 'close') ?? false;
  const mtime = route?.lastModified === undefined ? undefined : Date.parse(route.lastModified);
  const headers = serverHeaders(repo, image, cluster.clock.now(), { body, status, mtime, close });
  return { kind: 'http', status, reason: REASONS[status] ?? '', headers, body: request.method === 'HEAD' ? '' : body };
}

/**
 * What registry.k8s.io/echoserver:1.10 answers: its nginx.conf's Lua template
 * (kubernetes/kubernetes test/images/echoserver), rendered as the docs and
 * minikube's hello-minikube show it (nginx 1.13.3, lua 10008). No POD_NAME
 * env is read here, so "Pod Information" is always the no-information line.
 */
function echoserverBody(hostname: string, trace: ConnectionTrace, request: HttpRequest, query: string, port: number): string {
  const headers = new Map<string, string>([['host', request.host]]);
  for (const [k, v] of request.headers ?? []) headers.set(k.toLowerCase(), v);
  const lines = [...headers.keys()].sort().map((k) => `\t${k}=${headers.get(k)}  \n`).join('');
  const host = request.host.replace(/:\d+$/, '');
  return (
    `\nHostname: ${hostname}\n\nPod Information:\n\t-no pod information available-\n\nServer values:\n\tserver_version=nginx: 1.13.3 - lua: 10008\n\n` +
    `Request Information:\n\tclient_address=${trace.sourceSeen ?? ''}\n\tmethod=${request.method}\n\treal path=${request.path}\n\tquery=${query}\n\trequest_version=1.1\n\trequest_scheme=http\n\trequest_uri=http://${host}:${port}${request.path}\n\n` +
    `Request Headers:\n${lines}\nRequest Body:\n\t-no body in request-\n\n`
  );
}

function flagValue(argv: string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === flag || a === `-${flag}`) return argv[i + 1];
    if (a.startsWith(`${flag}=`)) return a.slice(flag.length + 1);
    if (a.startsWith(`-${flag}=`)) return a.slice(flag.length + 2);
  }
  return undefined;
}

function queryParam(query: string, name: string): string {
  for (const part of query.split('&')) {
    const [k, v = ''] = part.split('=', 2) as [string, string?];
    if (k === name) {
      try {
        return decodeURIComponent(v.replaceAll('+', ' '));
      } catch {
        return v;
      }
    }
  }
  return '';
}

function startedAt(pod: { status?: { containerStatuses?: { name: string; state: object }[] } } | undefined, container: string | undefined): number | undefined {
  const state = pod?.status?.containerStatuses?.find((s) => s.name === container)?.state as { running?: { startedAt: string } } | undefined;
  return state?.running ? Date.parse(state.running.startedAt) : undefined;
}

/** Go's time.Time.String() of time.Now(): `2026-01-05 09:10:00.000000000 +0000 UTC m=+600.000000001`. */
function goTimeString(now: number, started: number | undefined): string {
  const iso = new Date(now).toISOString();
  const text = `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${iso.slice(20, 23)}000000 +0000 UTC`;
  if (started === undefined) return text;
  return `${text} m=+${((now - started) / 1000).toFixed(9)}`;
}

/**
 * The answering server's access log: one line per request it answered, in
 * the image's own format (access-log.ts), which `kubectl logs` then shows.
 */
export function logRequest(cluster: Cluster, trace: ConnectionTrace, request: HttpRequest, answer: HttpResponse, userAgent: string): void {
  const dest = trace.destination;
  const pod = dest?.kind === 'pod' ? dest.pod : dest?.pod;
  const container = pod?.spec.containers.find((c) => c.name === trace.listener?.container);
  if (!pod || !container) return;
  const line = accessLogLine({
    image: container.image ?? '',
    argv: [...(container.command ?? []), ...(container.args ?? [])],
    now: cluster.clock.now(),
    client: trace.sourceSeen ?? '',
    clientPort: trace.sourcePort ?? 0,
    method: request.method,
    path: request.path,
    host: request.host,
    status: answer.status,
    bodyBytes: utf8Length(answer.body),
    userAgent,
  });
  if (line !== undefined) cluster.appendContainerLog(pod.metadata.uid, container.name, line);
}
