import type { Cluster } from '../../cluster/cluster';
import { normaliseRepository } from '../../cluster/images/catalogue';
import { accessLogLine } from './access-log';
import type { ConnectionTrace } from './connect';
import { podHostname } from './hosts-file';

/**
 * What the program behind a socket answers to an HTTP request: the route
 * from the image catalogue, with its placeholders filled per request
 * (HOSTNAME, CLIENTIP, ECHO, NOW), and the headers that server sends.
 */

export interface HttpRequest {
  method: string;
  /** Path with query string: `/echo?msg=hi`. */
  path: string;
  host: string;
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
  const headers = serverHeaders(repo, image, cluster.clock.now(), body, status);
  return { kind: 'http', status, reason: REASONS[status] ?? '', headers, body: request.method === 'HEAD' ? '' : body };
}

/** The headers each server sends; beyond Date, Content-Length and Content-Type they are per image (uncertain in detail). */
function serverHeaders(repo: string, image: string, now: number, body: string, status: number): [string, string][] {
  const date = new Date(now).toUTCString();
  const length = String(utf8Length(body));
  if (repo === 'docker.io/library/nginx') {
    const tag = /:(\d+\.\d+\.\d+)$/.exec(image)?.[1] ?? '1.27.5';
    return [['Server', `nginx/${tag}`], ['Date', date], ['Content-Type', 'text/html'], ['Content-Length', length], ['Connection', 'keep-alive']];
  }
  if (repo === 'docker.io/library/httpd') return [['Date', date], ['Server', 'Apache/2.4.65 (Unix)'], ['Content-Length', length], ['Content-Type', 'text/html']];
  if (repo === 'docker.io/hashicorp/http-echo') {
    return [['X-App-Name', 'http-echo'], ['X-App-Version', '1.0.0'], ['Date', date], ['Content-Length', length], ['Content-Type', 'text/plain; charset=utf-8']];
  }
  void status;
  return [['Date', date], ['Content-Length', length], ['Content-Type', 'text/plain; charset=utf-8']];
}

/** Bytes of a string in UTF-8, without TextEncoder (not in the core's lib). */
export function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
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
