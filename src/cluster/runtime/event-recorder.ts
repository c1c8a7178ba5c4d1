import type { Event, KubeObject } from '../api/types';
import type { VirtualClock } from '../clock';

const NS_PER_MS = 1_000_000;
const LOW_BITS = 2 ** 24;

/**
 * `ms * 1e6 + extraNs` in lowercase hex, exactly: the value needs 61 bits,
 * so it is split at bit 24 into two parts that doubles hold exactly.
 */
export function nsHex(ms: number, extraNs: number): string {
  const msHigh = Math.floor(ms / LOW_BITS);
  const low = (ms % LOW_BITS) * NS_PER_MS + extraNs;
  const high = msHigh * NS_PER_MS + Math.floor(low / LOW_BITS);
  const lowHex = (low % LOW_BITS).toString(16);
  return high > 0 ? high.toString(16) + '000000'.slice(lowHex.length) + lowHex : lowHex;
}

export interface RecordedEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  /** `kubelet`, `default-scheduler`, `deployment-controller`... */
  component: string;
  host?: string;
  involved: { kind: string; namespace?: string; name: string; uid: string; apiVersion: string; fieldPath?: string };
  firstTimestamp: string;
  lastTimestamp: string;
  count: number;
  /** Event object name: `<involved name>.<16 hex digits>`, as client-go names them. */
  name: string;
}

/**
 * The cluster's events (`kubectl get events`, the Events of `describe`).
 * Kept beside the store rather than in it: the apiserver stores events in
 * a separate etcd prefix with a one-hour TTL, and so does this. A repeat
 * of the same event on the same object bumps its count, as client-go's
 * correlator does.
 */
export class EventRecorder {
  /** Oldest first. Records are replaced, never changed in place, so snapshots can share them. */
  private events: RecordedEvent[] = [];
  /**
   * Involved uid → message → positions in `events`, for the correlator's
   * dedup; built when first needed (a restore does not pay for it). Two
   * levels, so recording builds no long composite key to hash.
   */
  private byKey: Map<string, Map<string, number[]>> | undefined;
  /**
   * The newest name suffix's time in ns, as milliseconds and the
   * nanoseconds past them: a Number can't hold ns since 1970 exactly, and a
   * BigInt per event costs more than the event.
   */
  private lastMs = 0;
  private lastExtraNs = 0;
  static readonly TTL_MS = 60 * 60 * 1000;

  constructor(private readonly clock: VirtualClock) {}

  record(
    obj: KubeObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    component: string,
    extra: { host?: string; fieldPath?: string } = {},
  ): void {
    const now = this.clock.timestamp();
    const index = this.index();
    let byMessage = index.get(obj.metadata.uid);
    if (!byMessage) index.set(obj.metadata.uid, (byMessage = new Map()));
    const positions = byMessage.get(message);
    if (positions) {
      for (const at of positions) {
        const old = this.events[at]!;
        if (old.reason === reason && old.component === component && old.involved.fieldPath === extra.fieldPath) {
          this.events[at] = { ...old, count: old.count + 1, lastTimestamp: now };
          return;
        }
      }
    }
    const event: RecordedEvent = {
      type,
      reason,
      message,
      component,
      host: extra.host,
      involved: {
        kind: obj.kind,
        namespace: obj.metadata.namespace,
        name: obj.metadata.name,
        uid: obj.metadata.uid,
        apiVersion: obj.apiVersion,
        fieldPath: extra.fieldPath,
      },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      name: `${obj.metadata.name}.${this.nameSuffix()}`,
    };
    if (positions) positions.push(this.events.length);
    else byMessage.set(message, [this.events.length]);
    this.events.push(event);
  }

  private index(): Map<string, Map<string, number[]>> {
    if (!this.byKey) {
      const byKey = (this.byKey = new Map<string, Map<string, number[]>>());
      this.events.forEach((e, i) => {
        let byMessage = byKey.get(e.involved.uid);
        if (!byMessage) byKey.set(e.involved.uid, (byMessage = new Map()));
        const positions = byMessage.get(e.message);
        if (positions) positions.push(i);
        else byMessage.set(e.message, [i]);
      });
    }
    return this.byKey;
  }

  /**
   * client-go names an event `<object>.<%x of the creation time in ns>`;
   * events recorded in the same virtual millisecond get the next nanosecond.
   */
  private nameSuffix(): string {
    const ms = this.clock.now();
    // ms·1e6 > lastMs·1e6 + extra, kept exact by comparing the difference.
    if ((ms - this.lastMs) * NS_PER_MS > this.lastExtraNs) {
      this.lastMs = ms;
      this.lastExtraNs = 0;
    } else {
      this.lastExtraNs += 1;
    }
    return nsHex(this.lastMs, this.lastExtraNs);
  }

  /** Events not yet expired, oldest first. */
  list(filter?: { namespace?: string; uid?: string }): RecordedEvent[] {
    this.expire();
    return this.events.filter(
      (e) => (filter?.namespace === undefined || e.involved.namespace === filter.namespace) && (filter?.uid === undefined || e.involved.uid === filter.uid),
    );
  }

  /** The recorded event as the core/v1 Event object kubectl would receive. */
  static toObject(e: RecordedEvent, resourceVersion = '1'): Event {
    return {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {
        name: e.name,
        namespace: e.involved.namespace ?? 'default',
        uid: e.name,
        resourceVersion,
        creationTimestamp: e.firstTimestamp,
      },
      involvedObject: e.involved,
      reason: e.reason,
      message: e.message,
      type: e.type,
      source: { component: e.component, host: e.host },
      firstTimestamp: e.firstTimestamp,
      lastTimestamp: e.lastTimestamp,
      count: e.count,
      reportingComponent: e.component,
      reportingInstance: e.host ?? '',
    };
  }

  save(): RecordedEvent[] {
    this.expire();
    return this.events.slice();
  }

  load(saved: RecordedEvent[]): void {
    this.events = saved.slice();
    this.byKey = undefined;
    // The newest name suffix, compared as hex text (longer is larger): one BigInt, not one per event.
    let newest = '0';
    for (const e of this.events) {
      const suffix = e.name.slice(e.name.lastIndexOf('.') + 1);
      if (suffix.length > newest.length || (suffix.length === newest.length && suffix > newest)) newest = suffix;
    }
    const ns = BigInt(`0x${newest}`);
    this.lastMs = Number(ns / 1_000_000n);
    this.lastExtraNs = Number(ns % 1_000_000n);
  }

  private expire(): void {
    const cutoff = this.clock.now() - EventRecorder.TTL_MS;
    if (this.events.length === 0 || Date.parse(this.events[0]!.lastTimestamp) >= cutoff) return;
    this.events = this.events.filter((e) => Date.parse(e.lastTimestamp) >= cutoff);
    this.byKey = undefined;
  }
}
