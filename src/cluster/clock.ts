/**
 * The cluster's only source of time. Nothing in the core reads the wall clock:
 * a session replays to the same bytes because time moves only when told to.
 */
export class VirtualClock {
  /** The last timestamp formatted, by second: thousands of writes share one virtual second. */
  private formatted = { second: NaN, text: '' };

  constructor(private nowMs: number) {}

  /** Milliseconds since the Unix epoch, virtual. */
  now(): number {
    return this.nowMs;
  }

  /** RFC 3339 with second precision, as the apiserver writes timestamps. */
  timestamp(): string {
    const second = Math.floor(this.nowMs / 1000);
    if (second !== this.formatted.second) this.formatted = { second, text: formatTimestamp(this.nowMs) };
    return this.formatted.text;
  }

  /** Moves time forward; time never goes back. */
  advanceTo(ms: number): void {
    if (ms > this.nowMs) this.nowMs = ms;
  }
}

/** Kubernetes' metav1.Time marshals at second precision in UTC: 2026-01-01T00:00:00Z. */
export function formatTimestamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function parseTimestamp(text: string): number {
  return Date.parse(text);
}
