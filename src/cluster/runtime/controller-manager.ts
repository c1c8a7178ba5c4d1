import type { ObjectStore, WatchEvent } from '../store/object-store';
import type { Controller } from './controller';
import { Wakeups } from './wakeups';

/** More passes than this without going quiet means two controllers are fighting. */
const MAX_SYNCS_PER_SETTLE = 5_000_000;

/**
 * Runs the controllers: forwards every store change to each of them, then
 * drains their queues until nothing is left to do. Timed work waits in
 * `wakeups` until the virtual clock reaches it.
 */
export class ControllerManager {
  readonly wakeups = new Wakeups();
  private readonly controllers: Controller[] = [];
  private readonly byName = new Map<string, Controller>();

  constructor(store: ObjectStore) {
    store.subscribe((event: WatchEvent) => {
      for (const c of this.controllers) c.observe(event);
    });
  }

  add(controller: Controller): void {
    this.controllers.push(controller);
    this.byName.set(controller.name, controller);
  }

  get(name: string): Controller | undefined {
    return this.byName.get(name);
  }

  list(): readonly Controller[] {
    return this.controllers;
  }

  /** Queues a key on a controller now (a due wakeup, or a restore). */
  enqueue(controller: string, key: string): void {
    this.byName.get(controller)?.queue.add(key);
  }

  /** True when some controller still has queued work. */
  busy(): boolean {
    return this.controllers.some((c) => c.queue.size > 0);
  }

  /**
   * Reconciles until every queue is empty. Each controller in turn drains
   * its queue, in the order the controllers were added, so the interleaving
   * is deterministic and a burst of changes (a hundred pods becoming ready)
   * reaches the next controller as one batch of deduplicated keys.
   */
  settle(): void {
    let syncs = 0;
    for (;;) {
      let progressed = false;
      for (const c of this.controllers) {
        for (let key = c.queue.take(); key !== undefined; key = c.queue.take()) {
          progressed = true;
          c.sync(key);
          if (++syncs > MAX_SYNCS_PER_SETTLE) throw new Error(`controllers did not settle (last: ${c.name} ${key})`);
        }
      }
      if (!progressed) return;
    }
  }

  rebuild(): void {
    for (const c of this.controllers) c.rebuild?.();
  }
}
