/**
 * Timed work as data: "at this virtual time, requeue this key for that
 * controller". Timers as closures could not be snapshotted; these can.
 * A binary min-heap ordered by time, then by insertion, so replays agree.
 */
export interface Wakeup {
  at: number;
  seq: number;
  controller: string;
  key: string;
}

export class Wakeups {
  private heap: Wakeup[] = [];
  private seq = 0;

  schedule(at: number, controller: string, key: string): void {
    this.push({ at, seq: this.seq++, controller, key });
  }

  /** The time of the next wakeup, or undefined when none is pending. */
  nextAt(): number | undefined {
    return this.heap[0]?.at;
  }

  /** Removes and returns every wakeup due at or before `time`, in order. */
  takeDue(time: number): Wakeup[] {
    const due: Wakeup[] = [];
    while (this.heap.length > 0 && this.heap[0]!.at <= time) due.push(this.pop());
    return due;
  }

  get size(): number {
    return this.heap.length;
  }

  save(): { seq: number; items: Wakeup[] } {
    return { seq: this.seq, items: [...this.heap].sort(compare) };
  }

  load(saved: { seq: number; items: Wakeup[] }): void {
    this.seq = saved.seq;
    this.heap = [];
    for (const w of saved.items) this.push(w);
  }

  private push(w: Wakeup): void {
    const h = this.heap;
    h.push(w);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (compare(h[i]!, h[parent]!) >= 0) break;
      swap(h, i, parent);
      i = parent;
    }
  }

  private pop(): Wakeup {
    const h = this.heap;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && compare(h[l]!, h[m]!) < 0) m = l;
        if (r < h.length && compare(h[r]!, h[m]!) < 0) m = r;
        if (m === i) break;
        swap(h, i, m);
        i = m;
      }
    }
    return top;
  }
}

/** Without a destructuring swap: a heap of thousands of pods' wakeups moves often. */
function swap(h: Wakeup[], i: number, j: number): void {
  const t = h[i]!;
  h[i] = h[j]!;
  h[j] = t;
}

function compare(a: Wakeup, b: Wakeup): number {
  return a.at - b.at || a.seq - b.seq;
}
