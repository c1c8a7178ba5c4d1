import type { Cluster } from '../../cluster/cluster';
import { normaliseRepository } from '../../cluster/images/catalogue';
import type { Libc } from '../dns/resolver';
import type { Origin } from '../connect/origin';
import type { ServiceRouter } from '../connect/service-router';

/** Where a tool runs: inside a pod's container (its image decides the tool's flavour), on a node, or on the workstation. */
export interface ToolContext {
  cluster: Cluster;
  from: { kind: 'pod'; namespace: string; name: string } | { kind: 'node'; name: string } | { kind: 'outside' };
  /** The image of the container the tool runs in, e.g. `busybox:1.36`; for a node, its OS image; WORKSTATION_OS on the workstation. */
  image: string;
  /** The Service router; the EndpointSlice router when absent. */
  router?: ServiceRouter;
  /** Whether a file exists where the tool runs (the shell's view of the container), for tools that refuse to overwrite. */
  fileExists?: (path: string) => boolean;
  /** Standard output is a terminal; undefined counts as one (curl then shows no progress meter). */
  stdoutIsTerminal?: boolean;
}

export interface ToolResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** The program writes its stderr after its stdout (conntrack's closing count), not before. */
  stderrLast?: boolean;
  /** Files the program wrote (`curl -o`, `wget -O`), paths as given; the shell keeps them in the container. */
  writes?: { path: string; text: string }[];
}

/** A program on the PATH. `argv` are its arguments, without the program's own name. */
export type Tool = (argv: string[], ctx: ToolContext) => ToolResult;

export const ok = (stdout: string): ToolResult => ({ stdout, stderr: '', exitCode: 0 });
export const fail = (stderr: string, exitCode = 1, stdout = ''): ToolResult => ({ stdout, stderr, exitCode });

export function originOf(ctx: ToolContext): Origin {
  return ctx.from;
}

/**
 * The learner's workstation, the machine that runs kind: a Linux desktop
 * whose curl and iputils ping reach the nodes' network (172.18.0.0/16) but
 * not pod or Service addresses.
 */
export const WORKSTATION_OS = 'podlab/workstation';

/** Which family of tools the image ships: BusyBox applets, or the full (bind, iputils, curl, OpenBSD nc) tools. */
export type Flavour = 'busybox' | 'full';

export function flavourOf(image: string): Flavour {
  const repo = normaliseRepository(image);
  return repo === 'docker.io/nicolaka/netshoot' || repo === normaliseRepository(WORKSTATION_OS) || /dnsutils|dnstools/.test(repo) ? 'full' : 'busybox';
}

/** The image's C library: Alpine-based images use musl (agnhost too: its BASEIMAGE is alpine:3.21), the rest glibc. */
export function libcOf(image: string): Libc {
  const repo = normaliseRepository(image);
  return /netshoot|curlimages|alpine|agnhost/.test(repo) ? 'musl' : 'glibc';
}
