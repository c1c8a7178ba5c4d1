import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import type { ConfigMap, KubeObject } from '../api/types';
import { buildNamespaces } from '../bootstrap';
import { VirtualClock } from '../clock';
import type { ClusterConfig } from '../config';
import { SeededRandom } from '../random';
import { ObjectStore, type WatchEvent } from '../store/object-store';
import { ApiServer, LAST_APPLIED } from './api-server';

const config: ClusterConfig = {
  kubernetesVersion: 'v1.34.0',
  clusterDomain: 'cluster.local',
  serviceCIDR: '10.96.0.0/12',
  clusterCIDR: '10.244.0.0/16',
  clusterDNS: '10.96.0.10',
  nodePortRange: { min: 30000, max: 32767 },
  proxyMode: 'iptables',
  nodes: [],
  apiServerEndpoint: { ip: '172.18.0.2', port: 6443 },
};

function setup() {
  const store = new ObjectStore();
  const clock = new VirtualClock(Date.parse('2026-01-05T09:00:00Z'));
  const api = new ApiServer(store, clock, new SeededRandom(1), config);
  for (const ns of buildNamespaces()) api.createSystem(ns);
  const events: WatchEvent[] = [];
  store.subscribe((e) => events.push(e));
  return { store, clock, api, events };
}

const configMap = (data: Record<string, string>, name = 'settings'): unknown => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name },
  data,
});

function thrown(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected an ApiError');
}

describe('ApiServer', () => {
  it('fills in metadata on create and puts namespaced objects in default', () => {
    const { api } = setup();
    const cm = api.create(configMap({ a: '1' })) as ConfigMap;
    expect(cm.metadata.namespace).toBe('default');
    expect(cm.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(cm.metadata.creationTimestamp).toBe('2026-01-05T09:00:00Z');
    expect(Number(cm.metadata.resourceVersion)).toBeGreaterThan(0);
  });

  it('refuses a second create with AlreadyExists, leaving the first as it was', () => {
    const { api, store } = setup();
    api.create(configMap({ a: '1' }));
    const err = thrown(() => api.create(configMap({ a: '2' })));
    expect(err.reason).toBe('AlreadyExists');
    expect(err.message).toBe('configmaps "settings" already exists');
    expect(store.get('ConfigMap', 'default', 'settings')?.data).toEqual({ a: '1' });
  });

  it('refuses objects in a namespace that does not exist', () => {
    const { api } = setup();
    const err = thrown(() => api.create({ ...(configMap({}) as object), metadata: { name: 'x', namespace: 'nope' } }));
    expect(err.reason).toBe('NotFound');
    expect(err.message).toBe('namespaces "nope" not found');
  });

  it('reports apply as created, unchanged, then configured, keeping the last-applied annotation', () => {
    const { api, events } = setup();
    expect(api.apply(configMap({ a: '1' })).result).toBe('created');
    const before = events.length;
    expect(api.apply(configMap({ a: '1' })).result).toBe('unchanged');
    expect(events.length).toBe(before);
    const { result, object } = api.apply(configMap({ a: '2' }));
    expect(result).toBe('configured');
    expect((object as ConfigMap).data).toEqual({ a: '2' });
    expect(object.metadata.annotations?.[LAST_APPLIED]).toBe(
      '{"apiVersion":"v1","data":{"a":"2"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"settings","namespace":"default"}}\n',
    );
  });

  it('lists unknown fields in the decoder\'s order on create and sorted by text on the patch of an existing object', () => {
    const { api } = setup();
    const service = (spec: Record<string, unknown>): unknown => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec });
    const typos = { portsX: 1, ports: [{ port: 80, x: 1 }] };
    // The create handler's decoder meets spec.ports before spec.portsX; the patch handler's converter sorts `...portsX"` before `...ports[0].x"`.
    expect(thrown(() => api.apply(service(typos))).message).toBe(
      'Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.ports[0].x", unknown field "spec.portsX"',
    );
    api.apply(service({ ports: [{ port: 80 }] }));
    expect(thrown(() => api.apply(service(typos))).message).toMatch(/: strict decoding error: unknown field "spec.portsX", unknown field "spec.ports\[0\].x"$/);
  });

  it('stores nothing on a server-side dry run', () => {
    const { api, store } = setup();
    api.create(configMap({ a: '1' }), { dryRun: true });
    expect(store.get('ConfigMap', 'default', 'settings')).toBeUndefined();
  });

  it('deletes unscheduled objects at once and says NotFound for missing ones', () => {
    const { api, store } = setup();
    api.create(configMap({}));
    api.delete('ConfigMap', 'default', 'settings');
    expect(store.get('ConfigMap', 'default', 'settings')).toBeUndefined();
    expect(thrown(() => api.delete('ConfigMap', 'default', 'settings')).message).toBe('configmaps "settings" not found');
  });

  it('marks a namespace Terminating instead of removing it', () => {
    const { api, store } = setup();
    api.createSystem({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } } as unknown as KubeObject);
    api.delete('Namespace', undefined, 'shop');
    const ns = store.get('Namespace', undefined, 'shop');
    expect(ns?.status?.phase).toBe('Terminating');
    expect(ns?.metadata.deletionTimestamp).toBe('2026-01-05T09:00:00Z');
    const err = thrown(() => api.create({ ...(configMap({}) as object), metadata: { name: 'x', namespace: 'shop' } }));
    expect(err.message).toBe('unable to create new content in namespace shop because it is being terminated');
  });

  it('orphans dependents when asked to', () => {
    const { api, store } = setup();
    const owner = api.create(configMap({}, 'owner'));
    api.createSystem({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'dependent', namespace: 'default', ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: owner.metadata.uid }] },
    } as unknown as KubeObject);
    api.delete('ConfigMap', 'default', 'owner', { propagationPolicy: 'Orphan' });
    expect(store.get('ConfigMap', 'default', 'dependent')?.metadata.ownerReferences).toBeUndefined();
  });
});
