import type { Event, KubeObject } from '../api/types';
import type { VirtualClock } from '../clock';
import type { SeededRandom } from '../random';

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
  private events: RecordedEvent[] = [];
  private readonly byKey = new Map<string, RecordedEvent>();
  static readonly TTL_MS = 60 * 60 * 1000;

  constructor(
    private readonly clock: VirtualClock,
    private readonly rng: SeededRandom,
  ) {}

  record(
    obj: KubeObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    component: string,
    extra: { host?: string; fieldPath?: string } = {},
  ): void {
    const now = this.clock.timestamp();
    const key = `${obj.metadata.uid}|${reason}|${message}|${component}|${extra.fieldPath ?? ''}`;
    const seen = this.byKey.get(key);
    if (seen) {
      seen.count += 1;
      seen.lastTimestamp = now;
      return;
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
      name: `${obj.metadata.name}.${this.rng.string(16, '0123456789abcdef')}`,
    };
    this.events.push(event);
    this.byKey.set(key, event);
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
    return this.events.map((e) => ({ ...e, involved: { ...e.involved } }));
  }

  load(saved: RecordedEvent[]): void {
    this.events = saved.map((e) => ({ ...e, involved: { ...e.involved } }));
    this.byKey.clear();
    for (const e of this.events) {
      this.byKey.set(`${e.involved.uid}|${e.reason}|${e.message}|${e.component}|${e.involved.fieldPath ?? ''}`, e);
    }
  }

  private expire(): void {
    const cutoff = this.clock.now() - EventRecorder.TTL_MS;
    if (this.events.length === 0 || Date.parse(this.events[0]!.lastTimestamp) >= cutoff) return;
    this.events = this.events.filter((e) => Date.parse(e.lastTimestamp) >= cutoff);
    this.byKey.clear();
    for (const e of this.events) {
      this.byKey.set(`${e.involved.uid}|${e.reason}|${e.message}|${e.component}|${e.involved.fieldPath ?? ''}`, e);
    }
  }
}
