/**
 * The programs an image's base system really has, beyond the catalogue's
 * `tools`: BusyBox's applets in busybox and Alpine-based images, Debian's
 * essential packages in Debian-based ones (nginx, httpd, redis, the kind
 * node). The shell uses this to tell a program the image lacks
 * (`sh: ps: not found`) from one it has but the simulation does not run
 * (`sh: ls: not available in this simulated cluster yet`). Lists are the
 * common programs only, each one the real image has; unlisted ones read
 * as missing.
 */
export type Userland = 'busybox' | 'debian' | 'none';

/** Applets of BusyBox 1.36's default configuration (`busybox --list` in busybox:1.36) that learners reach for. */
const BUSYBOX = [
  'ash', 'sh', 'awk', 'basename', 'cat', 'chmod', 'chown', 'clear', 'cp', 'cut', 'date', 'dd', 'df', 'diff', 'dirname', 'dmesg',
  'dnsdomainname', 'du', 'echo', 'egrep', 'env', 'expr', 'false', 'fgrep', 'find', 'free', 'grep', 'gunzip', 'gzip', 'head',
  'hexdump', 'hostname', 'httpd', 'id', 'ifconfig', 'ip', 'kill', 'killall', 'less', 'ln', 'ls', 'lsof', 'md5sum', 'mkdir',
  'more', 'mount', 'mv', 'nc', 'netstat', 'nproc', 'nslookup', 'od', 'pgrep', 'pidof', 'ping', 'pkill', 'printenv', 'printf',
  'ps', 'pstree', 'pwd', 'readlink', 'realpath', 'rm', 'rmdir', 'route', 'sed', 'seq', 'sha256sum', 'sleep', 'sort', 'stat',
  'strings', 'su', 'sync', 'tail', 'tar', 'tee', 'telnet', 'test', 'timeout', 'top', 'touch', 'tr', 'traceroute', 'true',
  'umount', 'uname', 'uniq', 'uptime', 'vi', 'watch', 'wc', 'wget', 'which', 'whoami', 'xargs', 'yes', 'zcat',
];

/**
 * Debian bookworm's required packages (coreutils, findutils, grep, sed,
 * mawk, tar, gzip, hostname, util-linux, mount, bash, dash), as in the
 * slim base of the nginx, httpd and redis images. No procps (ps, top),
 * iproute2, ping or editors there.
 */
const DEBIAN = [
  'sh', 'bash', 'dash', 'awk', 'mawk', 'basename', 'cat', 'chmod', 'chown', 'cp', 'cut', 'date', 'dd', 'df', 'dirname', 'dmesg',
  'du', 'echo', 'env', 'expr', 'false', 'find', 'grep', 'egrep', 'fgrep', 'gunzip', 'gzip', 'head', 'hostname', 'id', 'kill',
  'ln', 'ls', 'md5sum', 'mkdir', 'more', 'mount', 'mv', 'nproc', 'od', 'printenv', 'printf', 'pwd', 'readlink', 'realpath',
  'rm', 'rmdir', 'sed', 'seq', 'sha256sum', 'sleep', 'sort', 'stat', 'su', 'sync', 'tail', 'tar', 'tee', 'test', 'timeout',
  'touch', 'tr', 'true', 'umount', 'uname', 'uniq', 'wc', 'whoami', 'xargs', 'yes', 'zcat',
];

const PROGRAMS: Record<Userland, ReadonlySet<string>> = { busybox: new Set(BUSYBOX), debian: new Set(DEBIAN), none: new Set() };

/** Whether the base system `userland` ships `program`. */
export function userlandHas(userland: Userland, program: string): boolean {
  return PROGRAMS[userland].has(program);
}

export function userlandPrograms(userland: Userland): readonly string[] {
  return [...PROGRAMS[userland]];
}
