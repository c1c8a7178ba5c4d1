import { fieldError, invalid, type FieldError } from '../api/errors';
import { resourceForKind } from '../api/resources';
import type { KubeObject, Service } from '../api/types';
import type { WriteOptions } from '../apiserver/api-server';
import { NodePortAllocator } from '../ipam/node-port-allocator';
import { ServiceIpAllocator } from '../ipam/service-ip-allocator';
import type { Controller, ControllerContext } from '../runtime/controller';
import { WorkQueue } from '../runtime/work-queue';

const SERVICE = resourceForKind('Service');

/**
 * The Service REST strategy's allocations: ClusterIPs and NodePorts on
 * create and update, released on delete, refused with the apiserver's
 * texts. It is a controller only to rebuild its allocators after a restore.
 */
export class ServiceRegistry implements Controller {
  readonly name = 'service-registry';
  readonly queue = new WorkQueue();
  private readonly ips: ServiceIpAllocator;
  private readonly ports: NodePortAllocator;

  constructor(private readonly ctx: ControllerContext) {
    this.ips = new ServiceIpAllocator(ctx.config.serviceCIDR, ctx.rng);
    this.ports = new NodePortAllocator(ctx.config.nodePortRange.min, ctx.config.nodePortRange.max, ctx.rng);
    ctx.api.registerHooks('Service', {
      beforeCreate: (obj, opts) => this.allocate(obj as Service, undefined, opts),
      beforeUpdate: (obj, old, opts) => this.allocate(obj as Service, old as Service, opts),
      afterDelete: (obj) => this.release(obj as Service),
    });
  }

  observe(): void {}
  sync(): void {}

  rebuild(): void {
    this.ips.reset();
    this.ports.reset();
    for (const svc of this.ctx.store.list('Service')) {
      if (svc.spec.clusterIP && svc.spec.clusterIP !== 'None') this.ips.markUsed(svc.spec.clusterIP);
      for (const p of svc.spec.ports ?? []) if (p.nodePort) this.ports.markUsed(p.nodePort);
    }
  }

  private allocate(svc: Service, old: Service | undefined, opts: WriteOptions): void {
    const taken: { ips: string[]; ports: number[] } = { ips: [], ports: [] };
    try {
      this.allocateClusterIP(svc, old, taken);
      this.allocateNodePorts(svc, old, taken);
    } catch (e) {
      this.undo(taken);
      throw e;
    }
    if (opts.dryRun) {
      this.undo(taken);
      return;
    }
    // What the old object held and the new one does not is free again.
    if (old) {
      const keepIp = svc.spec.clusterIP;
      if (old.spec.clusterIP && old.spec.clusterIP !== 'None' && old.spec.clusterIP !== keepIp) this.ips.release(old.spec.clusterIP);
      const kept = new Set((svc.spec.ports ?? []).map((p) => p.nodePort));
      for (const p of old.spec.ports ?? []) if (p.nodePort && !kept.has(p.nodePort)) this.ports.release(p.nodePort);
    }
  }

  private allocateClusterIP(svc: Service, old: Service | undefined, taken: { ips: string[] }): void {
    const spec = svc.spec;
    if (spec.type === 'ExternalName') {
      delete spec.clusterIP;
      delete spec.clusterIPs;
      return;
    }
    spec.ipFamilies ??= ['IPv4'];
    spec.ipFamilyPolicy ??= 'SingleStack';
    const oldIP = old?.spec.type !== 'ExternalName' ? old?.spec.clusterIP : undefined;
    if (old && oldIP) {
      if (!spec.clusterIP) spec.clusterIP = oldIP;
      if (spec.clusterIP !== oldIP) {
        throw invalid(SERVICE, svc.metadata.name, [fieldError.invalid('spec.clusterIPs[0]', spec.clusterIP, 'may not change once set')]);
      }
      spec.clusterIPs = [oldIP];
      return;
    }
    if (spec.clusterIP === 'None') {
      spec.clusterIPs = ['None'];
      return;
    }
    if (spec.clusterIP) {
      const ip = spec.clusterIP;
      const fail = (why: string) => invalid(SERVICE, svc.metadata.name, [{ type: 'FieldValueInvalid', field: 'spec.clusterIPs', value: [ip], detail: `failed to allocate IP ${ip}: ${why}` } as FieldError]);
      if (!this.ips.contains(ip)) throw fail(`the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${this.ctx.config.serviceCIDR}`);
      if (this.ips.isUsed(ip)) throw fail('provided IP is already allocated');
      this.ips.markUsed(ip);
      taken.ips.push(ip);
    } else {
      const ip = this.ips.allocate();
      if (!ip) throw invalid(SERVICE, svc.metadata.name, [fieldError.invalid('spec.clusterIPs', '', 'failed to allocate a serviceIP: range is full')]);
      taken.ips.push(ip);
      spec.clusterIP = ip;
    }
    spec.clusterIPs = [spec.clusterIP];
  }

  private allocateNodePorts(svc: Service, old: Service | undefined, taken: { ports: number[] }): void {
    const spec = svc.spec;
    const wants = spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
    const ports = spec.ports ?? [];
    if (!wants) {
      if (spec.type !== 'LoadBalancer') for (const p of ports) delete p.nodePort;
      return;
    }
    const oldByPort = new Map((old?.spec.ports ?? []).map((p) => [`${p.port}/${p.protocol}`, p.nodePort]));
    const oldPorts = new Set((old?.spec.ports ?? []).map((p) => p.nodePort));
    ports.forEach((p, i) => {
      if (p.nodePort === undefined) p.nodePort = oldByPort.get(`${p.port}/${p.protocol}`);
      if (p.nodePort !== undefined) {
        if (oldPorts.has(p.nodePort)) return;
        const field = `spec.ports[${i}].nodePort`;
        if (!this.ports.inRange(p.nodePort)) {
          throw invalid(SERVICE, svc.metadata.name, [fieldError.invalid(field, p.nodePort, `provided port is not in the valid range. The range of valid ports is ${this.ports.min}-${this.ports.max}`)]);
        }
        if (this.ports.isUsed(p.nodePort) || taken.ports.includes(p.nodePort)) {
          throw invalid(SERVICE, svc.metadata.name, [fieldError.invalid(field, p.nodePort, 'provided port is already allocated')]);
        }
        this.ports.markUsed(p.nodePort);
        taken.ports.push(p.nodePort);
        return;
      }
      const port = this.ports.allocate();
      if (port === undefined) throw invalid(SERVICE, svc.metadata.name, [fieldError.invalid(`spec.ports[${i}].nodePort`, 0, 'range is full')]);
      taken.ports.push(port);
      p.nodePort = port;
    });
    spec.externalTrafficPolicy ??= 'Cluster';
  }

  private undo(taken: { ips: string[]; ports: number[] }): void {
    for (const ip of taken.ips) this.ips.release(ip);
    for (const p of taken.ports) this.ports.release(p);
  }

  private release(svc: KubeObject): void {
    const s = svc as Service;
    if (s.spec.clusterIP && s.spec.clusterIP !== 'None') this.ips.release(s.spec.clusterIP);
    for (const p of s.spec.ports ?? []) if (p.nodePort) this.ports.release(p.nodePort);
  }
}
