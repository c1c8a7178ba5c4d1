import type { Service } from '../api/types';
import { AddressPool } from '../ipam/address-pool';
import type { Controller, ControllerContext } from '../runtime/controller';
import { WorkQueue } from '../runtime/work-queue';
import { keyOf, splitKey, type WatchEvent } from '../store/object-store';

/** The annotations MetalLB reads a requested address from (v0.14's, then the older one it still honours). */
const REQUESTED_IPS = ['metallb.io/loadBalancerIPs', 'metallb.universe.tf/loadBalancerIPs'];

/** Whether MetalLB handles this Service: a LoadBalancer without another implementation's loadBalancerClass. */
export function isMetalLBService(svc: Service): boolean {
  return svc.spec.type === 'LoadBalancer' && svc.spec.loadBalancerClass === undefined;
}

/**
 * MetalLB's controller (`metallb-controller`): gives each LoadBalancer
 * Service the first free address of the pool in status.loadBalancer.ingress
 * (the apiserver's ipMode default VIP with it) and records `IPAllocated`;
 * takes the address back when the Service goes or stops being a
 * LoadBalancer. A requested address (spec.loadBalancerIP, the
 * loadBalancerIPs annotation) is given when it is in the pool and free;
 * otherwise the Service stays `<pending>` (MetalLB's AllocationFailed event
 * is not modelled). Which addresses are taken is read from the Services
 * themselves, so a restore needs nothing else.
 */
export class MetalLBController implements Controller {
  readonly name = 'metallb-controller';
  readonly queue = new WorkQueue();
  private readonly pool: AddressPool;

  constructor(
    private readonly ctx: ControllerContext,
    addresses: readonly string[],
  ) {
    this.pool = new AddressPool(addresses);
  }

  observe(event: WatchEvent): void {
    if (event.object.kind !== 'Service') return;
    this.queue.add(keyOf(event.object));
    // A deleted Service frees its address: Services still waiting may take it.
    if (event.type === 'DELETED') for (const svc of this.ctx.store.list('Service')) if (isMetalLBService(svc) && !svc.status?.loadBalancer?.ingress?.length) this.queue.add(keyOf(svc));
  }

  sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const svc = this.ctx.store.get('Service', namespace, name);
    if (!svc) return;
    const current = svc.status?.loadBalancer?.ingress ?? [];
    if (!isMetalLBService(svc)) {
      // clearServiceState: a Service that stopped being a LoadBalancer gives its address back.
      if (svc.spec.loadBalancerClass === undefined && current.some((i) => i.ip && this.pool.contains(i.ip))) this.writeIngress(svc, undefined);
      return;
    }
    const used = new Set<string>();
    for (const other of this.ctx.store.list('Service')) {
      if (other.metadata.uid === svc.metadata.uid || !isMetalLBService(other)) continue;
      for (const i of other.status?.loadBalancer?.ingress ?? []) if (i.ip) used.add(i.ip);
    }
    const requested = requestedIP(svc);
    const have = current[0]?.ip;
    if (have && current.length === 1 && this.pool.contains(have) && !used.has(have) && (requested === undefined || requested === have)) return;
    const ip = requested !== undefined ? (this.pool.contains(requested) && !used.has(requested) ? requested : undefined) : this.pool.firstFree(used);
    if (ip === undefined) return;
    this.writeIngress(svc, ip);
    this.ctx.events.record(this.ctx.store.get('Service', namespace, name)!, 'Normal', 'IPAllocated', `Assigned IP ["${ip}"]`, this.name);
  }

  private writeIngress(svc: Service, ip: string | undefined): void {
    const loadBalancer = ip === undefined ? {} : { ingress: [{ ip, ipMode: 'VIP' }] };
    this.ctx.api.updateStatus({ ...svc, status: { ...svc.status, loadBalancer } });
  }
}

function requestedIP(svc: Service): string | undefined {
  for (const a of REQUESTED_IPS) {
    const v = svc.metadata.annotations?.[a];
    if (v) return v.split(',')[0]!.trim();
  }
  return svc.spec.loadBalancerIP || undefined;
}
