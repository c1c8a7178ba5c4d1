import { applyDefaults } from '../api/defaults';
import { admitPod } from './admission';
import { podQosClass } from '../api/qos';
import { threeWayMerge } from '../api/apply-merge';
import { decodeObject, inConverterOrder, strictDecodingError, unknownFieldsOf } from '../api/decode';
import { applyPatch, goPrint } from '../api/apply-patch';
import { alreadyExists, ApiError, conflict, forbidden, invalid, notFound } from '../api/errors';
import { resourceForKind, type ResourceInfo } from '../api/resources';
import type { KindName, KindOf, KubeObject, Namespace, Pod } from '../api/types';
import { validateObject, validateStatus } from '../api/validation';
import type { VirtualClock } from '../clock';
import type { ClusterConfig } from '../config';
import type { SeededRandom } from '../random';
import type { ObjectStore } from '../store/object-store';
import { deepClone, deepEqual, stableStringify } from '../util/clone';
import { generateName } from '../util/names';
import { newUid } from '../util/uid';

/** The annotation `kubectl apply` keeps the last applied manifest in. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Kinds whose strategies set metadata.generation (pods too since v1.33). */
const GENERATIONAL = new Set<KindName>(['Pod', 'Deployment', 'ReplicaSet', 'DaemonSet', 'NetworkPolicy']);

/** Kinds served with a /status subresource (NetworkPolicy lost its status in v1.28). */
const STATUS_SUBRESOURCE = new Set<KindName>(['Namespace', 'Node', 'Pod', 'Service', 'DaemonSet', 'Deployment', 'ReplicaSet']);

export interface WriteOptions {
  /** `client` is handled by kubectl; `server` runs every check and stores nothing. */
  dryRun?: boolean;
}

export interface DeleteOptions extends WriteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
}

export type ApplyResult = 'created' | 'configured' | 'unchanged';

/**
 * Per-kind registry logic that runs inside a write, as a REST strategy
 * does on a real apiserver: Services allocate ClusterIPs and NodePorts on
 * create and release them on delete. A hook throws an ApiError to refuse.
 */
export interface RegistryHooks {
  beforeCreate?(obj: KubeObject, opts: WriteOptions): void;
  beforeUpdate?(obj: KubeObject, old: KubeObject, opts: WriteOptions): void;
  afterDelete?(obj: KubeObject): void;
}

/**
 * The simulated kube-apiserver: decoding, defaulting, validation,
 * registry hooks and metadata in front of the store. kubectl and the
 * controllers both write through it; only its `*System` methods skip the
 * decoder, for objects the controllers build from already-valid templates.
 */
export class ApiServer {
  private readonly hooks = new Map<KindName, RegistryHooks>();

  constructor(
    readonly store: ObjectStore,
    private readonly clock: VirtualClock,
    private readonly rng: SeededRandom,
    private readonly config: ClusterConfig,
  ) {}

  registerHooks(kind: KindName, hooks: RegistryHooks): void {
    this.hooks.set(kind, hooks);
  }

  get<K extends KindName>(kind: K, namespace: string | undefined, name: string): KindOf<K> {
    const info = resourceForKind(kind);
    const obj = this.store.get(kind, info.namespaced ? namespace : undefined, name);
    if (!obj) throw notFound(info, name);
    return obj;
  }

  /** Creates an object from a learner's manifest (any JSON value). */
  create(raw: unknown, opts: WriteOptions = {}): KubeObject {
    const obj = decodeObject(raw);
    return this.createDecoded(obj, opts, true);
  }

  /** Creates an object a controller built; it is trusted to be valid. */
  createSystem<T extends KubeObject>(obj: T): T {
    return this.createDecoded(obj, {}, false) as T;
  }

