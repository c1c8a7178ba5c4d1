import { httpAnswer, logRequest } from '../connect/http-answer';
import { utf8Length } from '../connect/utf8';
import { DNS_TIMEOUT_MS } from '../dns/resolver';
import { meterDone, meterFailed } from './curl-progress';
import { fail, type ToolContext, type ToolResult } from './tool';
import { KERNEL_CONNECT_TIMEOUT_MS, openConnection, parseUrl } from './traffic';

/** The curl the tool images ship (curl 8.x); -v lines follow that version. */
const CURL_VERSION = '8.14.1';

interface CurlOptions {
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  head: boolean;
  /** -i: the response headers before the body. */
  include: boolean;
  failOnError: boolean;
  output?: string;
  maxTimeMs?: number;
  connectTimeoutMs?: number;
  method?: string;
  url?: string;
  writeOut?: string;
}

function parseSeconds(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d+(\.\d+)?$/.test(text)) return undefined;
  return Math.round(Number(text) * 1000);
}

function parseArgs(argv: string[]): CurlOptions | string {
  const o: CurlOptions = { silent: false, showError: false, verbose: false, head: false, include: false, failOnError: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => argv[++i];
    if (a === '--silent') o.silent = true;
    else if (a === '--show-error') o.showError = true;
    else if (a === '--verbose') o.verbose = true;
    else if (a === '--head') o.head = true;
    else if (a === '--include') o.include = true;
    else if (a === '--fail') o.failOnError = true;
    else if (a === '--output') o.output = value();
    else if (a === '--max-time') o.maxTimeMs = parseSeconds(value());
    else if (a === '--connect-timeout') o.connectTimeoutMs = parseSeconds(value());
    else if (a === '--request') o.method = value();
    else if (a === '--write-out') o.writeOut = value();
    else if (a === '--header' || a === '--user-agent' || a === '--data') value();
    else if (a.startsWith('--')) continue;
    else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j]!;
        const rest = a.slice(j + 1);
        const take = () => (rest !== '' ? rest : value());
        if (f === 's') o.silent = true;
        else if (f === 'S') o.showError = true;
        else if (f === 'v') o.verbose = true;
        else if (f === 'I') o.head = true;
        else if (f === 'i') o.include = true;
        else if (f === 'f') o.failOnError = true;
        else if ('omXHAdw'.includes(f)) {
          const v = take();
          if (f === 'o') o.output = v;
          else if (f === 'm') o.maxTimeMs = parseSeconds(v);
          else if (f === 'X') o.method = v;
          else if (f === 'w') o.writeOut = v;
          break;
        } else if ('LkN'.includes(f)) continue;
        else return `curl: option -${f}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`;
      }
    } else o.url = a;
  }
  return o;
}

/**
 * curl: an HTTP request over the simulated network. Exit codes and error
 * texts are curl 8's (6, 7, 28, 22, 52). The progress meter goes to stderr
 * when standard output is not a terminal (`kubectl exec` without -t, a
 * pipe) or the body goes to a file, unless -s. HTTPS is not modelled.
 */
export function curl(argv: string[], ctx: ToolContext): ToolResult {
  const o = parseArgs(argv);
  if (typeof o === 'string') return fail(o, 2);
  const result = request(o, ctx);
  if (o.writeOut === undefined || result.exitCode === 2 || result.exitCode === 3) return result.result;
  return { ...result.result, stdout: result.result.stdout + writeOut(o.writeOut, result) };
}

interface Outcome {
  result: ToolResult;
  exitCode: number;
  httpCode: number;
  remoteIP: string;
  remotePort: number;
}

/** -w: the variables lessons use; `\n` and `\t` as curl expands them. Timings are not modelled (0). */
function writeOut(format: string, r: Outcome): string {
  const vars: Record<string, string> = {
    http_code: String(r.httpCode).padStart(3, '0'),
    response_code: String(r.httpCode).padStart(3, '0'),
    remote_ip: r.remoteIP,
    remote_port: r.remotePort ? String(r.remotePort) : '0',
    exitcode: String(r.exitCode),
    time_total: '0.000000',
    time_connect: '0.000000',
  };
  return format
    .replace(/%\{(\w+)\}/g, (m, name: string) => vars[name] ?? m)
    .replaceAll('\\n', '\n')
    .replaceAll('\\t', '\t');
}

function request(o: CurlOptions, ctx: ToolContext): Outcome {
  let httpCode = 0;
  let remoteIP = '';
  let remotePort = 0;
  const done = (result: ToolResult): Outcome => ({ result, exitCode: result.exitCode, httpCode, remoteIP, remotePort });
  const r = requestInner(o, ctx, (code, ip, port) => {
    httpCode = code;
    remoteIP = ip;
    remotePort = port;
  });
  return done(r);
}

