import { describe, expect, it } from 'vitest';
import type { Pod } from '../../cluster/api/types';
import { bareCluster } from '../../../test/support/cluster-fixture';
import { hostsEntries, renderHostsFile } from './hosts-file';

const cluster = bareCluster(1);
const pod = (spec: Partial<Pod['spec']>): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web-0', namespace: 'shop', uid: 'u', resourceVersion: '1', creationTimestamp: '2026-01-05T09:00:00Z' },
  spec: { containers: [{ name: 'c', image: 'busybox' }], nodeName: 'worker-1', ...spec },
  status: { phase: 'Running', podIP: '10.244.1.9' },
});
const HEAD = '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n';

describe('/etc/hosts', () => {
  it('ends with the pod address and its name, or FQDN and hostname with a subdomain', () => {
    expect(renderHostsFile(cluster, pod({}))).toBe(`${HEAD}10.244.1.9\tweb-0\n`);
    expect(renderHostsFile(cluster, pod({ hostname: 'db', subdomain: 'dbs' }))).toBe(`${HEAD}10.244.1.9\tdb.dbs.shop.svc.cluster.local\tdb\n`);
  });

  it('appends hostAliases under their own header, and the resolver reads them', () => {
    const p = pod({ hostAliases: [{ ip: '10.1.2.3', hostnames: ['foo.remote', 'bar.remote'] }] });
    expect(renderHostsFile(cluster, p)).toBe(`${HEAD}10.244.1.9\tweb-0\n\n# Entries added by HostAliases.\n10.1.2.3\tfoo.remote\tbar.remote\n`);
    expect(hostsEntries(cluster, p)).toContainEqual({ ip: '10.1.2.3', names: ['foo.remote', 'bar.remote'] });
  });

  it('a host-network pod gets the node file under its own header', () => {
    expect(renderHostsFile(cluster, pod({ hostNetwork: true })).split('\n')[0]).toBe('# Kubernetes-managed hosts file (host network).');
  });
});