  /**
   * `kubectl apply` (client-side): creates the object, or merges the new
   * manifest into the live one using the last-applied annotation.
   */
  apply(raw: unknown, opts: WriteOptions = {}): { result: ApplyResult; object: KubeObject } {
    const desired = decodeObject(raw, { strict: false });
    const info = resourceForKind(desired.kind as KindName);
    const namespace = this.namespaceFor(info, desired);
    // kubectl sends the object with the namespace it resolved.
    if (namespace !== undefined) desired.metadata = { ...desired.metadata, namespace };
    const lastApplied = lastAppliedText(desired, namespace);
    const live = desired.metadata?.name ? this.store.get(info.kind, namespace, desired.metadata.name) : undefined;
    const unknown = unknownFieldsOf(desired);
    if (!live) {
      // The create path: the create handler's strict decoding refuses it.
      if (unknown.length > 0) decodeObject(raw);
      const withAnnotation = withLastApplied(desired, lastApplied);
      return { result: 'created', object: this.createDecoded(withAnnotation, opts, true) };
    }
    const previous = live.metadata.annotations?.[LAST_APPLIED];
    const previousObj = previous ? (safeParse(previous) as KubeObject | undefined) : undefined;
    if (unknown.length > 0) throw patchRefused(previousObj, withLastApplied(desired, lastApplied), unknown);
    const merged = threeWayMerge(live, previousObj, withLastApplied(desired, lastApplied));
    if (deepEqual(stripVolatile(merged), stripVolatile(live))) return { result: 'unchanged', object: live };
    return { result: 'configured', object: this.updateDecoded(merged, live, opts, true) };
  }

  /** Replaces an object (kubectl replace, edit, scale, label...). */
  update(obj: KubeObject, opts: WriteOptions = {}): KubeObject {
    const info = resourceForKind(obj.kind as KindName);
    const live = this.store.get(info.kind, this.namespaceFor(info, obj), obj.metadata.name);
    if (!live) throw notFound(info, obj.metadata.name);
    return this.updateDecoded(deepClone(obj), live, opts, true);
  }

  /** A controller's update of an object's spec or metadata, unvalidated. */
  updateSystem<T extends KubeObject>(obj: T): T {
    const info = resourceForKind(obj.kind as KindName);
    const live = this.store.get(info.kind, this.namespaceFor(info, obj), obj.metadata.name);
    if (!live) throw notFound(info, obj.metadata.name);
    return this.updateDecoded(obj, live, {}, false) as T;
  }

  /** The pods/binding subresource: the scheduler's one write that places a pod on a node. */
  bind(pod: Pod, nodeName: string, status: Pod['status']): Pod {
    const live = this.store.get('Pod', pod.metadata.namespace, pod.metadata.name);
    if (!live) throw notFound(resourceForKind('Pod'), pod.metadata.name);
    const next: Pod = { ...live, spec: { ...live.spec, nodeName }, status, metadata: { ...live.metadata, resourceVersion: this.store.nextResourceVersion() } };
    this.store.replace(next);
    return next;
  }

  /**
   * The /status subresource: replaces status only, as the kubelet and
   * controllers report what they observed. No generation bump.
   */
  updateStatus<T extends KubeObject>(obj: T): T {
    const info = resourceForKind(obj.kind as KindName);
    const live = this.store.get(info.kind, this.namespaceFor(info, obj), obj.metadata.name);
    if (!live) throw notFound(info, obj.metadata.name);
    const next = { ...live, status: obj.status, metadata: { ...live.metadata, resourceVersion: this.store.nextResourceVersion() } };
    this.store.replace(next);
    return next as unknown as T;
  }

