import type { Service } from '../api/types';
import type { Controller, ControllerContext } from '../runtime/controller';
import { WorkQueue } from '../runtime/work-queue';
import { keyOf, objectKey, splitKey, type ObjectStore, type WatchEvent } from '../store/object-store';
import { sha256 } from '../util/sha256';
import { isMetalLBService } from './metallb-controller';

const EXCLUDE_LABEL = 'node.kubernetes.io/exclude-from-external-load-balancers';

/**
 * The node whose MetalLB speaker answers ARP for a Service's address in L2
 * mode (layer2_controller.go ShouldAnnounce), or undefined when none does:
 * the Service needs an address and a ready endpoint; the candidates are the
 * Ready nodes not labelled exclude-from-external-load-balancers (kind's
 * control plane is), only those with a ready endpoint for
 * externalTrafficPolicy Local; the winner is the first when sorted by
 * sha256(node + "#" + ip).
 */
export function announcingNode(store: ObjectStore, svc: Service): string | undefined {
  const ip = svc.status?.loadBalancer?.ingress?.[0]?.ip;
  if (!ip || !isMetalLBService(svc)) return undefined;
  const ready = store
    .list('EndpointSlice')
    .filter((s) => s.metadata.namespace === svc.metadata.namespace && s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name)
    .flatMap((s) => s.endpoints ?? [])
    .filter((e) => e.conditions?.ready !== false);
  if (ready.length === 0) return undefined;
  const local = new Set(ready.map((e) => e.nodeName));
  const nodes = store
    .list('Node')
    .filter((n) => n.metadata.labels?.[EXCLUDE_LABEL] === undefined && n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'))
    .map((n) => n.metadata.name)
    .filter((n) => svc.spec.externalTrafficPolicy !== 'Local' || local.has(n));
  const hash = (n: string) => Array.from(sha256(`${n}#${ip}`), (b) => b.toString(16).padStart(2, '0')).join('');
  return nodes.map((n) => ({ n, h: hash(n) })).sort((a, b) => (a.h < b.h ? -1 : a.h > b.h ? 1 : 0))[0]?.n;
}

/**
 * MetalLB's speakers (`metallb-speaker`), as one controller: when a node
 * starts announcing a Service's address it records `nodeAssigned`, as the
 * speaker on that node does. Which node announces what is kept so a change
 * of winner is seen once (persistent, so snapshots carry it).
 */
export class MetalLBSpeaker implements Controller {
  readonly name = 'metallb-speaker';
  readonly queue = new WorkQueue();

  constructor(private readonly ctx: ControllerContext) {}

  private get announced(): Record<string, string> {
    return this.ctx.persistent(this.name) as Record<string, string>;
  }

  observe(event: WatchEvent): void {
    const obj = event.object;
    if (obj.kind === 'Service') this.queue.add(keyOf(obj));
    else if (obj.kind === 'EndpointSlice') {
      const svc = obj.metadata.labels?.['kubernetes.io/service-name'];
      if (svc) this.queue.add(objectKey(obj.metadata.namespace, svc));
    } else if (obj.kind === 'Node') for (const svc of this.ctx.store.list('Service')) if (isMetalLBService(svc)) this.queue.add(keyOf(svc));
  }

  sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const svc = this.ctx.store.get('Service', namespace, name);
    const node = svc ? announcingNode(this.ctx.store, svc) : undefined;
    if (this.announced[key] === node) return;
    if (node === undefined) {
      delete this.announced[key];
      return;
    }
    this.announced[key] = node;
    this.ctx.events.record(svc!, 'Normal', 'nodeAssigned', `announcing from node "${node}" with protocol "layer2"`, this.name);
  }
}
