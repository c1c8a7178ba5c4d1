import { httpAnswer, logRequest } from '../connect/http-answer';
import { fail, type ToolContext, type ToolResult } from './tool';
import { openConnection, parseUrl } from './traffic';

const USAGE =
  'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n\nRetrieve files via HTTP or FTP\n';

/** BusyBox wget's progress line for a finished transfer. */
function progressLine(name: string, bytes: number): string {
  return `${name.padEnd(20).slice(0, 20)} 100% |********************************| ${String(bytes).padStart(5)}  0:00:00 ETA\n`;
}

/**
 * BusyBox wget: `-q`, `-O FILE` (`-O-` for stdout), `-T SEC`, `--spider`, `-S`.
 * Messages are BusyBox's. A file (-O FILE, or the URL's name) is handed to
 * the shell, which keeps it in the container; a file wget named itself
 * is never overwritten, as BusyBox opens it O_EXCL.
 */
export function wget(argv: string[], ctx: ToolContext): ToolResult {
  let quiet = false;
  let output: string | undefined;
  let timeoutSec: number | undefined;
  let spider = false;
  let serverResponse = false;
  let target: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--spider') spider = true;
    else if (a === '-O') output = argv[++i];
    else if (a.startsWith('-O')) output = a.slice(2);
    else if (a === '-T') timeoutSec = Number(argv[++i]);
    else if (a.startsWith('-T')) timeoutSec = Number(a.slice(2));
    else if (a.startsWith('--timeout=')) timeoutSec = Number(a.slice(10));
    else if (/^-[qS]+O?$/.test(a)) {
      quiet ||= a.includes('q');
      serverResponse ||= a.includes('S');
      if (a.endsWith('O')) output = argv[++i];
    } else if (/^-[qS]+O.+$/.test(a)) {
      quiet ||= a.includes('q');
      serverResponse ||= a.slice(0, a.indexOf('O')).includes('S');
      output = a.slice(a.indexOf('O') + 1);
    } else if (a.startsWith('-')) return fail(USAGE);
    else target = a;
  }
  if (!target) return fail(USAGE);
  const url = parseUrl(target);
  if (!url) return fail(`wget: bad address '${target}'\n`);
  const trace = openConnection(ctx, url.host, url.port, 'TCP');
  if (trace.outcome === 'error') return fail(`${trace.error}\n`);
  if (trace.outcome === 'nxdomain' || trace.outcome === 'dns-timeout') return fail(`wget: bad address '${url.authority}'\n`);
  const ip = trace.target.ip!;
  let stderr = quiet ? '' : `Connecting to ${url.authority} (${ip}:${url.port})\n`;
  if (trace.outcome === 'refused') return fail(`${stderr}wget: can't connect to remote host (${ip}): Connection refused\n`);
  if (trace.outcome === 'timeout') {
    if (timeoutSec !== undefined && Number.isFinite(timeoutSec) && timeoutSec > 0) return fail(`${stderr}wget: download timed out\n`);
    return fail(`${stderr}wget: can't connect to remote host (${ip}): Connection timed out\n`);
  }
  if (url.scheme === 'https') return fail(`${stderr}wget: HTTPS is not modelled in this simulated cluster\n`);
  // BusyBox sends the URL's host part as written, port included (`Host: web:8080`; even `web:80`).
  const request = { method: spider ? 'HEAD' : 'GET', path: url.path, host: url.authority, headers: [['User-Agent', 'Wget'], ['Connection', 'close']] as [string, string][] };
  const answer = httpAnswer(ctx.cluster, trace, request);
  if (answer.kind !== 'http') return fail(`${stderr}wget: error getting response: Connection reset by peer\n`);
  // BusyBox wget sends `User-Agent: Wget` (every image in the catalogue with wget has BusyBox's).
  logRequest(ctx.cluster, trace, request, answer, 'Wget');
  if (serverResponse) stderr += `  HTTP/1.1 ${answer.status} ${answer.reason}\n${answer.headers.map(([k, v]) => `  ${k}: ${v}\n`).join('')}`;
  if (answer.status >= 400) return fail(`${stderr}wget: server returned error: HTTP/1.1 ${answer.status} ${answer.reason}\n`);
  if (spider) return { stdout: '', stderr: quiet ? stderr : `${stderr}remote file exists\n`, exitCode: 0 };
  const toStdout = output === '-';
  const file = output ?? (url.path.split('?')[0]!.split('/').pop() || 'index.html');
  // A name wget chose itself is opened O_EXCL; only -O FILE may overwrite (wget.c: "compat with wget").
  if (output === undefined && ctx.fileExists?.(file)) return fail(`${stderr}wget: can't open '${file}': File exists\n`);
  const bytes = answer.body.length;
  if (!quiet) {
    stderr += toStdout ? 'writing to stdout\n' : `saving to '${file}'\n`;
    stderr += progressLine(toStdout ? '-' : file, bytes);
    stderr += toStdout ? 'written to stdout\n' : `'${file}' saved\n`;
  }
  if (toStdout) return { stdout: answer.body, stderr, exitCode: 0 };
  // The file goes into the container, which the shell keeps; /dev/null swallows it.
  return { stdout: '', stderr, exitCode: 0, ...(file === '/dev/null' ? {} : { writes: [{ path: file, text: answer.body }] }) };
}
