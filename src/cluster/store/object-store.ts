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

/** A queue key's namespace and name (`ns/name`); object destructuring, not an array's iterator, for the hot loops that take keys. */
export function splitKey(key: string): { namespace: string; name: string } {
  const slash = key.indexOf('/');
  return slash < 0 ? { namespace: '', name: key } : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
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
  /** kind → namespace ('' for cluster-scoped) → name → object: lookups build no key strings. */
  private readonly kinds = new Map<KindName, Map<string, Map<string, KubeObject>>>();
  private readonly sizes = new Map<KindName, number>();
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
    return this.kinds.get(kind)?.get(namespace || '')?.get(name) as KindOf<K> | undefined;
  }

  /** Objects of a kind, optionally in one namespace, in key order (`ns/name`) as etcd lists them. */
  list<K extends KindName>(kind: K, namespace?: string): KindOf<K>[] {
    const byNamespace = this.kinds.get(kind);
    if (!byNamespace) return [];
    if (namespace !== undefined) {
      // Within one namespace the key order is the name order.
      const names = byNamespace.get(namespace);
      if (!names) return [];
      return [...names.keys()].sort(compareKeys).map((n) => names.get(n) as KindOf<K>);
    }
    // Sort the keys themselves: building a key per comparison costs more than the sort.
    const entries: [string, KubeObject][] = [];
    for (const [ns, names] of byNamespace) for (const [name, obj] of names) entries.push([objectKey(ns, name), obj]);
    entries.sort((a, b) => compareKeys(a[0], b[0]));
    return entries.map((e) => e[1] as KindOf<K>);
  }

  count(kind: KindName): number {
    return this.sizes.get(kind) ?? 0;
  }

  /** Every stored object, kinds in a fixed order, for snapshots. */
  all(): KubeObject[] {
    const out: KubeObject[] = [];
    for (const kind of [...this.kinds.keys()].sort()) out.push(...this.list(kind));
    return out;
  }

  /** Stores a new object; the caller has filled its metadata. */
  add(obj: KubeObject): void {
    this.put(obj);
    this.emit({ type: 'ADDED', object: obj });
  }

  /** Replaces a stored object with a new version of it. */
  replace(obj: KubeObject): void {
    const names = this.kinds.get(obj.kind as KindName)?.get(obj.metadata.namespace || '');
    const old = names?.get(obj.metadata.name);
    if (!names || !old) throw new Error(`replace of missing ${obj.kind} ${keyOf(obj)}`);
    names.set(obj.metadata.name, obj);
    this.emit({ type: 'MODIFIED', object: obj, old });
  }

  remove(kind: KindName, namespace: string | undefined, name: string): KubeObject | undefined {
    const names = this.kinds.get(kind)?.get(namespace || '');
    const old = names?.get(name);
    if (!names || !old) return undefined;
    names.delete(name);
    this.sizes.set(kind, this.count(kind) - 1);
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
    this.sizes.clear();
    for (const obj of objects) this.put(obj);
    this.revision = revision;
  }

  private put(obj: KubeObject): void {
    const kind = obj.kind as KindName;
    let byNamespace = this.kinds.get(kind);
    if (!byNamespace) this.kinds.set(kind, (byNamespace = new Map()));
    const ns = obj.metadata.namespace || '';
    let names = byNamespace.get(ns);
    if (!names) byNamespace.set(ns, (names = new Map()));
    if (!names.has(obj.metadata.name)) this.sizes.set(kind, this.count(kind) + 1);
    names.set(obj.metadata.name, obj);
  }

  private emit(event: WatchEvent): void {
    this.changes++;
    for (const listener of this.listeners) listener(event);
  }
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
