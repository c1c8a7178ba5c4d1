/**
 * Cluster-model benchmarks (`npm run bench`). Figures, not assertions:
 * each run prints what it measured beside its target. Times are medians
 * of several repetitions; these machines are noisy.
 */
import { performance } from 'node:perf_hooks';
import type { Deployment } from '../src/cluster/api/types';
import { Cluster } from '../src/cluster/cluster';
import { buildSteadyCluster, catalogue, collectGarbage, header, median, row } from './support';

const SCALE_SAMPLES = 21;

/** Scales app-0 up by one and runs the cluster until the new pod is ready and in its Service's endpoints. */
function scaleByOne(cluster: Cluster): number {
  const d = cluster.store.get('Deployment', 'default', 'app-0') as Deployment;
  const want = (d.spec.replicas ?? 1) + 1;
  // Checking the Deployment's status is O(1), so the harness itself does not grow with the cluster.
  const ready = () => cluster.store.get('Deployment', 'default', 'app-0')?.status?.readyReplicas === want;
  const t0 = performance.now();
  cluster.api.update({ ...d, spec: { ...d.spec, replicas: want } } as Deployment);
  cluster.advanceUntil(ready, 60_000);
  const ms = performance.now() - t0;
  if (!ready()) throw new Error('scaled pod never became ready');
  return ms;
}

function main(): void {
  header('podlab cluster benchmarks');

  // 1. 100 Deployments x 100 replicas + 1,000 Services to steady state, five
  // times in this process: the first build pays for compiling the code as it
  // goes (what a fresh tab pays), the median is the reconcile's own cost.
  // Every build starts from a collected heap. The peak is the first build's.
  const pods = 100 * 100;
  const buildTimes: number[] = [];
  let firstPeakHeap = 0;
  let big: Cluster | undefined;
  for (let i = 0; i < 5; i++) {
    // Only the last cluster is kept (for the figures below): the others are garbage before the next build.
    big = undefined;
    collectGarbage();
    const build = buildSteadyCluster(100, 100, 1000);
    buildTimes.push(build.ms);
    if (i === 0) firstPeakHeap = build.peakHeapBytes;
    big = build.cluster;
  }
  if (!big) throw new Error('no cluster was built');
  const buildMs = median(buildTimes);
  row('reconcile 100 Deployments x 100 replicas + 1,000 Services', '', '');
  row('  first build in a fresh process', `${buildTimes[0]!.toFixed(0)} ms`, '');
  row('    per pod', `${((buildTimes[0]! * 1000) / pods).toFixed(1)} µs`, '');
  row('  median of 5 builds', `${buildMs.toFixed(0)} ms`, '');
  row('    per pod', `${((buildMs * 1000) / pods).toFixed(1)} µs`, '< 50 µs');
  row('  peak heap used during the first build (sampled every 500 changes)', `${(firstPeakHeap / 1e6).toFixed(0)} MB`, '< 300 MB');
  collectGarbage();
  row('  heap the 10,000-pod cluster holds at steady state', `${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`, '');
  // The builds are synchronous, so the process's peak resident memory is the honest peak figure.
  row('  peak resident memory of the process so far', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`, '');

  // 2. One scale by one replica: 10,000-pod cluster vs 100-pod cluster.
  const { cluster: small } = buildSteadyCluster(1, 100, 10);
  const bigTimes: number[] = [];
  const smallTimes: number[] = [];
  // Single samples range over several times their median (a scavenge lands in one or another): 21 of each, interleaved.
  for (let i = 0; i < SCALE_SAMPLES; i++) {
    smallTimes.push(scaleByOne(small));
    bigTimes.push(scaleByOne(big));
  }
  const ratio = median(bigTimes) / median(smallTimes);
  row(`scale by one replica, 100-pod cluster (median of ${SCALE_SAMPLES})`, `${median(smallTimes).toFixed(2)} ms`, '');
  row(`scale by one replica, 10,000-pod cluster (median of ${SCALE_SAMPLES})`, `${median(bigTimes).toFixed(2)} ms`, '');
  row('  ratio 10,000 / 100', `${ratio.toFixed(2)}x`, '< 3x');

  // 3. Snapshot + restore of the 10,000-pod cluster: in memory (what reset,
  // undo and grading replays use), then through JSON text (what saving to
  // storage adds).
  const memoryTimes: number[] = [];
  const textTimes: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 5; i++) {
    let t0 = performance.now();
    const restored = Cluster.restore(big.snapshot(), catalogue);
    memoryTimes.push(performance.now() - t0);
    if (restored.store.count('Pod') !== big.store.count('Pod')) throw new Error('restore lost pods');

    t0 = performance.now();
    const json = big.snapshotJson();
    const fromText = Cluster.restore(JSON.parse(json), catalogue);
    textTimes.push(performance.now() - t0);
    bytes = json.length;
    if (fromText.store.count('Pod') !== big.store.count('Pod')) throw new Error('restore from text lost pods');
  }
  row('snapshot + restore, 10,000-pod cluster, in memory (median of 5)', `${median(memoryTimes).toFixed(0)} ms`, '< 300 ms');
  row('snapshot + restore through JSON text (median of 5)', `${median(textTimes).toFixed(0)} ms`, '');
  row('  JSON text size', `${(bytes / 1e6).toFixed(1)} MB`, '');
}

main();
