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
  const lowBits = low % LOW_BITS;
  if (high === 0) return lowBits.toString(16);
  // The high part changes every 2^24 ns, and a number past 2^31 prints to hex slowly: print it once for them all.
  if (high !== lastHigh.value) lastHigh = { value: high, hex: high.toString(16) };
  // The low part's six digits from a table: Number#toString(16) costs more than the rest of an event.
  return lastHigh.hex + (HEX_PAIRS[lowBits >>> 16]! + HEX_PAIRS[(lowBits >>> 8) & 255]! + HEX_PAIRS[lowBits & 255]!);
}

let lastHigh = { value: 0, hex: '' };
/** `00` to `ff`. */
const HEX_PAIRS = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

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

/** Past this many events on one object, its dedup looks messages up in a map instead of walking them. */
const SCAN_LIMIT = 16;

/**
 * One object's events, for the correlator: the newest one's position in
 * `events` (earlier ones chain back through `previous`) and how many there
 * are. Most objects have a handful, with distinct reasons, so a walk that
 * compares reasons first finds a repeat without hashing its message; an
 * object with many (a ReplicaSet's SuccessfulCreate per pod) gets a map by
 * message once it passes SCAN_LIMIT.
 */
interface ObjectEvents {
  newest: number;
  count: number;
  /** Positions by message: one number while a message is unique, as almost every one is, so not an array apiece. */
  byMessage: Map<string, number | number[]> | undefined;
}

/**
 * The cluster's events (`kubectl get events`, the Events of `describe`).
 * Kept beside the store rather than in it: the apiserver stores events in
 * a separate etcd prefix with a one-hour TTL, and so does this. A repeat
 * of the same event on the same object bumps its count, as client-go's
 * correlator does.
 */
export class EventRecorder {
  /** Oldest first. Records (and their shared `involved`) are replaced, never changed in place, so snapshots can share them. */
  private events: RecordedEvent[] = [];
  /** Involved uid → that object's events, for the correlator's dedup; built when first needed (a restore does not pay for it). */
  private byUid: Map<string, ObjectEvents> | undefined;
  /** By position in `events`: the position of the same object's event before it, or -1. Built with byUid. */
  private previous: number[] = [];
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
    const fieldPath = extra.fieldPath;
    const mine = index.get(obj.metadata.uid);
    // An earlier event on the object with the same fieldPath lends the new one its `involved` record.
    let involved: RecordedEvent['involved'] | undefined;
    if (mine) {
      let repeat = -1;
      if (mine.byMessage) {
        repeat = this.firstRepeat(mine.byMessage.get(message), reason, message, component, fieldPath);
        const newest = this.events[mine.newest]!.involved;
        if (newest.fieldPath === fieldPath) involved = newest;
      } else {
        // Newest first: the last repeat found is the oldest, the one the correlator bumps.
        for (let at = mine.newest; at >= 0; at = this.previous[at]!) {
          const e = this.events[at]!;
          if (this.repeats(e, reason, message, component, fieldPath)) repeat = at;
          if (!involved && e.involved.fieldPath === fieldPath) involved = e.involved;
        }
      }
      if (repeat >= 0) {
        const old = this.events[repeat]!;
        this.events[repeat] = { ...old, count: old.count + 1, lastTimestamp: now };
        return;
      }
    }
    this.add(index, mine, {
      type,
      reason,
      message,
      component,
      host: extra.host,
      involved: involved ?? { kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name, uid: obj.metadata.uid, apiVersion: obj.apiVersion, fieldPath },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      // Concatenated, which is cheap to build; the name is flattened only if it is ever read.
      name: `${obj.metadata.name}.${this.nameSuffix()}`,
    });
  }

  /** The oldest of the positions whose event this one repeats, or -1. */
  private firstRepeat(positions: number | number[] | undefined, reason: string, message: string, component: string, fieldPath: string | undefined): number {
    if (typeof positions === 'number') return this.repeats(this.events[positions]!, reason, message, component, fieldPath) ? positions : -1;
    for (const at of positions ?? []) if (this.repeats(this.events[at]!, reason, message, component, fieldPath)) return at;
    return -1;
  }

  private repeats(e: RecordedEvent, reason: string, message: string, component: string, fieldPath: string | undefined): boolean {
    return e.reason === reason && e.component === component && e.involved.fieldPath === fieldPath && e.message === message;
  }

  /** Appends an event and indexes it; `mine` is its object's entry, as record looked it up. */
  private add(index: Map<string, ObjectEvents>, mine: ObjectEvents | undefined, event: RecordedEvent): void {
    const at = this.events.length;
    this.events.push(event);
    this.indexAt(index, at, mine);
  }

  /** Indexes the event at `at`; `mine` is its object's entry so far (undefined for the object's first event). */
  private indexAt(index: Map<string, ObjectEvents>, at: number, mine: ObjectEvents | undefined): void {
    const e = this.events[at]!;
    if (!mine) {
      index.set(e.involved.uid, { newest: at, count: 1, byMessage: undefined });
      this.previous[at] = -1;
      return;
    }
    this.previous[at] = mine.newest;
    mine.newest = at;
    mine.count++;
    if (mine.byMessage) return this.addByMessage(mine.byMessage, at);
    if (mine.count <= SCAN_LIMIT) return;
    const chain: number[] = [];
    for (let p = at; p >= 0; p = this.previous[p]!) chain.push(p);
    mine.byMessage = new Map();
    for (let i = chain.length - 1; i >= 0; i--) this.addByMessage(mine.byMessage, chain[i]!);
  }

  private addByMessage(byMessage: Map<string, number | number[]>, at: number): void {
    const message = this.events[at]!.message;
    const same = byMessage.get(message);
    if (same === undefined) byMessage.set(message, at);
    else if (typeof same === 'number') byMessage.set(message, [same, at]);
    else same.push(at);
  }

  private index(): Map<string, ObjectEvents> {
    if (!this.byUid) {
      const byUid = (this.byUid = new Map<string, ObjectEvents>());
      this.previous = [];
      for (let i = 0; i < this.events.length; i++) this.indexAt(byUid, i, byUid.get(this.events[i]!.involved.uid));
    }
    return this.byUid;
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
    this.byUid = undefined;
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
    this.byUid = undefined;
  }
}

