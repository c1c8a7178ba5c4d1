import type { KindName, KindOf, KubeObject } from '../api/types';
import type { ObjectStore } from '../store/object-store';
import type { WatchEvent } from '../store/object-store';

interface Dependent {
  kind: KindName;
  namespace?: string;
  name: string;
}

/**
 * Which objects name which owner uid: the garbage collector's graph, and
 * the controllers' "my pods" and "my ReplicaSets". One index serves them
 * all (registerWorkloadControllers shares it): each hands it every event
 * and every restore, and it indexes each once.
 */
export class OwnerIndex {
  private readonly byOwner = new Map<string, Map<string, Dependent>>();
  /** Each owner's dependents in key order, kept until the owner's set changes: controllers ask on every sync. */
  private readonly sorted = new Map<string, Dependent[]>();
  /** The event last indexed, and the store's change count at the last rebuild: what the sharers hand it twice. */
  private last: WatchEvent | undefined;
  private builtAt = -1;

  /** Indexes a store change, once however many controllers pass it on. Events (the kind) are not owners' concern. */
  observeOnce(event: WatchEvent): void {
    if (event === this.last) return;
    this.last = event;
    if (event.object.kind !== 'Event') this.observe(event);
  }

  /** Indexes every stored object after a restore, once however many controllers ask. */
  rebuildOnce(store: ObjectStore): void {
    if (this.builtAt === store.changeCount) return;
    this.builtAt = store.changeCount;
    this.clear();
    for (const obj of store.all()) if (obj.kind !== 'Event') this.add(obj);
  }

  observe(event: WatchEvent): void {
    // Status writes keep the metadata's arrays as they were: nothing to re-index.
    if (event.old && event.type === 'MODIFIED' && event.old.metadata.ownerReferences === event.object.metadata.ownerReferences) return;
    if (event.old) this.remove(event.old);
    if (event.type === 'DELETED') this.remove(event.object);
    else this.add(event.object);
  }

  add(obj: KubeObject): void {
    for (const ref of obj.metadata.ownerReferences ?? []) {
      let m = this.byOwner.get(ref.uid);
      if (!m) this.byOwner.set(ref.uid, (m = new Map()));
      this.sorted.delete(ref.uid);
      m.set(`${obj.kind}/${obj.metadata.namespace ?? ''}/${obj.metadata.name}`, { kind: obj.kind as KindName, namespace: obj.metadata.namespace, name: obj.metadata.name });
    }
  }

  remove(obj: KubeObject): void {
    for (const ref of obj.metadata.ownerReferences ?? []) {
      this.sorted.delete(ref.uid);
      this.byOwner.get(ref.uid)?.delete(`${obj.kind}/${obj.metadata.namespace ?? ''}/${obj.metadata.name}`);
    }
  }

  dependents(uid: string): readonly Dependent[] {
    // Sorted, so a restored cluster (whose indexes were built in another order) acts in the same order.
    let list = this.sorted.get(uid);
    if (!list) {
      const m = this.byOwner.get(uid);
      if (!m) return [];
      list = [...m.keys()].sort().map((k) => m.get(k)!);
      this.sorted.set(uid, list);
    }
    return list;
  }

  /** The live dependents of one kind, read from the store. */
  objects<K extends KindName>(store: ObjectStore, uid: string, kind: K): KindOf<K>[] {
    const out: KindOf<K>[] = [];
    for (const d of this.dependents(uid)) {
      if (d.kind !== kind) continue;
      const obj = store.get(kind, d.namespace, d.name);
      if (obj) out.push(obj);
    }
    return out;
  }

  clear(): void {
    this.byOwner.clear();
    this.sorted.clear();
  }
}
