/**
 * A controller's queue of keys to reconcile. A key queued twice before it
 * is processed is processed once, as client-go's workqueue does: controllers
 * are level-triggered and read the current state when they run.
 */
export class WorkQueue {
  /** Keys in arrival order; `head` is the next to take. */
  private order: string[] = [];
  private head = 0;
  /**
   * Where each key was last queued in `order`: it is pending while that
   * place is not taken yet. Taking a key leaves the map alone (no delete
   * and rehash per key); the map is emptied with the queue.
   */
  private readonly queuedAt = new Map<string, number>();
  /** The last list addAll queued whole; nothing has been taken since while it is set. */
  private lastList: readonly string[] | undefined;

  add(key: string): void {
    const at = this.queuedAt.get(key);
    if (at !== undefined && at >= this.head) return;
    this.queuedAt.set(key, this.order.length);
    this.order.push(key);
  }

  /**
   * Queues every key of a list. The endpoint controllers get the same
   * cached list of Service keys for each pod of a ReplicaSet: a list
   * queued whole, with nothing taken since, is queued still.
   */
  addAll(keys: readonly string[]): void {
    if (keys === this.lastList || keys.length === 0) return;
    for (const key of keys) this.add(key);
    this.lastList = keys;
  }

  /** The oldest key, removed from the queue; undefined when empty. O(1). */
  take(): string | undefined {
    this.lastList = undefined;
    if (this.head >= this.order.length) return undefined;
    const key = this.order[this.head++]!;
    if (this.head === this.order.length) {
      this.order = [];
      this.head = 0;
      this.queuedAt.clear();
    }
    return key;
  }

  /** Every key in `order` from `head` on is pending, once each. */
  get size(): number {
    return this.order.length - this.head;
  }
}
