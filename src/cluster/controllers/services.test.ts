import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import type { EndpointSlice } from '../api/types';
import { bareCluster } from '../../../test/support/cluster-fixture';

const service = (name: string, spec: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec });
const pod = (name: string, labels: Record<string, string>, ports: { name: string; containerPort: number }[] = []) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels },
  spec: { containers: [{ name: 'c', image: 'registry.k8s.io/e2e-test-images/agnhost:2.53', args: ['netexec'], ports }] },
});
const slicesOf = (c: ReturnType<typeof bareCluster>, svc: string) =>
  c.store.list('EndpointSlice', 'default').filter((s: EndpointSlice) => s.metadata.labels?.['kubernetes.io/service-name'] === svc);

describe('EndpointSlice and Endpoints controllers', () => {
  it('resolve a named targetPort per pod, putting pods with different numbers in different slices', () => {
    const c = bareCluster(1);
    c.api.create(service('web', { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'web' }] }));
    c.api.create(pod('a', { app: 'web' }, [{ name: 'web', containerPort: 8080 }]));
    c.api.create(pod('b', { app: 'web' }, [{ name: 'web', containerPort: 9090 }]));
    c.api.create(pod('c', { app: 'web' }));
    c.advance(10_000);
    const slices = slicesOf(c, 'web');
    expect(slices.map((s) => s.ports?.[0]?.port).sort()).toEqual([8080, 9090]);
    for (const s of slices) {
      expect(s.metadata.labels?.['endpointslice.kubernetes.io/managed-by']).toBe('endpointslice-controller.k8s.io');
      expect(s.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Service', name: 'web', controller: true });
      expect(s.endpoints).toHaveLength(1);
      expect(s.endpoints![0]!.conditions).toEqual({ ready: true, serving: true, terminating: false });
    }
    const ep = c.store.get('Endpoints', 'default', 'web')!;
    expect(ep.subsets?.map((s) => s.ports?.[0]?.port).sort()).toEqual([8080, 9090]);
  });

  it('split more than 100 endpoints into several slices', () => {
    const c = bareCluster(2, 3);
    c.api.create(service('big', { selector: { app: 'big' }, ports: [{ port: 80 }] }));
    c.api.create({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'big' },
      spec: { replicas: 150, selector: { matchLabels: { app: 'big' } }, template: { metadata: { labels: { app: 'big' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    });
    c.advance(20_000);
    const sizes = slicesOf(c, 'big').map((s) => s.endpoints?.length ?? 0).sort((a, b) => b - a);
    expect(sizes).toEqual([100, 50]);
  });

  it('marks a terminating pod not ready but still serving, and drops it from Endpoints', () => {
    const c = bareCluster(3);
    c.api.create(service('web', { selector: { app: 'web' }, ports: [{ port: 8080 }] }));
    c.api.create({ ...pod('slow', { app: 'web' }), spec: { containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }] } });
    c.advance(10_000);
    c.api.delete('Pod', 'default', 'slow');
    c.settle();
    const ep = slicesOf(c, 'web')[0]!.endpoints![0]!;
    expect(ep.conditions).toEqual({ ready: false, serving: true, terminating: true });
    expect(c.store.get('Endpoints', 'default', 'web')!.subsets).toBeUndefined();
  });

  it('keeps a placeholder slice for a Service that selects nothing', () => {
    const c = bareCluster(4);
    c.api.create(service('lonely', { selector: { app: 'nobody' }, ports: [{ port: 80 }] }));
    c.settle();
    const slices = slicesOf(c, 'lonely');
    expect(slices).toHaveLength(1);
    expect(slices[0]!.endpoints).toBeNull();
    expect(slices[0]!.ports).toBeNull();
  });
});

describe('Service allocation', () => {
  it('refuses a ClusterIP that is taken or out of range, with the apiserver’s texts', () => {
    const c = bareCluster(5);
    c.api.create(service('a', { clusterIP: '10.96.0.50', ports: [{ port: 80 }] }));
    const refuse = (ip: string) => {
      try {
        c.api.create(service('b', { clusterIP: ip, ports: [{ port: 80 }] }));
      } catch (e) {
        return (e as ApiError).message;
      }
      return 'accepted';
    };
    expect(refuse('10.96.0.50')).toBe('Service "b" is invalid: spec.clusterIPs: Invalid value: ["10.96.0.50"]: failed to allocate IP 10.96.0.50: provided IP is already allocated');
    expect(refuse('10.0.0.5')).toBe(
      'Service "b" is invalid: spec.clusterIPs: Invalid value: ["10.0.0.5"]: failed to allocate IP 10.0.0.5: the provided IP (10.0.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    );
    expect(c.store.get('Service', 'default', 'b')).toBeUndefined();
  });

  it('keeps ClusterIP and nodePort across re-applies and frees the nodePort when the type goes back to ClusterIP', () => {
    const c = bareCluster(6);
    const np = service('web', { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80 }] });
    const first = c.api.apply(np).object as unknown as { spec: { clusterIP: string; ports: { nodePort: number }[] } };
    const again = c.api.apply(np);
    expect(again.result).toBe('unchanged');
    c.api.apply(service('web', { type: 'ClusterIP', selector: { app: 'web' }, ports: [{ port: 80 }] }));
    const svc = c.store.get('Service', 'default', 'web')!;
    expect(svc.spec.clusterIP).toBe(first.spec.clusterIP);
    expect(svc.spec.ports?.[0]?.nodePort).toBeUndefined();
    // The port is free again for another Service to ask for.
    c.api.create(service('other', { type: 'NodePort', selector: { app: 'x' }, ports: [{ port: 80, nodePort: first.spec.ports[0]!.nodePort }] }));
    expect(c.store.get('Service', 'default', 'other')!.spec.ports?.[0]?.nodePort).toBe(first.spec.ports[0]!.nodePort);
  });

  it('gives headless Services no ClusterIP and LoadBalancers a nodePort but no external address', () => {
    const c = bareCluster(7);
    c.api.create(service('h', { clusterIP: 'None', selector: { app: 'x' }, ports: [{ port: 80 }] }));
    c.api.create(service('lb', { type: 'LoadBalancer', selector: { app: 'x' }, ports: [{ port: 80 }] }));
    expect(c.store.get('Service', 'default', 'h')!.spec.clusterIPs).toEqual(['None']);
    const lb = c.store.get('Service', 'default', 'lb')!;
    expect(lb.spec.ports?.[0]?.nodePort).toBeGreaterThanOrEqual(30000);
    expect(lb.status?.loadBalancer?.ingress).toBeUndefined();
  });
});


describe('Service status', () => {
  it('is the strategy’s empty ServiceStatus, {loadBalancer: {}}, whatever the manifest said, and stays on update', () => {
    const c = bareCluster(1);
    c.api.create({ ...service('web', { ports: [{ port: 80 }] }), status: { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } } });
    expect(c.store.get('Service', 'default', 'web')?.status).toEqual({ loadBalancer: {} });
    const live = c.store.get('Service', 'default', 'web')!;
    c.api.update({ ...live, spec: { ...live.spec, sessionAffinity: 'ClientIP' } });
    expect(c.store.get('Service', 'default', 'web')?.status).toEqual({ loadBalancer: {} });
  });
});
