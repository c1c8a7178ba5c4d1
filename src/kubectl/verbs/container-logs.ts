/**
 * What a container wrote to stdout/stderr at start, by image: the first
 * lines a learner sees with `kubectl logs`. The lines it writes while
 * serving (nginx's access log) are recorded by the cluster as requests
 * reach it (src/network/connect/http-answer.ts) and follow these.
 */

/** Go-style `2006/01/02 15:04:05` from an RFC 3339 timestamp, as nginx writes its error log. */
function nginxTime(rfc3339: string): string {
  return rfc3339.replace('T', ' ').replace('Z', '').replace(/-/g, '/').slice(0, 19);
}

/**
 * The version an nginx tag runs. Uncertain: patch releases are the latest
 * we know of for each line; `latest` and unknown tags print the mainline one.
 */
function nginxVersion(image: string): string {
  const tag = /:(\d+)\.(\d+)(?:\.(\d+))?/.exec(image.split('@')[0]!.slice(image.lastIndexOf('/') + 1));
  if (!tag) return '1.29.3';
  if (tag[3] !== undefined) return `${tag[1]}.${tag[2]}.${tag[3]}`;
  const known: Record<string, string> = { '1.25': '1.25.5', '1.26': '1.26.3', '1.27': '1.27.5', '1.28': '1.28.0', '1.29': '1.29.3' };
  return known[`${tag[1]}.${tag[2]}`] ?? `${tag[1]}.${tag[2]}.0`;
}

/** The official nginx image's entrypoint and master process at start, one worker per CPU. */
function nginxStartup(image: string, startedAt: string, cpus: number, kernel: string): string[] {
  const t = nginxTime(startedAt);
  const notice = (text: string) => `${t} [notice] 1#1: ${text}`;
  return [
    '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
    '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
    '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
    '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
    notice('using the "epoll" event method'),
    notice(`nginx/${nginxVersion(image)}`),
    // nginx prints the compiler line with a trailing space.
    notice('built by gcc 12.2.0 (Debian 12.2.0-14) '),
    notice(`OS: Linux ${kernel}`),
    notice('getrlimit(RLIMIT_NOFILE): 1048576:1048576'),
    notice('start worker processes'),
    ...Array.from({ length: cpus }, (_, i) => notice(`start worker process ${29 + i}`)),
  ];
}

export interface LogSource {
  image: string;
  /** When the container's current run started. */
  startedAt: string;
  /** The node's CPU count and kernel, which nginx reports. */
  cpus: number;
  kernel: string;
}

/** The container's log lines, oldest first; none for images whose output is not modelled. */
export function containerLogLines(source: LogSource): string[] {
  const name = source.image.split('@')[0]!.split('/').at(-1)!.split(':')[0]!;
  if (name === 'nginx') return nginxStartup(source.image, source.startedAt, source.cpus, source.kernel);
  return [];
}
