import { describe, expect, it } from 'vitest';
import { bareScenario, testCatalogue } from '../../../test/support/cluster-fixture';
import { Cluster } from '../cluster';
import type { Service } from '../api/types';
import { announcingNode } from './metallb-speaker';

const POOL = ['172.18.255.200-172.18.255.202'];
const lbCluster = (addresses = POOL) => Cluster.create({ scenario: { ...bareScenario(), loadBalancer: { implementation: 'metallb', addresses } }, seed: 1, catalogue: testCatalogue() });
const lb = (name: string, extra: Record<string, unknown> = {}, annotations?: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, ...(annotations ? { annotations } : {}) },
  spec: { type: 'LoadBalancer', selector: { app: name }, ports: [{ port: 80 }], ...extra },
});
const ipOf = (c: Cluster, name: string) => (c.store.get('Service', 'default', name) as Service | undefined)?.status?.loadBalancer?.ingress;
const eventsOf = (c: Cluster, name: string) => c.events.list().filter((e) => e.involved.name === name).map((e) => [e.reason, e.message, e.component]);

describe('MetalLB controller and speaker', () => {
  it('assign the first free pool address (ipMode VIP) with IPAllocated, free it on delete and type change', () => {
    const c = lbCluster();
    c.api.create(lb('a'));
    c.api.create(lb('b'));
    c.settle();
    expect(ipOf(c, 'a')).toEqual([{ ip: '172.18.255.200', ipMode: 'VIP' }]);
    expect(ipOf(c, 'b')).toEqual([{ ip: '172.18.255.201', ipMode: 'VIP' }]);
    expect(eventsOf(c, 'a')).toEqual([['IPAllocated', 'Assigned IP ["172.18.255.200"]', 'metallb-controller']]);
    c.api.delete('Service', 'default', 'a');
    c.api.create(lb('c'));
    c.settle();
    expect(ipOf(c, 'c')?.[0]?.ip).toBe('172.18.255.200');
    const b = c.store.get('Service', 'default', 'b')!;
    c.api.update({ ...b, spec: { ...b.spec, type: 'ClusterIP' } });
    c.settle();
    expect(ipOf(c, 'b')).toBeUndefined();
  });

  it('leaves a Service pending when the pool is full, and gives it the address that frees', () => {
    const c = lbCluster(['172.18.255.200/32']);
    c.api.create(lb('a'));
    c.api.create(lb('b'));
    c.settle();
    expect(ipOf(c, 'b')).toBeUndefined();
    c.api.delete('Service', 'default', 'a');
    c.settle();
    expect(ipOf(c, 'b')?.[0]?.ip).toBe('172.18.255.200');
  });

  it('honours spec.loadBalancerIP and the metallb.io/loadBalancerIPs annotation inside the pool; ignores other classes', () => {
    const c = lbCluster();
    c.api.create(lb('a', { loadBalancerIP: '172.18.255.202' }));
    c.api.create(lb('b', {}, { 'metallb.io/loadBalancerIPs': '172.18.255.201' }));
    c.api.create(lb('outside', { loadBalancerIP: '10.0.0.1' }));
    c.api.create(lb('other', { loadBalancerClass: 'example.com/lb' }));
    c.settle();
    expect([ipOf(c, 'a')?.[0]?.ip, ipOf(c, 'b')?.[0]?.ip, ipOf(c, 'outside'), ipOf(c, 'other')]).toEqual(['172.18.255.202', '172.18.255.201', undefined, undefined]);
  });

  it('announce from one node once an endpoint is ready, with nodeAssigned; Local picks a node with an endpoint', () => {
    const c = lbCluster();
    c.api.create(lb('web', { externalTrafficPolicy: 'Local' }));
    c.settle();
    expect(announcingNode(c.store, c.store.get('Service', 'default', 'web')!)).toBeUndefined();
    c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1', labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } });
    c.advance(20_000);
    const node = c.store.get('Pod', 'default', 'web-1')!.spec.nodeName;
    expect(announcingNode(c.store, c.store.get('Service', 'default', 'web')!)).toBe(node);
    expect(eventsOf(c, 'web').at(-1)).toEqual(['nodeAssigned', `announcing from node "${node}" with protocol "layer2"`, 'metallb-speaker']);
    c.advance(20_000);
    expect(eventsOf(c, 'web').filter((e) => e[0] === 'nodeAssigned')).toHaveLength(1);
  });

  it('carries on after a snapshot and restore: addresses and announcements are not given twice', () => {
    const c = lbCluster();
    c.api.create(lb('web'));
    c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1', labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } });
    c.advance(20_000);
    const r = Cluster.restore(JSON.parse(c.snapshotJson()), testCatalogue());
    r.api.create(lb('next'));
    r.advance(20_000);
    expect(ipOf(r, 'next')?.[0]?.ip).toBe('172.18.255.201');
    expect(eventsOf(r, 'web').map((e) => e[0])).toEqual(['IPAllocated', 'nodeAssigned']);
  });

  it('never runs in a scenario without a load balancer', () => {
    const c = Cluster.create({ scenario: bareScenario(), seed: 1, catalogue: testCatalogue() });
    c.api.create(lb('a'));
    c.settle();
    expect(ipOf(c, 'a')).toBeUndefined();
  });
});