  /**
   * A client's write to the /status subresource (`kubectl patch
   * --subresource=status`): the status strategy keeps the live spec, so only
   * the request's status is taken (labels and annotations sent this way are
   * not kept either, which a real apiserver would keep), defaulted as the
   * decoder does and checked by the kind's status validation. Kinds without
   * the subresource answer 404.
   */
  updateStatusChecked(obj: KubeObject, opts: WriteOptions = {}): KubeObject {
    const info = resourceForKind(obj.kind as KindName);
    if (!STATUS_SUBRESOURCE.has(info.kind)) throw new ApiError('NotFound', 404, 'the server could not find the requested resource', {});
    const live = this.store.get(info.kind, this.namespaceFor(info, obj), obj.metadata.name);
    if (!live) throw notFound(info, obj.metadata.name);
    if (obj.metadata.resourceVersion && obj.metadata.resourceVersion !== live.metadata.resourceVersion) {
      throw conflict(info, live.metadata.name, 'the object has been modified; please apply your changes to the latest version and try again');
    }
    const next = { ...deepClone(live), status: deepClone(obj.status) } as KubeObject;
    applyDefaults(next, this.config);
    const errors = validateStatus(next, live);
    if (errors.length > 0) throw invalid(info, live.metadata.name, errors);
    if (opts.dryRun || deepEqual(next, live)) return opts.dryRun ? next : live;
    next.metadata = { ...next.metadata, resourceVersion: this.store.nextResourceVersion() };
    this.store.replace(next);
    return next;
  }

  /**
   * Deletes an object. Pods on a node are deleted gracefully: they get a
   * deletionTimestamp and the kubelet removes them once their containers
   * stop. Dependents are left to the garbage collector, as on a real cluster.
   */
  delete(kind: KindName, namespace: string | undefined, name: string, opts: DeleteOptions = {}): KubeObject {
    const info = resourceForKind(kind);
    const ns = info.namespaced ? namespace : undefined;
    const live = this.store.get(kind, ns, name);
    if (!live) throw notFound(info, name);
    if (opts.dryRun) return live;
    if (live.metadata.deletionTimestamp) {
      // A second delete may shorten the grace period (kubectl delete --now / --force).
      if (kind === 'Pod' && opts.gracePeriodSeconds !== undefined && opts.gracePeriodSeconds < (live.metadata.deletionGracePeriodSeconds ?? 0)) {
        return this.markForDeletion(live, opts.gracePeriodSeconds, opts);
      }
      return live;
    }
    if (kind === 'Pod' || kind === 'Namespace') {
      const podSpec = (live as KindOf<'Pod'>).spec;
      const graceful = kind === 'Namespace' || (podSpec?.nodeName !== undefined && (live as KindOf<'Pod'>).status?.phase !== 'Succeeded' && (live as KindOf<'Pod'>).status?.phase !== 'Failed');
      const grace = opts.gracePeriodSeconds ?? podSpec?.terminationGracePeriodSeconds ?? 30;
      if (graceful && (kind === 'Namespace' || grace > 0)) return this.markForDeletion(live, kind === 'Namespace' ? 0 : grace, opts);
    }
    if (opts.propagationPolicy === 'Orphan') this.orphanDependents(live);
    return this.removeNow(live, opts);
  }

  /**
   * propagationPolicy=Orphan: dependents lose their owner reference and
   * outlive the owner (what the garbage collector's orphan finalizer does).
   */
  private orphanDependents(owner: KubeObject): void {
    for (const obj of this.store.all()) {
      const refs = obj.metadata.ownerReferences;
      if (!refs?.some((r) => r.uid === owner.metadata.uid)) continue;
      const remaining = refs.filter((r) => r.uid !== owner.metadata.uid);
      const metadata = { ...obj.metadata, ownerReferences: remaining.length > 0 ? remaining : undefined };
      if (!metadata.ownerReferences) delete metadata.ownerReferences;
      this.updateDecoded({ ...obj, metadata }, obj, {}, false);
    }
  }

  /** Removes an object at once: the end of a graceful deletion. */
  finalizeDelete(kind: KindName, namespace: string | undefined, name: string): void {
    const live = this.store.get(kind, namespace, name);
    if (live) this.removeNow(live, {});
  }

  // ---------------------------------------------------------------- internals

  private createDecoded(input: KubeObject, opts: WriteOptions, validate: boolean): KubeObject {
    // A refused or dry-run create leaves no trace, not even in the random choices admission made for it.
    const rngState = this.rng.save();
    try {
      const created = this.createChecked(input, opts, validate);
      if (opts.dryRun) this.rng.load(rngState);
      return created;
    } catch (e) {
      this.rng.load(rngState);
      throw e;
    }
  }

