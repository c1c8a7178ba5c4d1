import { draftMeta } from '../api/meta';
import type { EndpointSlice, EndpointSubset, Endpoints, Service } from '../api/types';
import type { Controller, ControllerContext } from '../runtime/controller';
import { WorkQueue } from '../runtime/work-queue';
import { splitKey, type WatchEvent } from '../store/object-store';
import { deepEqual } from '../util/clone';
import { ServiceSelection, type PodAddress, type PodEndpoint } from './service-endpoints';

const MAX_ADDRESSES = 1000;

const subsetsByEndpoints = new WeakMap<PodEndpoint[], Map<string, EndpointSubset[]>>();

/**
 * The legacy Endpoints controller: one v1 Endpoints object per Service with
 * a selector, addresses grouped by port set and sorted by IP as
 * RepackSubsets does, not-ready pods under notReadyAddresses. It also
 * plays the apiserver's endpoint reconciler for `default/kubernetes`.
 */
export class EndpointsController implements Controller {
  readonly name = 'endpoint-controller';
  readonly queue = new WorkQueue();


  constructor(
    private readonly ctx: ControllerContext,
    private readonly selection = new ServiceSelection(ctx.store),
  ) {}

  observe(event: WatchEvent): void {
    this.queue.addAll(this.selection.observe(event));
  }

  rebuild(): void {
    this.selection.rebuild();
  }

  sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const svc = this.ctx.store.get('Service', namespace, name);
    const current = this.ctx.store.get('Endpoints', namespace, name);
    if (!svc) {
      if (current && !current.metadata.labels?.['endpointslice.kubernetes.io/skip-mirror']) this.ctx.api.delete('Endpoints', namespace, name);
      return;
    }
    if (namespace === 'default' && name === 'kubernetes') return this.writeApiServerEndpoints(svc, current);
    if (!svc.spec.selector || svc.spec.type === 'ExternalName') return;
    const subsets = this.subsets(svc);
    const annotations: Record<string, string> = {};
    const total = subsets.reduce((n, s) => n + (s.addresses?.length ?? 0) + (s.notReadyAddresses?.length ?? 0), 0);
    if (total > MAX_ADDRESSES) annotations['endpoints.kubernetes.io/over-capacity'] = 'truncated';
    this.write(svc, current, subsets, annotations);
  }

  /** Services that select alike share one endpoint list: with the same ports and policy they share its subsets too. */
  private subsets(svc: Service): EndpointSubset[] {
    const endpoints = this.selection.endpointsOf(svc);
    let byPorts = subsetsByEndpoints.get(endpoints);
    if (!byPorts) subsetsByEndpoints.set(endpoints, (byPorts = new Map()));
    const key = JSON.stringify([svc.spec.ports ?? [], !!svc.spec.publishNotReadyAddresses]);
    let subsets = byPorts.get(key);
    if (!subsets) byPorts.set(key, (subsets = this.buildSubsets(svc, endpoints)));
    return subsets;
  }

  private buildSubsets(svc: Service, endpoints: PodEndpoint[]): EndpointSubset[] {
    // A pod's address object is shared by every Endpoints that lists it (stored objects are never changed in place).
    type Group = { ports: EndpointSubset['ports']; addresses?: PodAddress[]; notReadyAddresses?: PodAddress[] };
    const bySig = new Map<string, Group>();
    let count = 0;
    // Pods whose ports resolved alike share one resolution array: work each one out once.
    const groupOf = new Map<readonly (number | undefined)[], Group | undefined>();
    for (const e of endpoints) {
      if (e.terminating && !svc.spec.publishNotReadyAddresses) continue;
      if (count >= MAX_ADDRESSES) break;
      let subset = groupOf.get(e.ports);
      if (!groupOf.has(e.ports)) {
        const ports = (svc.spec.ports ?? [])
          .map((p, i) => ({ name: p.name, port: e.ports[i], protocol: p.protocol }))
          .filter((p): p is { name: string | undefined; port: number; protocol: 'TCP' | 'UDP' | 'SCTP' } => p.port !== undefined)
          .map((p) => (p.name ? p : { port: p.port, protocol: p.protocol }));
        if (ports.length > 0 || (svc.spec.ports ?? []).length === 0) {
          const sig = ports.map((p) => `${'name' in p ? p.name : ''}:${p.port}/${p.protocol}`).join(',');
          subset = bySig.get(sig) ?? { ports };
          bySig.set(sig, subset);
        }
        groupOf.set(e.ports, subset);
      }
      if (!subset) continue;
      if (e.ready) (subset.addresses ??= []).push(e.address);
      else (subset.notReadyAddresses ??= []).push(e.address);
      count++;
    }
    const sortByIp = (list: PodAddress[]) => list.sort((x, y) => x.ipInt - y.ipInt).map((a) => a.address);
    return [...bySig.values()].map((s) => ({
      ...(s.addresses ? { addresses: sortByIp(s.addresses) } : {}),
      ...(s.notReadyAddresses ? { notReadyAddresses: sortByIp(s.notReadyAddresses) } : {}),
      ports: s.ports,
    }));
  }

  /** The apiserver's own endpoint reconciler: the `kubernetes` Endpoints and its EndpointSlice, also named `kubernetes`. */
  private writeApiServerEndpoints(svc: Service, current: Endpoints | undefined): void {
    const { ip, port } = this.ctx.config.apiServerEndpoint;
    const subsets = [{ addresses: [{ ip }], ports: [{ name: 'https', port, protocol: 'TCP' as const }] }];
    this.write(svc, current, subsets, {}, { 'endpointslice.kubernetes.io/skip-mirror': 'true' });
    if (!this.ctx.store.get('EndpointSlice', 'default', 'kubernetes')) {
      this.ctx.api.createSystem<EndpointSlice>({
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: draftMeta({ name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } }),
        addressType: 'IPv4',
        endpoints: [{ addresses: [ip], conditions: { ready: true } }],
        ports: [{ name: 'https', port, protocol: 'TCP' }],
      });
    }
  }

  private write(svc: Service, current: Endpoints | undefined, subsets: EndpointSubset[], extraAnnotations: Record<string, string>, extraLabels: Record<string, string> = {}): void {
    const labels = { ...svc.metadata.labels, ...extraLabels };
    const body = subsets.length > 0 ? { subsets } : {};
    if (!current) {
      this.ctx.api.createSystem<Endpoints>({
        apiVersion: 'v1',
        kind: 'Endpoints',
        metadata: draftMeta({
          name: svc.metadata.name,
          namespace: svc.metadata.namespace,
          labels: Object.keys(labels).length > 0 ? labels : undefined,
          annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': this.ctx.clock.timestamp(), ...extraAnnotations },
        }),
        ...body,
      });
      return;
    }
    if (deepEqual(current.subsets ?? [], subsets) && deepEqual(current.metadata.labels ?? {}, labels)) return;
    const next: Endpoints = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: {
        ...current.metadata,
        labels: Object.keys(labels).length > 0 ? labels : undefined,
        annotations: { ...current.metadata.annotations, 'endpoints.kubernetes.io/last-change-trigger-time': this.ctx.clock.timestamp(), ...extraAnnotations },
      },
      ...body,
    };
    this.ctx.api.updateSystem(next);
  }
}
