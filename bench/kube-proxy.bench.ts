/**
 * kube-proxy model benchmark (`node bin/run-ts.mjs bench/kube-proxy.bench.ts`):
 * 1,000 Services with 10 endpoints each, one endpoint changes, one node's
 * rules are regenerated. Figures, not assertions; medians of several runs.
 */
import { performance } from 'node:perf_hooks';
import type { EndpointSlice } from '../src/cluster/api/types';
import { KubeProxy } from '../src/network/kube-proxy/proxier';
import { endpointSlice, service, storeWithNodes, type EndpointSpec } from '../test/support/kube-proxy-fixture';

const SERVICES = 1000;
const ENDPOINTS = 10;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function row(label: string, value: string, target: string): void {
  console.log(`${label.padEnd(58)} ${value.padStart(12)}   target ${target}`);
}

function endpointsOf(i: number, generation = 0): EndpointSpec[] {
  return Array.from({ length: ENDPOINTS }, (_, j) => {
    const worker = (j % 3) + 1;
    const n = i * ENDPOINTS + j + generation * 7;
    return { ip: `10.244.${worker * 50 + Math.floor(n / 250)}.${(n % 250) + 2}`, node: `worker-${worker}` };
  });
}

function main(): void {
  console.log(`podlab kube-proxy benchmarks — node ${process.version}\n`);
  const store = storeWithNodes();
  const t0 = performance.now();
  for (let i = 0; i < SERVICES; i++) {
    store.add(service(`svc-${i}`, { clusterIP: `10.96.${Math.floor(i / 250) + 1}.${(i % 250) + 2}` }));
    store.add(endpointSlice(`svc-${i}`, endpointsOf(i)));
  }
  const proxy = new KubeProxy(store, { clusterCIDR: '10.244.0.0/16' });
  const first = proxy.rules('worker-1');
  const buildMs = performance.now() - t0;
  const natChains = first.tables.find((t) => t.name === 'nat')!.rules.size;
  row(`first sync, ${SERVICES} Services x ${ENDPOINTS} endpoints (${natChains} nat chains)`, `${buildMs.toFixed(0)} ms`, '');

  const times: number[] = [];
  for (let run = 1; run <= 25; run++) {
    const name = `svc-${(run * 37) % SERVICES}`;
    const old = store.get('EndpointSlice', 'default', `${name}-abcde`) as EndpointSlice;
    const eps = endpointsOf((run * 37) % SERVICES);
    eps[0] = { ...eps[0]!, ip: `10.244.${200 + (run % 50)}.${run + 2}` };
    const next = endpointSlice(name, eps);
    store.replace({ ...next, metadata: { ...old.metadata, resourceVersion: String(run + 1) } });
    const t = performance.now();
    proxy.rules('worker-1');
    times.push(performance.now() - t);
  }
  row('one endpoint changes: regenerate one node\'s rules', `${median(times).toFixed(2)} ms`, '< 5 ms');
}

main();