  private createChecked(input: KubeObject, opts: WriteOptions, validate: boolean): KubeObject {
    const info = resourceForKind(input.kind as KindName);
    const obj = validate ? deepClone(input) : input;
    obj.metadata = obj.metadata ?? ({} as KubeObject['metadata']);
    const namespace = this.namespaceFor(info, obj);
    if (info.namespaced) {
      obj.metadata.namespace = namespace;
      this.requireActiveNamespace(namespace!);
    } else {
      delete obj.metadata.namespace;
    }
    if (validate) {
      // Status is the cluster's to write: a manifest's status is dropped, as PrepareForCreate does.
      if (info.kind !== 'Namespace' && info.kind !== 'Node') delete obj.status;
      for (const field of ['uid', 'resourceVersion', 'creationTimestamp', 'deletionTimestamp', 'generation'] as const) delete obj.metadata[field];
    }
    applyDefaults(obj, this.config);
    // Mutating admission sees the object before its name is generated, as on a real apiserver.
    if (info.kind === 'Pod') {
      admitPod(obj as Pod, this.rng);
      // The pod strategy's PrepareForCreate: every new pod starts Pending with its QoS class.
      (obj as Pod).status = { phase: 'Pending', qosClass: podQosClass(obj as Pod) };
    }
    if (!obj.metadata.name && obj.metadata.generateName) {
      obj.metadata.name = generateName(obj.metadata.generateName, this.rng);
    }
    if (validate) {
      const errors = validateObject(obj);
      if (errors.length > 0) throw invalid(info, obj.metadata.name ?? '', errors);
    }
    if (this.store.get(info.kind, namespace, obj.metadata.name)) throw alreadyExists(info, obj.metadata.name);
    this.hooks.get(info.kind)?.beforeCreate?.(obj, opts);
    if (opts.dryRun) return obj;
    obj.metadata.uid = newUid(this.rng);
    obj.metadata.resourceVersion = this.store.nextResourceVersion();
    obj.metadata.creationTimestamp = this.clock.timestamp();
    if (GENERATIONAL.has(info.kind)) obj.metadata.generation = 1;
    this.store.add(obj);
    return obj;
  }

  private updateDecoded(obj: KubeObject, live: KubeObject, opts: WriteOptions, validate: boolean): KubeObject {
    const info = resourceForKind(live.kind as KindName);
    if (obj.metadata.resourceVersion && obj.metadata.resourceVersion !== live.metadata.resourceVersion && validate) {
      throw conflict(info, live.metadata.name, 'the object has been modified; please apply your changes to the latest version and try again');
    }
    // System fields are the server's, whatever the request says.
    obj.metadata = {
      ...obj.metadata,
      name: live.metadata.name,
      namespace: live.metadata.namespace,
      uid: live.metadata.uid,
      creationTimestamp: live.metadata.creationTimestamp,
      generation: live.metadata.generation,
      deletionTimestamp: live.metadata.deletionTimestamp,
      deletionGracePeriodSeconds: live.metadata.deletionGracePeriodSeconds,
      resourceVersion: live.metadata.resourceVersion,
    };
    if (validate) obj.status = live.status;
    applyDefaults(obj, this.config);
    if (validate) {
      const errors = validateObject(obj, live);
      if (errors.length > 0) throw invalid(info, live.metadata.name, errors);
    }
    this.hooks.get(info.kind)?.beforeUpdate?.(obj, live, opts);
    if (opts.dryRun) return obj;
    if (deepEqual(obj, live)) return live;
    if (GENERATIONAL.has(info.kind) && !deepEqual(specOf(obj), specOf(live))) {
      obj.metadata.generation = (live.metadata.generation ?? 0) + 1;
    }
    obj.metadata.resourceVersion = this.store.nextResourceVersion();
    this.store.replace(obj);
    return obj;
  }

