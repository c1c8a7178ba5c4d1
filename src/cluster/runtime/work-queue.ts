/**
 * A controller's queue of keys to reconcile. A key queued twice before it
 * is processed is processed once, as client-go's workqueue does: controllers
 * are level-triggered and read the current state when they run.
 */
export class WorkQueue {
  private readonly pending = new Set<string>();

  add(key: string): void {
    this.pending.add(key);
  }

  /** The oldest key, removed from the queue; undefined when empty. */
  take(): string | undefined {
    for (const key of this.pending) {
      this.pending.delete(key);
      return key;
    }
    return undefined;
  }

  get size(): number {
    return this.pending.size;
  }
}
