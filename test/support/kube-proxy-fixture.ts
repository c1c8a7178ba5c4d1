import type { EndpointSlice, Node, Service, ServiceSpec } from '../../src/cluster/api/types';
import { ObjectStore } from '../../src/cluster/store/object-store';

/**
 * Services, EndpointSlices and Nodes written straight into a bare store,
 * as the EndpointSlice controller would leave them: fast to build at any
 * size, and exact about what kube-proxy is given.
 */

const meta = (name: string, namespace?: string, labels?: Record<string, string>) => ({
  name,
  ...(namespace ? { namespace } : {}),
  uid: `uid-${namespace ?? ''}-${name}`,
  resourceVersion: '1',
  creationTimestamp: '2026-01-05T09:00:00Z',
  ...(labels ? { labels } : {}),
});

export function node(name: string, internalIP: string): Node {
  return { apiVersion: 'v1', kind: 'Node', metadata: meta(name), spec: {}, status: { addresses: [{ type: 'InternalIP', address: internalIP }] } };
}

export function service(name: string, spec: Partial<ServiceSpec> & { clusterIP: string }, namespace = 'default'): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(name, namespace),
    spec: { type: 'ClusterIP', ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080 }], ...spec },
  };
}

export interface EndpointSpec {
  ip: string;
  node: string;
  ready?: boolean;
  serving?: boolean;
  terminating?: boolean;
}

export function endpointSlice(
  service: string,
  endpoints: EndpointSpec[],
  ports: EndpointSlice['ports'] = [{ name: 'http', protocol: 'TCP', port: 8080 }],
  namespace = 'default',
  name = `${service}-abcde`,
): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: meta(name, namespace, { 'kubernetes.io/service-name': service }),
    addressType: 'IPv4',
    endpoints: endpoints.map((e) => ({
      addresses: [e.ip],
      conditions: { ready: e.ready ?? true, serving: e.serving ?? e.ready ?? true, terminating: e.terminating ?? false },
      nodeName: e.node,
    })),
    ports,
  };
}

/** A store holding the default scenario's four nodes. */
export function storeWithNodes(): ObjectStore {
  const store = new ObjectStore();
  store.add(node('control-plane', '172.18.0.2'));
  store.add(node('worker-1', '172.18.0.3'));
  store.add(node('worker-2', '172.18.0.4'));
  store.add(node('worker-3', '172.18.0.5'));
  return store;
}

/** `n` pod IPs spread over the three workers, round robin. */
export function podEndpoints(n: number, offset = 0): EndpointSpec[] {
  return Array.from({ length: n }, (_, i) => {
    const k = i + offset;
    const worker = (k % 3) + 1;
    const host = Math.floor(k / 3) + 2;
    return { ip: `10.244.${worker}.${host}`, node: `worker-${worker}` };
  });
}
