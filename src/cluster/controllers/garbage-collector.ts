import type { Controller, ControllerContext } from '../runtime/controller';
import { WorkQueue } from '../runtime/work-queue';
import type { WatchEvent } from '../store/object-store';
import { OwnerIndex } from './owner-index';

/**
 * The garbage collector: when an owner goes, its dependents are deleted
 * (background cascading deletion), pods gracefully as always.
 */
export class GarbageCollector implements Controller {
  readonly name = 'garbage-collector';
  readonly queue = new WorkQueue();

  constructor(
    private readonly ctx: ControllerContext,
    private readonly graph = new OwnerIndex(),
  ) {}

  observe(event: WatchEvent): void {
    this.graph.observeOnce(event);
    if (event.object.kind === 'Event') return;
    if (event.type === 'DELETED') this.queue.add(event.object.metadata.uid);
  }

  rebuild(): void {
    this.graph.rebuildOnce(this.ctx.store);
  }

  sync(ownerUid: string): void {
    for (const dep of this.graph.dependents(ownerUid)) {
      const obj = this.ctx.store.get(dep.kind, dep.namespace, dep.name);
      if (!obj || obj.metadata.deletionTimestamp) continue;
      // A dependent with another live owner stays.
      const others = (obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== ownerUid);
      if (others.length > 0) continue;
      this.ctx.api.delete(dep.kind, dep.namespace, dep.name);
    }
  }
}
