/**
 * Data-plane benchmark (`npm run bench`): one traced connection, by
 * ClusterIP, in a cluster of 1,000 Services and 10,000 endpoints: DNS is
 * skipped so the figure is the packet path itself (kube-proxy's rules on
 * the source node, DNAT, the route, the answer).
 */
import type { Pod, Service } from '../src/cluster/api/types';
import { connect } from '../src/network/connect/connect';
import { buildSteadyCluster, header, medianMs, row } from './support';

header('podlab data-plane benchmarks');
const { cluster } = buildSteadyCluster(1000, 10, 1000);
const client = cluster.store.list('Pod', 'default')[0] as Pod;
const from = { kind: 'pod' as const, namespace: 'default', name: client.metadata.name };
const services = cluster.store.list('Service', 'default') as Service[];
let i = 0;
const first = connect(cluster, { from, target: services[1]!.spec.clusterIP!, port: 80, protocol: 'TCP' });
if (first.outcome !== 'answered') throw new Error(`the benchmark connection was not answered: ${first.outcome}`);
// The first connection syncs every node's rules once; time the steady state, a different Service each time.
const ms = medianMs(51, () => {
  const svc = services[(i++ % (services.length - 1)) + 1]!;
  connect(cluster, { from, target: svc.spec.clusterIP!, port: 80, protocol: 'TCP' });
});
row('one traced connection by ClusterIP, 1,000 Services x 10 endpoints (median of 51)', `${ms.toFixed(2)} ms`, '< 1 ms');
