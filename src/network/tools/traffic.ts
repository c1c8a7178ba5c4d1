import { connect, type ConnectionTrace } from '../connect/connect';
import type { Protocol } from '../connect/service-router';
import { libcOf, type ToolContext } from './tool';

/** One connection from where the tool runs, with the image's C library walking the search list. */
export function openConnection(ctx: ToolContext, host: string, port: number | undefined, protocol: Protocol): ConnectionTrace {
  return connect(
    ctx.cluster,
    { from: ctx.from, target: host, protocol, libc: libcOf(ctx.image), ...(port !== undefined ? { port } : {}) },
    ctx.router ? { router: ctx.router } : {},
  );
}

/** Linux gives up on an unanswered SYN after about 127-135 s (tcp_syn_retries=6). */
export const KERNEL_CONNECT_TIMEOUT_MS = 133_000;

export interface ParsedUrl {
  scheme: 'http' | 'https';
  host: string;
  /** The host as the URL writes it, with its port when it names one: `web:8080` (what BusyBox wget sends as Host). */
  authority: string;
  port: number;
  path: string;
}

/** `http://host:port/path`, `host/path`, `host:port`: what curl and wget accept, scheme defaulting to http. */
export function parseUrl(text: string): ParsedUrl | undefined {
  const m = /^(?:(https?):\/\/)?([^/:?#\s]+)(?::(\d+))?([/?][^\s#]*)?(?:#.*)?$/i.exec(text);
  if (!m) return undefined;
  const scheme = (m[1]?.toLowerCase() ?? 'http') as 'http' | 'https';
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  if (!Number.isInteger(port) || port < 1 || port > 65535) return undefined;
  let path = m[4] ?? '/';
  if (path.startsWith('?')) path = `/${path}`;
  return { scheme, host: m[2]!, authority: m[3] ? `${m[2]!}:${m[3]}` : m[2]!, port, path };
}
