import { draftMeta } from '../api/meta';
import type { EndpointSlice, Service } from '../api/types';
import type { Controller, ControllerContext } from '../runtime/controller';
import { WorkQueue } from '../runtime/work-queue';
import { splitKey, type WatchEvent } from '../store/object-store';
import { deepEqual } from '../util/clone';
import { ownerRefTo } from './pod-util';
import { ServiceSelection, toSliceEndpoint, type PodEndpoint } from './service-endpoints';

export const MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
export const SERVICE_NAME = 'kubernetes.io/service-name';
const CONTROLLER = 'endpointslice-controller.k8s.io';
const MAX_PER_SLICE = 100;

type DesiredSlice = Pick<EndpointSlice, 'endpoints' | 'ports'>;

const desiredByEndpoints = new WeakMap<PodEndpoint[], Map<string, DesiredSlice[]>>();

/**
 * The EndpointSlice controller: for every Service with a selector, slices
 * of at most 100 endpoints, one set per distinct resolution of the
 * Service's ports (pods that name their ports differently land apart).
 */
export class EndpointSliceController implements Controller {
  readonly name = 'endpointslice-controller';
  readonly queue = new WorkQueue();

  /** The slices this controller manages, by `namespace/service`. */
  private readonly slices = new Map<string, Map<string, EndpointSlice>>();

  constructor(
    private readonly ctx: ControllerContext,
    private readonly selection = new ServiceSelection(ctx.store),
  ) {}

  observe(event: WatchEvent): void {
    if (event.object.kind === 'EndpointSlice') this.index(event.object as EndpointSlice, event.type === 'DELETED');
    this.queue.addAll(this.selection.observe(event));
  }

  rebuild(): void {
    this.selection.rebuild();
    this.slices.clear();
    for (const s of this.ctx.store.list('EndpointSlice')) this.index(s, false);
  }

  private index(slice: EndpointSlice, deleted: boolean): void {
    if (slice.metadata.labels?.[MANAGED_BY] !== CONTROLLER) return;
    const key = `${slice.metadata.namespace}/${slice.metadata.labels[SERVICE_NAME] ?? ''}`;
    let m = this.slices.get(key);
    if (!m) this.slices.set(key, (m = new Map()));
    if (deleted) m.delete(slice.metadata.name);
    else m.set(slice.metadata.name, slice);
  }

  sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const svc = this.ctx.store.get('Service', namespace, name);
    if (!svc || !svc.spec.selector || svc.spec.type === 'ExternalName') return;
    const owned = this.slices.get(key);
    const existing = owned ? [...owned.keys()].sort().map((n) => owned.get(n)!) : [];
    const desired = this.desiredSlices(svc, this.selection.endpointsOf(svc));
    const now = this.ctx.clock.timestamp();
    desired.forEach((want, i) => {
      const have = existing[i];
      if (!have) {
        this.ctx.api.createSystem<EndpointSlice>({
          apiVersion: 'discovery.k8s.io/v1',
          kind: 'EndpointSlice',
          metadata: draftMeta({
            generateName: `${name}-`,
            namespace,
            labels: this.labels(svc),
            annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': now },
            ownerReferences: [ownerRefTo(svc)],
          }),
          addressType: 'IPv4',
          endpoints: want.endpoints,
          ports: want.ports,
        });
      } else if (!deepEqual(have.endpoints, want.endpoints) || !deepEqual(have.ports, want.ports) || !deepEqual(have.metadata.labels, this.labels(svc))) {
        this.ctx.api.updateSystem({
          ...have,
          metadata: { ...have.metadata, labels: this.labels(svc), annotations: { ...have.metadata.annotations, 'endpoints.kubernetes.io/last-change-trigger-time': now } },
          endpoints: want.endpoints,
          ports: want.ports,
        });
      }
    });
    for (const extra of existing.slice(desired.length)) this.ctx.api.delete('EndpointSlice', namespace, extra.metadata.name);
  }

  private labels(svc: Service): Record<string, string> {
    return { ...svc.metadata.labels, [MANAGED_BY]: CONTROLLER, [SERVICE_NAME]: svc.metadata.name };
  }

  /**
   * Slices grouped by port resolution, 100 endpoints each; one empty
   * placeholder when there are none. Services that select alike get one
   * endpoint list (ServiceSelection shares it): with the same ports they
   * get the same slices' contents, worked out once.
   */
  private desiredSlices(svc: Service, endpoints: PodEndpoint[]): DesiredSlice[] {
    let byPorts = desiredByEndpoints.get(endpoints);
    if (!byPorts) desiredByEndpoints.set(endpoints, (byPorts = new Map()));
    const key = JSON.stringify(svc.spec.ports ?? []);
    let desired = byPorts.get(key);
    if (!desired) byPorts.set(key, (desired = this.buildSlices(svc, endpoints)));
    return desired;
  }

  private buildSlices(svc: Service, endpoints: PodEndpoint[]): DesiredSlice[] {
    const groups = new Map<string, PodEndpoint[]>();
    // Pods whose ports resolved alike share one resolution array: its signature is worked out once.
    const sigOf = new Map<readonly (number | undefined)[], string | undefined>();
    for (const e of endpoints) {
      let sig = sigOf.get(e.ports);
      if (!sigOf.has(e.ports)) {
        sig = e.ports.length > 0 && e.ports.every((p) => p === undefined) ? undefined : e.ports.join(',');
        sigOf.set(e.ports, sig);
      }
      if (sig === undefined) continue;
      const list = groups.get(sig) ?? [];
      list.push(e);
      groups.set(sig, list);
    }
    if (groups.size === 0) return [{ endpoints: null, ports: null }];
    const out: DesiredSlice[] = [];
    for (const group of groups.values()) {
      const ports = (svc.spec.ports ?? [])
        .map((p, i) => ({ name: p.name ?? '', port: group[0]!.ports[i], protocol: p.protocol, ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}) }))
        .filter((p) => p.port !== undefined);
      for (let i = 0; i < group.length; i += MAX_PER_SLICE) {
        out.push({ endpoints: group.slice(i, i + MAX_PER_SLICE).map(toSliceEndpoint), ports });
      }
    }
    return out;
  }
}
