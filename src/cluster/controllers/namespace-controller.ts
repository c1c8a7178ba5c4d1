import { RESOURCES } from '../api/resources';
import type { Controller, ControllerContext } from '../runtime/controller';
import { WorkQueue } from '../runtime/work-queue';
import type { WatchEvent } from '../store/object-store';

/**
 * The namespace controller: a Terminating namespace has its contents
 * deleted, and goes once nothing is left in it.
 */
export class NamespaceController implements Controller {
  readonly name = 'namespace-controller';
  readonly queue = new WorkQueue();

  constructor(private readonly ctx: ControllerContext) {}

  observe(event: WatchEvent): void {
    const obj = event.object;
    if (obj.kind === 'Namespace' && obj.metadata.deletionTimestamp && event.type !== 'DELETED') this.queue.add(obj.metadata.name);
    if (event.type === 'DELETED' && obj.metadata.namespace) {
      const ns = this.ctx.store.get('Namespace', undefined, obj.metadata.namespace);
      if (ns?.metadata.deletionTimestamp) this.queue.add(ns.metadata.name);
    }
  }

  sync(name: string): void {
    const ns = this.ctx.store.get('Namespace', undefined, name);
    if (!ns?.metadata.deletionTimestamp) return;
    let left = 0;
    for (const r of RESOURCES) {
      if (!r.namespaced) continue;
      for (const obj of this.ctx.store.list(r.kind, name)) {
        left++;
        if (!obj.metadata.deletionTimestamp) this.ctx.api.delete(r.kind, name, obj.metadata.name);
      }
    }
    if (left === 0) this.ctx.api.finalizeDelete('Namespace', undefined, name);
  }
}
