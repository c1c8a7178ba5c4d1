import type { KindName, KindOf, KubeObject } from '../api/types';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent {
  type: WatchEventType;
  object: KubeObject;
  /** The object before the change, for MODIFIED. */
  old?: KubeObject;
}

export type WatchListener = (event: WatchEvent) => void;

/** `ns/name`, or just `name` for cluster-scoped objects: the store's key. */
export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

export function keyOf(obj: KubeObject): string {
  return objectKey(obj.metadata.namespace, obj.metadata.name);
}

/**
 * The etcd of the simulation: objects by kind and key, a resourceVersion
 * counter, and a watch stream. It stores what it is given: validation,
 * defaulting and metadata belong to the apiserver in front of it. Objects
 * are replaced, never changed in place, so every watcher sees old and new.
 */
export class ObjectStore {
  private readonly kinds = new Map<KindName, Map<string, KubeObject>>();
  private readonly listeners = new Set<WatchListener>();
  private revision: number;
  private changes = 0;

  constructor(initialRevision = 1) {
    this.revision = initialRevision;
  }

  /** How many changes watchers have been told of: caches of store-derived data compare it (deletions hand out no resourceVersion). */
  get changeCount(): number {
    return this.changes;
  }

  /** The last resourceVersion handed out. */
  get resourceVersion(): number {
    return this.revision;
  }

  nextResourceVersion(): string {
    this.revision += 1;
    return String(this.revision);
  }

  get<K extends KindName>(kind: K, namespace: string | undefined, name: string): KindOf<K> | undefined {
    return this.kinds.get(kind)?.get(objectKey(namespace, name)) as KindOf<K> | undefined;
  }

  /** Objects of a kind, optionally in one namespace, in key order as etcd lists them. */
  list<K extends KindName>(kind: K, namespace?: string): KindOf<K>[] {
    const all = this.kinds.get(kind);
    if (!all) return [];
    // Sort the map's own keys: building a key per comparison costs more than the sort.
    const entries: [string, KubeObject][] = [];
    for (const entry of all) {
      if (namespace === undefined || entry[1].metadata.namespace === namespace) entries.push(entry);
    }
    entries.sort((a, b) => compareKeys(a[0], b[0]));
    return entries.map((e) => e[1] as KindOf<K>);
  }

  count(kind: KindName): number {
    return this.kinds.get(kind)?.size ?? 0;
  }

  /** Every stored object, kinds in a fixed order, for snapshots. */
  all(): KubeObject[] {
    const out: KubeObject[] = [];
    for (const kind of [...this.kinds.keys()].sort()) out.push(...this.list(kind));
    return out;
  }

  /** Stores a new object; the caller has filled its metadata. */
  add(obj: KubeObject): void {
    const kind = obj.kind as KindName;
    let objects = this.kinds.get(kind);
    if (!objects) this.kinds.set(kind, (objects = new Map()));
    objects.set(keyOf(obj), obj);
    this.emit({ type: 'ADDED', object: obj });
  }

  /** Replaces a stored object with a new version of it. */
  replace(obj: KubeObject): void {
    const objects = this.kinds.get(obj.kind as KindName);
    const key = keyOf(obj);
    const old = objects?.get(key);
    if (!objects || !old) throw new Error(`replace of missing ${obj.kind} ${key}`);
    objects.set(key, obj);
    this.emit({ type: 'MODIFIED', object: obj, old });
  }

  remove(kind: KindName, namespace: string | undefined, name: string): KubeObject | undefined {
    const objects = this.kinds.get(kind);
    const key = objectKey(namespace, name);
    const old = objects?.get(key);
    if (!objects || !old) return undefined;
    objects.delete(key);
    this.emit({ type: 'DELETED', object: old });
    return old;
  }

  subscribe(listener: WatchListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Loads objects without telling watchers: restore builds caches from scratch. */
  load(objects: KubeObject[], revision: number): void {
    this.changes++;
    this.kinds.clear();
    for (const obj of objects) {
      const kind = obj.kind as KindName;
      let m = this.kinds.get(kind);
      if (!m) this.kinds.set(kind, (m = new Map()));
      m.set(keyOf(obj), obj);
    }
    this.revision = revision;
  }

  private emit(event: WatchEvent): void {
    this.changes++;
    for (const listener of this.listeners) listener(event);
  }
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
