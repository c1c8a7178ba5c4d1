import type { Container, Pod, Toleration } from '../api/types';
import type { SeededRandom } from '../random';
import { SAFE_ALPHABET } from '../util/names';

/**
 * The mutating admission plugins a kubeadm (and so a kind) apiserver runs
 * on every pod it creates, after defaulting and before the name is
 * generated: ServiceAccount (plugin/pkg/admission/serviceaccount) and
 * DefaultTolerationSeconds (plugin/pkg/admission/defaulttolerationseconds).
 */

/** The annotation the kubelet puts on a static pod's mirror pod. */
export const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

/** Where the ServiceAccount plugin mounts the token volume in every container. */
export const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

/** The prefix of the token volume's name; five random characters follow. */
const TOKEN_VOLUME_PREFIX = 'kube-api-access-';

/** The bound token's lifetime the plugin asks for (serviceaccount.WarnOnlyBoundTokenExpirationSeconds). */
const TOKEN_EXPIRATION_SECONDS = 3607;

/**
 * The plugin's projected volume: token, the cluster CA from kube-root-ca.crt,
 * and the namespace. The same for every pod, and stored objects are never
 * changed in place, so every pod shares one.
 */
const TOKEN_PROJECTION = {
  // Set explicitly by the plugin (kubernetes#104464): 0644.
  defaultMode: 420,
  sources: [
    { serviceAccountToken: { expirationSeconds: TOKEN_EXPIRATION_SECONDS, path: 'token' } },
    { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
    { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
  ],
};

function tokenVolume(name: string): { name: string } & Record<string, unknown> {
  return { name, projected: TOKEN_PROJECTION };
}

/**
 * The ServiceAccount plugin: a pod names the `default` account unless it
 * names one, and, unless it opts out with automountServiceAccountToken,
 * every container and init container mounts the `kube-api-access-xxxxx`
 * volume read-only (a container already mounting something at that path
 * is left alone). Mirror pods are never changed.
 */
function admitServiceAccount(pod: Pod, rng: SeededRandom): void {
  if (pod.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined) return;
  const spec = pod.spec;
  if (!spec.serviceAccountName) spec.serviceAccountName = 'default';
  // The deprecated field follows the real one when the pod is written back as v1.
  spec.serviceAccount = spec.serviceAccountName;
  if (spec.automountServiceAccountToken === false) return;
  const existing = tokenVolumeName(spec.volumes);
  const volumeName = existing ?? TOKEN_VOLUME_PREFIX + rng.string(5, SAFE_ALPHABET);
  // One mount for all the pod's containers: stored objects are never changed in place.
  const mount = { mountPath: SERVICE_ACCOUNT_MOUNT_PATH, name: volumeName, readOnly: true };
  // Plain loops: this runs for every pod the controllers create.
  let mounted = false;
  for (const c of spec.initContainers ?? NO_CONTAINERS) mounted = mountToken(c, mount) || mounted;
  for (const c of spec.containers ?? NO_CONTAINERS) mounted = mountToken(c, mount) || mounted;
  if (mounted && existing === undefined) spec.volumes = spec.volumes ? [...spec.volumes, tokenVolume(volumeName)] : [tokenVolume(volumeName)];
}

const NO_CONTAINERS: readonly Container[] = [];

type VolumeMount = NonNullable<Container['volumeMounts']>[number];

/** The name of a token volume the pod already has, if any. */
function tokenVolumeName(volumes: readonly { name: string }[] | undefined): string | undefined {
  for (const v of volumes ?? []) if (v.name.startsWith(TOKEN_VOLUME_PREFIX)) return v.name;
  return undefined;
}

/** Adds the token mount to a container unless something is mounted at its path already; whether it did. */
function mountToken(c: Container, mount: VolumeMount): boolean {
  const mounts = c.volumeMounts;
  if (!mounts) {
    c.volumeMounts = [mount];
    return true;
  }
  for (const m of mounts) if (m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH) return false;
  c.volumeMounts = [...mounts, mount];
  return true;
}

/** The taints the node lifecycle controller puts on a node that stops answering. */
const NOT_READY = 'node.kubernetes.io/not-ready';
const UNREACHABLE = 'node.kubernetes.io/unreachable';
const DEFAULT_TOLERATION_SECONDS = 300;
/** The two tolerations the plugin adds; stored objects are never changed in place, so pods share them. */
const DEFAULT_TOLERATIONS: readonly Toleration[] = [NOT_READY, UNREACHABLE].map((key) => ({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: DEFAULT_TOLERATION_SECONDS }));

/** Whether a toleration already covers `key`'s NoExecute taint (an empty key or effect covers all). */
function covers(t: Toleration, key: string): boolean {
  return (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect);
}

/**
 * DefaultTolerationSeconds: a pod that does not say how long it stays on
 * a not-ready or unreachable node is evicted after 300 seconds of either.
 */
function admitDefaultTolerationSeconds(pod: Pod): void {
  pod.spec.tolerations = withDefaultTolerations(pod.spec.tolerations);
}

/** The result for pods without tolerations, shared by all of them. */
const ONLY_DEFAULT_TOLERATIONS: Toleration[] = [...DEFAULT_TOLERATIONS];

/**
 * The result for each tolerations array seen: a ReplicaSet's pods share
 * their template's array, so they share the result too, and the scheduler
 * can tell by identity that their tolerations are the same.
 */
const tolerationsWithDefaults = new WeakMap<Toleration[], Toleration[]>();

function withDefaultTolerations(tolerations: Toleration[] | undefined): Toleration[] {
  if (!tolerations) return ONLY_DEFAULT_TOLERATIONS;
  let out = tolerationsWithDefaults.get(tolerations);
  if (!out) {
    const added = DEFAULT_TOLERATIONS.filter((t) => !tolerations.some((have) => covers(have, t.key!)));
    out = added.length > 0 ? [...tolerations, ...added] : tolerations;
    tolerationsWithDefaults.set(tolerations, out);
  }
  return out;
}

/** Runs the mutating admission chain on a pod being created, in the apiserver's plugin order. */
export function admitPod(pod: Pod, rng: SeededRandom): void {
  if (!pod.spec) return;
  admitServiceAccount(pod, rng);
  admitDefaultTolerationSeconds(pod);
}
