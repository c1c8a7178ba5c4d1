import { describe, expect, it } from 'vitest';
import { bootCluster } from '../../../test/support/cluster-fixture';
import { pod, svc } from '../network.fixture';
import { answerQuestion } from './records';

/**
 * publishNotReadyAddresses: the EndpointSlice controller marks not-ready
 * pods ready for such a Service, and CoreDNS answers with every endpoint
 * it sees ready; a plain headless Service names only the ready pods.
 */
describe('headless Services and pods that are not ready', () => {
  const c = bootCluster('default', 11);
  // nginx answers 404 for /nope, so the readiness probe fails and the pod stays Running but not Ready.
  const probe = { httpGet: { path: '/nope', port: 80 }, periodSeconds: 1 };
  c.api.create(pod('slow', { hostname: 'slow', subdomain: 'peers', containers: [{ name: 'web', image: 'nginx:1.27.5', readinessProbe: probe }] }, { app: 'slow' }));
  c.api.create(svc('plain', { clusterIP: 'None', selector: { app: 'slow' }, ports: [{ name: 'http', port: 80 }] }));
  c.api.create(svc('peers', { clusterIP: 'None', publishNotReadyAddresses: true, selector: { app: 'slow' }, ports: [{ name: 'http', port: 80 }] }));
  c.advance(30_000);
  const slow = c.store.get('Pod', 'default', 'slow')!;
  const ip = slow.status!.podIP!;

  it('the pod runs but is not ready', () => {
    expect(slow.status?.phase).toBe('Running');
    expect(slow.status?.conditions?.find((x) => x.type === 'Ready')?.status).toBe('False');
  });

  it('publishNotReadyAddresses: an A record for the not-ready pod, by Service and by hostname', () => {
    expect(answerQuestion(c, 'peers.default.svc.cluster.local', 'A').answers.map((a) => a.data)).toEqual([ip]);
    expect(answerQuestion(c, 'slow.peers.default.svc.cluster.local', 'A').answers.map((a) => a.data)).toEqual([ip]);
  });

  it('a plain headless Service: no ready endpoint, NXDOMAIN as CoreDNS answers a Service without endpoints', () => {
    expect(answerQuestion(c, 'plain.default.svc.cluster.local', 'A')).toMatchObject({ rcode: 'NXDOMAIN', answers: [] });
  });
});
