import type { ApiServer } from '../apiserver/api-server';
import type { VirtualClock } from '../clock';
import type { ClusterConfig } from '../config';
import type { ImageCatalogue } from '../images/catalogue';
import type { SeededRandom } from '../random';
import type { ObjectStore, WatchEvent } from '../store/object-store';
import type { EventRecorder } from './event-recorder';
import type { WorkQueue } from './work-queue';

/**
 * What every controller is handed. Controllers read the store (as an
 * informer cache) and write through the apiserver, like the real ones.
 */
export interface ControllerContext {
  readonly store: ObjectStore;
  readonly api: ApiServer;
  readonly clock: VirtualClock;
  readonly rng: SeededRandom;
  readonly config: ClusterConfig;
  readonly catalogue: ImageCatalogue;
  readonly events: EventRecorder;
  /** Requeues `key` on this controller at virtual time `at` (ms). */
  wakeAt(controller: string, at: number, key: string): void;
  /**
   * State a controller cannot rebuild from the store (an IPAM's last
   * reserved address, say), kept per controller name. Must stay JSON.
   */
  persistent(controller: string): Record<string, unknown>;
}

/**
 * A level-triggered reconciler. `observe` sees every store change and
 * queues the keys it cares about; `sync` brings one key to its desired
 * state by reading the store as it is now.
 */
export interface Controller {
  readonly name: string;
  readonly queue: WorkQueue;
  observe(event: WatchEvent): void;
  sync(key: string): void;
  /** Rebuilds in-memory indexes from the store after a restore. */
  rebuild?(): void;
}
