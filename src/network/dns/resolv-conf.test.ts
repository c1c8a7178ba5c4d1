import { describe, expect, it } from 'vitest';
import type { Pod } from '../../cluster/api/types';
import { bareCluster } from '../../../test/support/cluster-fixture';
import { ndotsOf, podResolvConf, renderResolvConf } from './resolv-conf';

const cluster = bareCluster(1);
const podWith = (spec: Partial<Pod['spec']>, namespace = 'default'): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', namespace, uid: 'u', resourceVersion: '1', creationTimestamp: '2026-01-05T09:00:00Z' },
  spec: { containers: [{ name: 'c', image: 'busybox' }], nodeName: 'worker-1', ...spec },
});
const fileOf = (spec: Partial<Pod['spec']>, namespace = 'default') => renderResolvConf(podResolvConf(cluster, podWith(spec, namespace)));

describe('/etc/resolv.conf per dnsPolicy', () => {
  it('ClusterFirst (the default): the namespace search list, kube-dns, ndots:5', () => {
    expect(fileOf({}, 'shop')).toBe('search shop.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
    expect(fileOf({ dnsPolicy: 'ClusterFirst' })).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
  });

  it("Default: the node's own resolv.conf", () => {
    expect(fileOf({ dnsPolicy: 'Default' })).toBe('nameserver 172.18.0.1\noptions ndots:0\n');
  });

  it('hostNetwork with ClusterFirst falls back to the node file; ClusterFirstWithHostNet keeps cluster DNS', () => {
    expect(fileOf({ hostNetwork: true })).toBe('nameserver 172.18.0.1\noptions ndots:0\n');
    expect(fileOf({ hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' })).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
  });

  it('None: only what dnsConfig says', () => {
    const dnsConfig = { nameservers: ['1.1.1.1', '8.8.8.8'], searches: ['corp.example'], options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }] };
    expect(fileOf({ dnsPolicy: 'None', dnsConfig })).toBe('search corp.example\nnameserver 1.1.1.1\nnameserver 8.8.8.8\noptions ndots:2 edns0\n');
    expect(fileOf({ dnsPolicy: 'None' })).toBe('');
  });

  it('dnsConfig adds to ClusterFirst: searches appended once, options overriding by name', () => {
    const dnsConfig = { searches: ['svc.cluster.local', 'corp.example'], options: [{ name: 'ndots', value: '1' }] };
    const conf = podResolvConf(cluster, podWith({ dnsConfig }));
    expect(renderResolvConf(conf)).toBe('search default.svc.cluster.local svc.cluster.local cluster.local corp.example\nnameserver 10.96.0.10\noptions ndots:1\n');
    expect(ndotsOf(conf)).toBe(1);
  });
});