  private markForDeletion(live: KubeObject, graceSeconds: number, opts: WriteOptions): KubeObject {
    if (opts.dryRun) return live;
    const next: KubeObject = {
      ...live,
      metadata: {
        ...live.metadata,
        deletionTimestamp: this.clock.timestamp(),
        deletionGracePeriodSeconds: graceSeconds,
        resourceVersion: this.store.nextResourceVersion(),
      },
    };
    if (live.kind === 'Namespace') next.status = { ...(live as Namespace).status, phase: 'Terminating' };
    this.store.replace(next);
    return next;
  }

  private removeNow(live: KubeObject, opts: WriteOptions): KubeObject {
    if (opts.dryRun) return live;
    const removed = this.store.remove(live.kind as KindName, live.metadata.namespace, live.metadata.name);
    if (removed) this.hooks.get(live.kind as KindName)?.afterDelete?.(removed);
    return live;
  }

  private namespaceFor(info: ResourceInfo, obj: KubeObject): string | undefined {
    if (!info.namespaced) return undefined;
    return obj.metadata?.namespace || 'default';
  }

  private requireActiveNamespace(namespace: string): void {
    const ns = this.store.get('Namespace', undefined, namespace);
    if (!ns) throw notFound(resourceForKind('Namespace'), namespace);
    if (ns.status?.phase === 'Terminating' || ns.metadata.deletionTimestamp) {
      throw forbidden(`unable to create new content in namespace ${namespace} because it is being terminated`);
    }
  }
}

function specOf(obj: KubeObject): unknown {
  const { metadata: _m, status: _s, ...rest } = obj as Record<string, unknown>;
  return rest;
}

/** The manifest as kubectl stores it in the annotation: compact JSON of what the learner wrote. */
function lastAppliedText(desired: KubeObject, namespace: string | undefined): string {
  const copy = deepClone(desired);
  // kubectl sets the namespace it sends to, and leaves `annotations: {}` behind
  // when the manifest had none: `"metadata":{"annotations":{},"name":...}`.
  copy.metadata = { ...(copy.metadata ?? {}), annotations: { ...(copy.metadata?.annotations ?? {}) } } as KubeObject['metadata'];
  delete copy.metadata.annotations![LAST_APPLIED];
  if (namespace !== undefined) copy.metadata.namespace = namespace;
  // kubectl marshals the manifest as a Go map: keys sorted, no spaces.
  return stableStringify(copy) + '\n';
}

/**
 * The patch handler's refusal of unknown fields (apiserver
 * handlers/patch.go): an Invalid error with no kind or name, one cause on
 * `patch` whose value is the patch as Go's %+v prints it, which kubectl
 * shows as `The request is invalid: patch: Invalid value: "map[...]": ...`.
 */
function patchRefused(lastApplied: KubeObject | undefined, modified: KubeObject, unknown: string[]): ApiError {
  const original = { ...(lastApplied ?? {}) } as Record<string, unknown>;
  const patch = applyPatch(original, modified as unknown as Record<string, unknown>);
  // The patch handler finds them with its unstructured converter, which lists them sorted by their text.
  const message = `Invalid value: ${JSON.stringify(goPrint(patch))}: ${strictDecodingError(inConverterOrder(unknown))}`;
  return new ApiError('Invalid', 422, `patch: ${message}`, { causes: [{ reason: 'FieldValueInvalid', message, field: 'patch' }] });
}

function withLastApplied(obj: KubeObject, text: string): KubeObject {
  const copy = deepClone(obj);
  copy.metadata = { ...(copy.metadata ?? {}), annotations: { ...(copy.metadata?.annotations ?? {}), [LAST_APPLIED]: text } } as KubeObject['metadata'];
  return copy;
}

function stripVolatile(obj: KubeObject): unknown {
  const { resourceVersion: _rv, ...meta } = obj.metadata;
  return { ...obj, metadata: meta };
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export { ApiError };
