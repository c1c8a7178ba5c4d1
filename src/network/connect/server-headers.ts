import { utf8Length } from './utf8';

/**
 * The headers each server sends, in its own order. Beyond Date,
 * Content-Length and Content-Type they are per image. A static file
 * (a route with `lastModified`) adds Last-Modified, ETag and Accept-Ranges,
 * as nginx's static module and httpd's core handler do.
 */
export interface ServedBody {
  body: string;
  status: number;
  /** The file's mtime in ms since the epoch, when the body is a static file. */
  mtime?: number;
  /** The client asked to close the connection (`Connection: close`, as BusyBox wget sends). */
  close: boolean;
}

export function serverHeaders(repo: string, image: string, now: number, served: ServedBody): [string, string][] {
  const date = new Date(now).toUTCString();
  const length = String(utf8Length(served.body));
  const { mtime } = served;
  if (repo === 'docker.io/library/nginx') {
    const tag = /:(\d+\.\d+\.\d+)$/.exec(image)?.[1] ?? '1.27.5';
    // ngx_http_header_filter: Last-Modified before Connection; ETag and Accept-Ranges are added after by later filters.
    const h: [string, string][] = [['Server', `nginx/${tag}`], ['Date', date], ['Content-Type', 'text/html'], ['Content-Length', length]];
    if (mtime !== undefined) h.push(['Last-Modified', new Date(mtime).toUTCString()]);
    h.push(['Connection', served.close ? 'close' : 'keep-alive']);
    if (mtime !== undefined) h.push(['ETag', nginxETag(mtime, utf8Length(served.body))], ['Accept-Ranges', 'bytes']);
    return h;
  }
  // echoserver's nginx.conf sets `Server: echoserver`; nginx adds the rest (order uncertain).
  if (repo === 'registry.k8s.io/echoserver') return [['Date', date], ['Content-Type', 'text/plain'], ['Transfer-Encoding', 'chunked'], ['Connection', 'keep-alive'], ['Server', 'echoserver']];
  if (repo === 'docker.io/library/httpd') {
    const h: [string, string][] = [['Date', date], ['Server', 'Apache/2.4.65 (Unix)']];
    if (mtime !== undefined) h.push(['Last-Modified', new Date(mtime).toUTCString()], ['ETag', httpdETag(mtime, utf8Length(served.body))], ['Accept-Ranges', 'bytes']);
    // httpd's own error pages are sent as Latin-1 (ap_send_error_response).
    h.push(['Content-Length', length], ['Content-Type', served.status >= 400 ? 'text/html; charset=iso-8859-1' : 'text/html']);
    if (served.close) h.splice(h.length - 1, 0, ['Connection', 'close']);
    return h;
  }
  if (repo === 'docker.io/hashicorp/http-echo') {
    return [['X-App-Name', 'http-echo'], ['X-App-Version', '1.0.0'], ['Date', date], ['Content-Length', length], ['Content-Type', 'text/plain; charset=utf-8']];
  }
  return [['Date', date], ['Content-Length', length], ['Content-Type', 'text/plain; charset=utf-8']];
}

/** nginx's ETag: `"MTIME-SIZE"`, both in hex, mtime in seconds (ngx_http_set_etag). */
export function nginxETag(mtime: number, size: number): string {
  return `"${Math.floor(mtime / 1000).toString(16)}-${size.toString(16)}"`;
}

/** httpd's default ETag (FileETag MTime Size): `"SIZE-MTIME"` in hex, mtime in microseconds (ap_make_etag). */
export function httpdETag(mtime: number, size: number): string {
  return `"${size.toString(16)}-${(mtime * 1000).toString(16)}"`;
}
