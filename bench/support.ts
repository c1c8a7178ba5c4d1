/** What the benchmarks share: timing helpers and the clusters they build. */
import { performance } from 'node:perf_hooks';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Deployment, Pod } from '../src/cluster/api/types';
import { Cluster } from '../src/cluster/cluster';
import { bareScenario, testCatalogue } from '../test/support/cluster-fixture';
import { deploymentManifest } from '../test/support/manifests';

export const catalogue = testCatalogue();

// V8's gc(), without a command-line flag: exposed now, the next new context has it.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * A full collection, outside any timing: each build then starts from a heap
 * holding only what the benchmark keeps, as a fresh tab's does, rather than
 * paying to collect the build before it.
 */
export function collectGarbage(): void {
  gc();
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Runs `fn` `times` times and returns the median duration in ms. */
export function medianMs(times: number, fn: () => void): number {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

export function row(label: string, value: string, target: string): void {
  console.log(`${label.padEnd(64)} ${value.padStart(12)}   ${target ? `target ${target}` : ''}`.trimEnd());
}

export function header(title: string): void {
  console.log(`${title} — node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`);
}

function service(name: string, app: string): unknown {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { selector: { app }, ports: [{ port: 80, targetPort: 80 }] } };
}

/** A scenario whose workers have room for `pods` pods (a /24 holds 253). */
function sizedCluster(pods: number, seed = 1): Cluster {
  const workers = Math.max(3, Math.ceil(pods / 200));
  return Cluster.create({ scenario: bareScenario(workers), seed, catalogue });
}

/** Ready pods, summed from the Deployments' status: O(Deployments), so the harness does not bill itself per pod. */
export function readyPods(cluster: Cluster): number {
  let n = 0;
  for (const d of cluster.store.list('Deployment', 'default') as Deployment[]) n += d.status?.readyReplicas ?? 0;
  return n;
}

/** Ready pods counted one by one, to confirm the Deployments' figure once the build is done. */
function countReadyPods(cluster: Cluster): number {
  let n = 0;
  for (const p of cluster.store.list('Pod', 'default') as Pod[]) {
    if (p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')) n++;
  }
  return n;
}

/**
 * Builds `deployments` x `replicas` pods plus `services` Services and runs
 * the cluster until every pod is ready. The heap is sampled every 500 store
 * changes; garbage not yet collected counts, so the peak is an upper bound.
 */
export function buildSteadyCluster(deployments: number, replicas: number, services: number): { cluster: Cluster; ms: number; peakHeapBytes: number } {
  const cluster = sizedCluster(deployments * replicas);
  let peakHeapBytes = getHeapStatistics().used_heap_size;
  let changes = 0;
  const stopSampling = cluster.store.subscribe(() => {
    if (++changes % 500 === 0) peakHeapBytes = Math.max(peakHeapBytes, getHeapStatistics().used_heap_size);
  });
  const t0 = performance.now();
  for (let i = 0; i < deployments; i++) cluster.api.create(deploymentManifest(`app-${i}`, replicas));
  for (let i = 0; i < services; i++) cluster.api.create(service(`svc-${i}`, `app-${i % deployments}`));
  cluster.settle();
  cluster.advanceUntil(() => readyPods(cluster) === deployments * replicas, 10 * 60 * 1000);
  const ms = performance.now() - t0;
  stopSampling();
  peakHeapBytes = Math.max(peakHeapBytes, getHeapStatistics().used_heap_size);
  if (countReadyPods(cluster) !== deployments * replicas) throw new Error(`only ${countReadyPods(cluster)} pods ready`);
  return { cluster, ms, peakHeapBytes };
}