function requestInner(o: CurlOptions, ctx: ToolContext, note: (code: number, ip: string, port: number) => void): ToolResult {
  if (!o.url) return fail("curl: no URL specified\ncurl: try 'curl --help' or 'curl --manual' for more information\n", 2);
  const url = parseUrl(o.url);
  if (!url) return fail(`curl: (3) URL rejected: Malformed input to a URL function\n`, 3);
  const quietErrors = o.silent && !o.showError;
  // The progress meter: not with -s, nor when the body goes to a terminal (-v is left without it here).
  const meter = !o.silent && !o.verbose && ((o.output !== undefined && o.output !== '-') || ctx.stdoutIsTerminal === false);
  const error = (code: number, text: string, verbose = '', waitedMs = 0): ToolResult => ({
    stdout: '',
    stderr: (meter ? meterFailed(waitedMs) : '') + verbose + (quietErrors ? '' : `curl: (${code}) ${text}\n`),
    exitCode: code,
  });
  const limit = Math.min(o.maxTimeMs ?? Infinity, o.connectTimeoutMs ?? Infinity);
  const trace = openConnection(ctx, url.host, url.port, 'TCP');
  if (trace.outcome === 'error') return fail(`${trace.error}\n`, 1);
  if (trace.outcome === 'nxdomain' || trace.outcome === 'dns-timeout') {
    const waited = trace.dns?.waitedMs ?? DNS_TIMEOUT_MS;
    if (trace.outcome === 'dns-timeout' && limit < waited) return error(28, `Resolving timed out after ${limit} milliseconds`, '', limit);
    return error(6, `Could not resolve host: ${url.host}`, o.verbose ? `* Could not resolve host: ${url.host}\n* shutting down connection #0\n` : '', trace.outcome === 'dns-timeout' ? waited : 0);
  }
  const ip = trace.target.ip!;
  note(0, ip, url.port);
  let v = o.verbose ? `* Host ${url.host}:${url.port} was resolved.\n* IPv6: (none)\n* IPv4: ${ip}\n*   Trying ${ip}:${url.port}...\n` : '';
  if (trace.outcome === 'refused') {
    const text = `Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server`;
    if (o.verbose) v += `* connect to ${ip} port ${url.port} from ${trace.from.ip} port ${trace.sourcePort} failed: Connection refused\n* ${text}\n* closing connection #0\n`;
    return error(7, text, v);
  }
  if (trace.outcome === 'timeout') {
    // Timers fire a millisecond or so after the limit.
    const after = Number.isFinite(limit) ? limit + 1 : KERNEL_CONNECT_TIMEOUT_MS;
    // -m / --connect-timeout expire in multi.c's timeout check while connecting; without them the kernel gives up.
    const text = Number.isFinite(limit)
      ? `Connection timed out after ${after} milliseconds`
      : `Failed to connect to ${url.host} port ${url.port} after ${after} ms: Timeout was reached`;
    if (o.verbose) v += `* ${text}\n* closing connection #0\n`;
    return error(28, text, v, after);
  }
  if (o.verbose) v += `* Connected to ${url.host} (${ip}) port ${url.port}\n`;
  if (url.scheme === 'https') return { stdout: '', stderr: `${v}curl: HTTPS is not modelled in this simulated cluster\n`, exitCode: 1 };
  const method = o.method ?? (o.head ? 'HEAD' : 'GET');
  const hostHeader = url.port === 80 ? url.host : `${url.host}:${url.port}`;
  if (o.verbose) v += `* using HTTP/1.x\n> ${method} ${url.path} HTTP/1.1\n> Host: ${hostHeader}\n> User-Agent: curl/${CURL_VERSION}\n> Accept: */*\n> \n* Request completely sent off\n`;
  const answer = httpAnswer(ctx.cluster, trace, { method, path: url.path, host: hostHeader, headers: [['Accept', '*/*'], ['User-Agent', `curl/${CURL_VERSION}`]] });
  if (answer.kind === 'empty') return error(52, 'Empty reply from server', o.verbose ? `${v}* Empty reply from server\n* shutting down connection #0\n` : '');
  if (answer.kind === 'http09') return error(1, 'Received HTTP/0.9 when not allowed', o.verbose ? `${v}* Received HTTP/0.9 when not allowed\n* closing connection #0\n` : '');
  note(answer.status, ip, url.port);
  logRequest(ctx.cluster, trace, { method, path: url.path, host: hostHeader }, answer, `curl/${CURL_VERSION}`);
  const statusLine = `HTTP/1.1 ${answer.status} ${answer.reason}`;
  const headerText = `${statusLine}\r\n${answer.headers.map(([k, val]) => `${k}: ${val}\r\n`).join('')}\r\n`;
  if (o.verbose) v += `< ${statusLine}\r\n${answer.headers.map(([k, val]) => `< ${k}: ${val}\r\n`).join('')}< \r\n`;
  if (o.failOnError && answer.status >= 400) {
    return error(22, `The requested URL returned error: ${answer.status}`, o.verbose ? `${v}* The requested URL returned error: ${answer.status}\n* closing connection #0\n` : '');
  }
  if (o.verbose) v += `* Connection #0 to host ${url.host} left intact\n`;
  const body = o.head ? headerText : o.include ? headerText + answer.body : answer.body;
  if (meter) v += meterDone(Number(answer.headers.find(([k]) => k === 'Content-Length')?.[1] ?? 0), o.head ? 0 : utf8Length(answer.body), 1 + ctx.cluster.rng.int(3));
  if (o.output === undefined || o.output === '-') return { stdout: body, stderr: v, exitCode: 0 };
  // -o FILE: the body goes to the container's file, which the shell keeps; /dev/null swallows it.
  return { stdout: '', stderr: v, exitCode: 0, ...(o.output === '/dev/null' ? {} : { writes: [{ path: o.output, text: body }] }) };
}
