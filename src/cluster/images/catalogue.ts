import { z } from 'zod';
import type { Container } from '../api/types';

/**
 * The simulated registry: which images exist and what their containers do
 * when run. Data lives in content/images.yaml; this module validates it and
 * answers the kubelet's questions. What a container listens on comes from
 * its image and args, never from `containerPort`, as in Kubernetes.
 */

/** `lastModified`: the mtime of the static file a server sends for this route (ISO 8601), for Last-Modified and ETag. */
const httpRoute = z.strictObject({ status: z.number().int().default(200), body: z.string().default(''), lastModified: z.string().datetime().optional() });

const listenerSchema = z.strictObject({
  port: z.number().int().min(1).max(65535),
  protocol: z.enum(['TCP', 'UDP']).default('TCP'),
  /** The argument that moves this listener: `-listen=:8080`, `--http-port=8080`. */
  portFlag: z.string().optional(),
  /** HTTP answers by path; `*` answers any other path. Absent for non-HTTP listeners. */
  http: z.record(z.string(), httpRoute).optional(),
});

const imageSchema = z.strictObject({
  repository: z.string(),
  description: z.string().default(''),
  /** Digest shown in imageID; any 64 hex digits. */
  digest: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  sizeBytes: z.number().int().positive(),
  pullSeconds: z.number().min(0),
  /** `server`: runs until stopped; `exits`: the default command ends at once (no TTY). */
  run: z.enum(['server', 'exits']),
  /** Whether PID 1 stops promptly on SIGTERM (busybox `sleep` as PID 1 does not). */
  handlesSigterm: z.boolean().default(true),
  listeners: z.array(listenerSchema).default([]),
  /** Programs on the PATH, for the shell of a later issue. */
  tools: z.array(z.string()).default([]),
  /** How the image's shell prompt looks: `/ # ` (busybox), `root@HOST:/# ` (bash). */
  prompt: z.string().default('/ # '),
  /** Values for `{{NAME}}` in HTTP bodies (`Version: {{VERSION}}`). */
  vars: z.record(z.string(), z.string()).default({}),
  /** Per tag, the vars that differ from `vars` (hello-app:2.0 answers `Version: 2.0.0`). */
  tagVars: z.record(z.string(), z.record(z.string(), z.string())).default({}),
});

const catalogueSchema = z.strictObject({ images: z.array(imageSchema) });

export type ImageSpec = z.output<typeof imageSchema>;
export type Listener = z.output<typeof listenerSchema>;

/** What a container does once started; containers alike may share one, so it is never changed in place. */
export interface ContainerBehaviour {
  listeners: Listener[];
  /** Seconds until the main process exits on its own; undefined when it runs until stopped. */
  exitsAfterSeconds?: number;
  exitCode: number;
  handlesSigterm: boolean;
}

export interface ImageCatalogue {
  /** The image for a reference, whatever its tag or registry spelling; undefined when the registry has none. */
  lookup(image: string): ImageSpec | undefined;
  has(image: string): boolean;
  /** What a container with this image, command and args does. */
  behaviour(container: Pick<Container, 'image' | 'command' | 'args' | 'stdin'>): ContainerBehaviour | undefined;
}

/** `nginx`, `nginx:1.27`, `docker.io/library/nginx@sha256:…` all name docker.io/library/nginx; k8s.gcr.io/x is registry.k8s.io/x. */
export function normaliseRepository(image: string): string {
  let repo = normalised.get(image);
  if (repo === undefined) {
    // A cluster names a handful of images thousands of times: remember each answer (bounded, learner input included).
    if (normalised.size > 1024) normalised.clear();
    normalised.set(image, (repo = normalise(image)));
  }
  return repo;
}

const normalised = new Map<string, string>();

