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

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Apache's error-log time, microseconds: `[Sun Aug 17 19:05:55.737136 2025]`. */
function apacheTime(rfc3339: string, micros: string): string {
  const d = new Date(rfc3339);
  const two = (n: number) => String(n).padStart(2, '0');
  return `[${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${micros} ${d.getUTCFullYear()}]`;
}

/**
 * The official httpd image at start: no ServerName, so apachectl's config
 * check and the server itself each warn once (AH00558, naming the pod's IP),
 * then the event MPM's and core's notices.
 */
function httpdStartup(startedAt: string, podIP: string): string[] {
  const fqdn = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${podIP}. Set the 'ServerName' directive globally to suppress this message`;
  return [
    fqdn,
    fqdn,
    `${apacheTime(startedAt, '412087')} [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.65 (Unix) configured -- resuming normal operations`,
    `${apacheTime(startedAt, '412215')} [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'`,
  ];
}

/** hashicorp/http-echo: Go's log line as it starts listening (`-listen`, default `:5678`). */
function httpEchoStartup(startedAt: string, argv: readonly string[]): string[] {
  let listen = ':5678';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!.replace(/^--?/, '-');
    if (a === '-listen' && argv[i + 1] !== undefined) listen = argv[i + 1]!;
    else if (a.startsWith('-listen=')) listen = a.slice('-listen='.length);
  }
  return [`${nginxTime(startedAt)} [INFO] server is listening on ${listen}`];
}

/** klog's header (`I0911 09:19:26.677397       1 log.go:195] `), as agnhost's standard log goes through it. */
function klog(startedAt: string, micros: string, text: string): string {
  return `I${startedAt.slice(5, 7)}${startedAt.slice(8, 10)} ${startedAt.slice(11, 19)}.${micros}       1 log.go:195] ${text}`;
}

/** agnhost netexec's servers starting (its UDP line has two spaces: an empty listen address is printed before the port). */
function netexecStartup(startedAt: string, argv: readonly string[]): string[] {
  const flag = (name: string, fallback: number) => {
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i]!;
      if (a === `--${name}` && argv[i + 1] !== undefined) return Number(argv[i + 1]);
      if (a.startsWith(`--${name}=`)) return Number(a.slice(name.length + 3));
    }
    return fallback;
  };
  const http = flag('http-port', 8080);
  const udp = flag('udp-port', 8081);
  return [klog(startedAt, '677397', `Started HTTP server on port ${http}`), ...(udp === -1 ? [] : [klog(startedAt, '677586', `Started UDP server on port  ${udp}`)])];
}

/**
 * CoreDNS at start: the server block, the reload plugin's configuration
 * hash, the version and its build. The hash is a real kind cluster's for
 * its default Corefile, not recomputed from the ConfigMap; the build line
 * is known for v1.12.1 (what kind v1.34 runs) and left out for other tags.
 */
function corednsStartup(image: string): string[] {
  const version = /:v?(\d+\.\d+\.\d+)/.exec(image)?.[1] ?? '1.12.1';
  return [
    '.:53',
    '[INFO] plugin/reload: Running configuration SHA512 = e7e8a6c4578bf29b9f453cb54ade3fb14671793481527b7435e35119b25e84eb3a79242b1f470199f8605ace441674db8f1b6715b77448c20dde63e2dc5d2169',
    `CoreDNS-${version}`,
    ...(version === '1.12.1' ? ['linux/amd64, go1.24.1, 707c7c1'] : []),
  ];
}

export interface LogSource {
  image: string;
  /** The container's command and args. */
  argv?: readonly string[];
  /** The pod's IP, which httpd names when it cannot find its own FQDN. */
  podIP?: string;
  /** When the container's current run started. */
  startedAt: string;
  /** The node's CPU count and kernel, which nginx reports. */
  cpus: number;
  kernel: string;
}

/** The container's log lines, oldest first; none for images whose output is not modelled. */
export function containerLogLines(source: LogSource): string[] {
  const name = source.image.split('@')[0]!.split('/').at(-1)!.split(':')[0]!;
  const argv = source.argv ?? [];
  if (name === 'nginx') return nginxStartup(source.image, source.startedAt, source.cpus, source.kernel);
  if (name === 'coredns') return corednsStartup(source.image);
  if (name === 'httpd') return httpdStartup(source.startedAt, source.podIP ?? '127.0.0.1');
  if (name === 'http-echo') return httpEchoStartup(source.startedAt, argv);
  if (name === 'agnhost' && argv.includes('netexec')) return netexecStartup(source.startedAt, argv);
  return [];
}
