import type { KubeObject } from './api/types';
import { ApiServer } from './apiserver/api-server';
import { VirtualClock } from './clock';
import type { ClusterConfig } from './config';
import { registerServiceControllers } from './controllers/services';
import { registerWorkloadControllers } from './controllers/workloads';
import type { ImageCatalogue } from './images/catalogue';
import { buildNamespaces, buildNode } from './bootstrap';
import { SeededRandom } from './random';
import type { ControllerContext } from './runtime/controller';
import { ControllerManager } from './runtime/controller-manager';
import { EventRecorder, type RecordedEvent } from './runtime/event-recorder';
import type { Wakeup } from './runtime/wakeups';
import { configFromScenario, type Scenario } from './scenario';
import { ObjectStore } from './store/object-store';
import { deepClone } from './util/clone';

export const SNAPSHOT_VERSION = 1;

/** Everything a cluster is, as plain JSON: what snapshot() writes and restore() reads. */
export interface ClusterSnapshot {
  version: number;
  scenario: string;
  seed: number;
  config: ClusterConfig;
  now: number;
  rng: [number, number, number, number];
  resourceVersion: number;
  objects: KubeObject[];
  wakeups: { seq: number; items: Wakeup[] };
  events: RecordedEvent[];
  persistent: Record<string, Record<string, unknown>>;
}

export interface ClusterOptions {
  scenario: Scenario;
  seed: number;
  catalogue: ImageCatalogue;
}

/**
 * One simulated cluster: store, apiserver, controllers, clock and
 * randomness, wired together. The same object runs in a browser tab and
 * in Node; nothing in it reads the wall clock or global randomness.
 */
export class Cluster {
  readonly store: ObjectStore;
  readonly api: ApiServer;
  readonly clock: VirtualClock;
  readonly rng: SeededRandom;
  readonly events: EventRecorder;
  readonly controllers: ControllerManager;
  readonly config: ClusterConfig;
  readonly catalogue: ImageCatalogue;
  readonly scenarioName: string;
  readonly seed: number;
  private persistentState: Record<string, Record<string, unknown>>;

  private constructor(config: ClusterConfig, catalogue: ImageCatalogue, scenarioName: string, seed: number, now: number, persistent: Record<string, Record<string, unknown>> = {}) {
    this.persistentState = persistent;
    this.config = config;
    this.catalogue = catalogue;
    this.scenarioName = scenarioName;
    this.seed = seed;
    this.clock = new VirtualClock(now);
    this.rng = new SeededRandom(seed);
    this.store = new ObjectStore();
    this.events = new EventRecorder(this.clock);
    this.api = new ApiServer(this.store, this.clock, this.rng, config);
    this.controllers = new ControllerManager(this.store);
    const ctx: ControllerContext = {
      store: this.store,
      api: this.api,
      clock: this.clock,
      rng: this.rng,
      config,
      catalogue,
      events: this.events,
      wakeAt: (controller, at, key) => this.controllers.wakeups.schedule(at, controller, key),
      persistent: (controller) => (this.persistentState[controller] ??= {}),
    };
    registerWorkloadControllers(this.controllers, ctx);
    registerServiceControllers(this.controllers, ctx);
  }

  /**
   * Boots a cluster from a scenario: namespaces and nodes, then the
   * scenario's objects, then `uptimeSeconds` of virtual time so the system
   * pods are running and aged when the learner arrives.
   */
  static create(options: ClusterOptions): Cluster {
    const { scenario, seed, catalogue } = options;
    const config = configFromScenario(scenario);
    const arrival = Date.parse(scenario.startTime);
    const bootAt = arrival - scenario.uptimeSeconds * 1000;
    const cluster = new Cluster(config, catalogue, scenario.name, seed, bootAt);
    for (const ns of buildNamespaces()) cluster.api.createSystem(ns);
    const joinsAt = (node: (typeof config.nodes)[number]) => bootAt + (node.joinAfterSeconds ?? 0) * 1000;
    for (const node of config.nodes) if (joinsAt(node) === bootAt) cluster.api.createSystem(buildNode(node, config));
    cluster.settle();
    for (const manifest of scenario.objects) {
      cluster.api.create(manifest);
      cluster.settle();
    }
    // Nodes that join later (kind's workers), in the order they join.
    for (const node of config.nodes.filter((n) => joinsAt(n) > bootAt).sort((a, b) => joinsAt(a) - joinsAt(b))) {
      cluster.advanceTo(joinsAt(node));
      cluster.api.createSystem(buildNode(node, config));
      cluster.settle();
    }
    cluster.advanceTo(arrival);
    return cluster;
  }