function normalise(image: string): string {
  let ref = image.trim();
  const at = ref.indexOf('@');
  if (at !== -1) ref = ref.slice(0, at);
  const lastSlash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  if (colon > lastSlash) ref = ref.slice(0, colon);
  const parts = ref.split('/');
  const hasRegistry = parts.length > 1 && (parts[0]!.includes('.') || parts[0]!.includes(':') || parts[0] === 'localhost');
  if (!hasRegistry) ref = parts.length === 1 ? `docker.io/library/${ref}` : `docker.io/${ref}`;
  ref = ref.toLowerCase();
  // Docker Hub's official images live under library/: docker.io/redis is docker.io/library/redis.
  if (/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)\/[^/]+$/.test(ref)) ref = `docker.io/library/${ref.slice(ref.indexOf('/') + 1)}`;
  // The frozen k8s.gcr.io redirects every pull to registry.k8s.io (since 2023), so older docs' image names still run.
  if (ref.startsWith('k8s.gcr.io/')) ref = `registry.k8s.io/${ref.slice('k8s.gcr.io/'.length)}`;
  return ref;
}

/** The `{{NAME}}` values for an image reference: the image's vars, overridden by its tag's. */
export function imageVars(spec: ImageSpec, image: string): Record<string, string> {
  const ref = image.split('@')[0]!;
  const colon = ref.lastIndexOf(':');
  const tag = colon > ref.lastIndexOf('/') ? ref.slice(colon + 1) : 'latest';
  return { ...spec.vars, ...(spec.tagVars[tag] ?? {}) };
}

/** The catalogue already parsed from YAML (the site converts it at build time), checked by the same schema. */
export function catalogueFromData(raw: unknown): ImageCatalogue {
  const data = catalogueSchema.parse(raw);
  const byRepo = new Map(data.images.map((i) => [normaliseRepository(i.repository), i]));
  const lookup = (image: string) => byRepo.get(normaliseRepository(image));
  // Most containers run their image's own command, so what they do depends on the image alone: worked out once per image.
  const asShipped = new Map<ImageSpec, ContainerBehaviour>();
  return {
    lookup,
    has: (image) => lookup(image) !== undefined,
    behaviour: (container) => {
      const spec = lookup(container.image ?? '');
      if (!spec) return undefined;
      const stdin = container.stdin === true;
      if (container.command !== undefined || container.args !== undefined || stdin) return behaviourOf(spec, container.command, container.args, stdin);
      let shipped = asShipped.get(spec);
      if (!shipped) asShipped.set(spec, (shipped = behaviourOf(spec, undefined, undefined)));
      return shipped;
    },
  };
}

/** Commands that keep a tools image alive: `sleep 3600`, `sleep infinity`, `tail -f /dev/null`, `while true`. */
function behaviourOf(spec: ImageSpec, command: string[] | undefined, args: string[] | undefined, stdin = false): ContainerBehaviour {
  const argv = [...(command ?? []), ...(args ?? [])];
  const listeners = spec.listeners.map((l) => ({ ...l, port: portFromArgs(l, argv) ?? l.port }));
  const base = { listeners, exitCode: 0, handlesSigterm: spec.handlesSigterm };
  if (spec.run === 'server' && command === undefined) return base;
  // A shell with stdin kept open (kubectl run -it, debug -it) waits for input instead of exiting.
  const program = argv[0]?.split('/').at(-1);
  if (stdin && (program === undefined || ['sh', 'bash', 'ash', 'zsh'].includes(program)) && !argv.includes('-c')) {
    return { ...base, listeners: spec.run === 'server' ? listeners : [], handlesSigterm: false };
  }
  const text = argv.join(' ');
  if (/\bwhile\s+(true|:)/.test(text) || /tail\s+-f/.test(text) || /sleep\s+(inf|infinity)\b/.test(text)) {
    return { ...base, listeners: spec.run === 'server' ? listeners : [], handlesSigterm: spec.run === 'server' && spec.handlesSigterm };
  }
  const sleep = /sleep\s+(\d+)/.exec(text);
  if (sleep) return { ...base, listeners: [], exitsAfterSeconds: Number(sleep[1]), handlesSigterm: false };
  if (spec.run === 'server') return base;
  return { ...base, listeners: [], exitsAfterSeconds: 0 };
}

function portFromArgs(listener: Listener, argv: string[]): number | undefined {
  if (!listener.portFlag) return undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    let value: string | undefined;
    if (arg.startsWith(`${listener.portFlag}=`)) value = arg.slice(listener.portFlag.length + 1);
    else if (arg === listener.portFlag) value = argv[i + 1];
    if (value === undefined) continue;
    const port = Number(value.slice(value.lastIndexOf(':') + 1));
    if (Number.isInteger(port) && port > 0 && port < 65536) return port;
  }
  return undefined;
}
