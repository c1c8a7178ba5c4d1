import { normaliseRepository } from '../../cluster/images/catalogue';

/**
 * The line a server writes to stdout for one HTTP request it answered, by
 * image, as `kubectl logs` shows it afterwards; undefined for images whose
 * request log is not modelled (or that log nothing per request).
 *
 * - nginx: its `main` log_format (the official image logs to stdout).
 * - httpd: the `common` LogFormat `%h %l %u %t "%r" %>s %b` (the official
 *   image sends logs/access_log to stdout); `%b` is `-` for an empty body.
 * - hashicorp/http-echo: its own `httpLog` line, `DATE HOST REMOTEADDR
 *   "METHOD PATH PROTO" STATUS LENGTH "USER-AGENT" DURATION`, for every path
 *   but /health.
 * - agnhost netexec: each handler's `log.Printf("GET /…")` through klog,
 *   whatever the method.
 */
export interface AccessLogEntry {
  image: string;
  /** The container's command and args (agnhost logs only as netexec). */
  argv: readonly string[];
  /** Virtual time of the request, ms since the epoch. */
  now: number;
  /** The client as the server sees it (after any SNAT), and its port. */
  client: string;
  clientPort: number;
  method: string;
  /** Path with query string. */
  path: string;
  host: string;
  status: number;
  bodyBytes: number;
  userAgent: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** Apache's and nginx's `%t` / `$time_local` in a UTC container: `05/Jan/2026:09:00:12 +0000`. */
export function clfTime(ms: number): string {
  const d = new Date(ms);
  return `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

/** Go's standard log prefix `2006/01/02 15:04:05`. */
export function goLogTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10).replace(/-/g, '/')} ${iso.slice(11, 19)}`;
}

/** klog's header for an info line from the standard log bridge: `I0911 09:19:26.677397       1 log.go:195] `. */
export function klogPrefix(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `I${iso.slice(5, 7)}${iso.slice(8, 10)} ${iso.slice(11, 23)}000       1 log.go:195] `;
}

/** Go's r.FormValue: the first value of a query parameter, decoded; empty when absent. */
function formValue(query: string, name: string): string {
  for (const part of query.split('&')) {
    const eq = part.indexOf('=');
    const key = eq === -1 ? part : part.slice(0, eq);
    if (key !== name) continue;
    const value = eq === -1 ? '' : part.slice(eq + 1).replaceAll('+', ' ');
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return '';
}

/** What each agnhost netexec handler logs for a path (`/` also catches unknown paths). */
function netexecLine(path: string): string {
  const [route = '/', query = ''] = path.split('?', 2);
  switch (route) {
    case '/echo':
      return `GET /echo?msg=${formValue(query, 'msg')}&code=${formValue(query, 'code')}`;
    case '/clientip':
    case '/hostname':
    case '/hostName':
    case '/healthz':
    case '/shutdown':
    case '/upload':
      return `GET ${route}`;
    default:
      return 'GET /';
  }
}

export function accessLogLine(e: AccessLogEntry): string | undefined {
  const repo = normaliseRepository(e.image);
  if (repo === 'docker.io/library/nginx') {
    return `${e.client} - - [${clfTime(e.now)}] "${e.method} ${e.path} HTTP/1.1" ${e.status} ${e.bodyBytes} "-" "${e.userAgent}" "-"`;
  }
  if (repo === 'docker.io/library/httpd') {
    return `${e.client} - - [${clfTime(e.now)}] "${e.method} ${e.path} HTTP/1.1" ${e.status} ${e.bodyBytes === 0 ? '-' : e.bodyBytes}`;
  }
  if (repo === 'docker.io/hashicorp/http-echo') {
    const urlPath = e.path.split('?', 1)[0]!;
    if (urlPath === '/health') return undefined;
    // The handler's own duration varies per request; one plausible figure keeps transcripts replayable.
    return `${goLogTime(e.now)} ${e.host} ${e.client}:${e.clientPort} "${e.method} ${urlPath} HTTP/1.1" ${e.status} ${e.bodyBytes} "${e.userAgent}" 21.417µs`;
  }
  if (repo === 'registry.k8s.io/e2e-test-images/agnhost' && e.argv.includes('netexec')) return `${klogPrefix(e.now)}${netexecLine(e.path)}`;
  return undefined;
}