  /** Runs controllers until nothing is left to do at the current instant. */
  settle(): void {
    this.controllers.settle();
  }

  /** Moves virtual time forward by `ms`, firing due work in order. */
  advance(ms: number): void {
    this.advanceTo(this.clock.now() + ms);
  }

  advanceTo(target: number): void {
    this.settle();
    for (;;) {
      const next = this.controllers.wakeups.nextAt();
      if (next === undefined || next > target) break;
      this.clock.advanceTo(next);
      for (const w of this.controllers.wakeups.takeDue(next)) this.controllers.enqueue(w.controller, w.key);
      this.settle();
    }
    this.clock.advanceTo(target);
    this.settle();
  }

  /**
   * Advances until `done()` holds or `limitMs` passes, stepping from one
   * wakeup to the next; returns whether it held. For `kubectl delete`
   * (which waits for the object to go) and `kubectl wait`.
   */
  advanceUntil(done: () => boolean, limitMs: number): boolean {
    const deadline = this.clock.now() + limitMs;
    this.settle();
    while (!done()) {
      const next = this.controllers.wakeups.nextAt();
      if (next === undefined || next > deadline) {
        this.advanceTo(deadline);
        return done();
      }
      this.advanceTo(next);
    }
    return true;
  }

  /**
   * What a container wrote after its startup output (nginx's access log),
   * by pod uid and container. Kept with the controllers' state so snapshots
   * carry it; the data plane appends, `kubectl logs` reads.
   */
  appendContainerLog(podUid: string, container: string, line: string): void {
    const logs = (this.persistentState['container-logs'] ??= {}) as Record<string, string[]>;
    (logs[`${podUid}/${container}`] ??= []).push(line);
  }

  containerLog(podUid: string, container: string): readonly string[] {
    return ((this.persistentState['container-logs'] ?? {}) as Record<string, string[]>)[`${podUid}/${container}`] ?? [];
  }

  /**
   * The nodes' kernel state that the data plane keeps (conntrack entries,
   * the `recent` match's lists), by name, as plain JSON kept with the
   * controllers' state so snapshots carry it.
   */
  kernelState(name: string): Record<string, unknown> {
    const all = (this.persistentState['kernel'] ??= {}) as Record<string, Record<string, unknown>>;
    return (all[name] ??= {});
  }

  /**
   * The whole cluster as plain JSON data. Stored objects are never changed
   * in place (the store replaces them), so the snapshot shares them instead
   * of copying: it stays valid however the cluster goes on, and costs a few
   * milliseconds even for 10,000 pods. Controllers' own state is mutable,
   * so that part is copied.
   */
  snapshot(): ClusterSnapshot {
    this.settle();
    return {
      version: SNAPSHOT_VERSION,
      scenario: this.scenarioName,
      seed: this.seed,
      config: this.config,
      now: this.clock.now(),
      rng: this.rng.save(),
      resourceVersion: this.store.resourceVersion,
      objects: this.store.all(),
      wakeups: this.controllers.wakeups.save(),
      events: this.events.save(),
      persistent: deepClone(this.persistentState),
    };
  }

  /** The snapshot as JSON text, for storage outside the process. */
  snapshotJson(): string {
    return JSON.stringify(this.snapshot());
  }

  static restore(snapshot: ClusterSnapshot, catalogue: ImageCatalogue): Cluster {
    if (snapshot.version !== SNAPSHOT_VERSION) throw new Error(`unsupported snapshot version ${snapshot.version}`);
    // Controllers take their persistent state when constructed, so it goes in first.
    const persistent = deepClone(snapshot.persistent);
    const cluster = new Cluster(snapshot.config, catalogue, snapshot.scenario, snapshot.seed, snapshot.now, persistent);
    cluster.rng.load(snapshot.rng);
    cluster.store.load(snapshot.objects, snapshot.resourceVersion);
    cluster.controllers.wakeups.load(snapshot.wakeups);
    cluster.events.load(snapshot.events);
    cluster.controllers.rebuild();
    return cluster;
  }
}
