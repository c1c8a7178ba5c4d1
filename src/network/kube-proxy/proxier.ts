import type { EndpointSlice, KubeObject, Node, Service } from '../../cluster/api/types';
import type { ClusterConfig } from '../../cluster/config';
import { keyOf, splitKey, type ObjectStore, type WatchEvent } from '../../cluster/store/object-store';
import { fixedRules, nodePortsTailRule } from './fixed-rules';
import { BUILTIN_CHAINS, type NodeRules, type Rule, type TableRules } from './rules';
import { categorizeEndpoints, portEndpoints, servicePorts, type EndpointInfo, type ServicePortInfo } from './service-info';
import {
  KUBE_EXTERNAL_SERVICES,
  KUBE_NODEPORTS,
  KUBE_PROXY_FIREWALL,
  KUBE_SERVICES,
  serviceRules,
  type ProxierConfig,
  type ServiceRules,
} from './service-rules';

/** Above this many endpoints in all, kube-proxy drops per-endpoint comments (largeClusterEndpointsThreshold). */
const LARGE_CLUSTER_ENDPOINTS = 1000;
const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** A Service's ports and each port's endpoints: the same on every node. */
interface ServiceState {
  ports: ServicePortInfo[];
  endpoints: EndpointInfo[][];
}

/** One node's kube-proxy: its rules per service, and which services changed since the last sync. */
interface NodeState {
  perService: Map<string, ServiceRules[]>;
  dirty: Set<string>;
  full: boolean;
  nat: Map<string, readonly Rule[]>;
  filter: Map<string, readonly Rule[]>;
  mangle: Map<string, readonly Rule[]>;
}

/**
 * kube-proxy in iptables mode for every node of the cluster. It watches
 * the store and, like kube-proxy's partial syncs, regenerates only the
 * chains of Services whose Service or EndpointSlices changed; the shared
 * chains (KUBE-SERVICES, KUBE-NODEPORTS, filter) are reassembled from the
 * per-service pieces on each sync.
 *
 * Rule order inside KUBE-SERVICES follows Services sorted by namespace/name
 * (kube-proxy iterates a Go map, so a real node's order is arbitrary).
 */
export class KubeProxy {
  private readonly services = new Map<string, ServiceState>();
  private readonly slicesByService = new Map<string, Map<string, EndpointSlice>>();
  private readonly globalDirty = new Set<string>();
  private readonly nodes = new Map<string, NodeState>();
  private readonly config: ProxierConfig;
  private sortedServices: string[] | undefined = [];
  private totalEndpoints = 0;
  private largeClusterMode = false;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: ObjectStore,
    clusterConfig: Pick<ClusterConfig, 'clusterCIDR'>,
  ) {
    this.config = { clusterCIDR: clusterConfig.clusterCIDR, masqueradeAll: false, masqueradeMark: 0x4000 };
    for (const slice of store.list('EndpointSlice')) this.indexSlice(slice, true);
    for (const svc of store.list('Service')) this.globalDirty.add(keyOf(svc));
    this.unsubscribe = store.subscribe((event) => this.onEvent(event));
  }

  dispose(): void {
    this.unsubscribe();
  }

  /**
   * The node's rules after a sync. The returned tables are the proxier's
   * own and change on the next call: read them, do not keep them.
   */
  rules(nodeName: string): NodeRules {
    this.flushGlobal();
    let state = this.nodes.get(nodeName);
    if (!state) {
      state = { perService: new Map(), dirty: new Set(), full: true, nat: new Map(), filter: new Map(), mangle: new Map() };
      this.nodes.set(nodeName, state);
    }
    this.syncNode(nodeName, state);
    const internalIP = internalIPOf(this.store.get('Node', undefined, nodeName) as Node | undefined);
    const tables: TableRules[] = [
      { name: 'mangle', builtins: BUILTIN_CHAINS.mangle, rules: state.mangle },
      { name: 'filter', builtins: BUILTIN_CHAINS.filter, rules: state.filter },
      { name: 'nat', builtins: BUILTIN_CHAINS.nat, rules: state.nat },
    ];
    return { node: nodeName, localAddresses: internalIP ? [internalIP, '127.0.0.0/8'] : ['127.0.0.0/8'], tables };
  }

  private onEvent(event: WatchEvent): void {
    const obj = event.object;
    if (obj.kind === 'Service') this.markDirty(keyOf(obj));
    else if (obj.kind === 'EndpointSlice') {
      if (event.old) this.indexSlice(event.old as EndpointSlice, false);
      this.indexSlice(obj as EndpointSlice, event.type !== 'DELETED');
    }
  }

  private indexSlice(slice: EndpointSlice, present: boolean): void {
    const svc = serviceKeyOf(slice);
    if (!svc) return;
    let slices = this.slicesByService.get(svc);
    if (present) {
      if (!slices) this.slicesByService.set(svc, (slices = new Map()));
      slices.set(keyOf(slice), slice);
    } else {
      slices?.delete(keyOf(slice));
      if (slices?.size === 0) this.slicesByService.delete(svc);
    }
    this.markDirty(svc);
  }

  private markDirty(svc: string): void {
    this.globalDirty.add(svc);
    for (const state of this.nodes.values()) state.dirty.add(svc);
  }

  /** Recomputes the ports and endpoints of changed Services, and the large-cluster mode. */
  private flushGlobal(): void {
    if (this.globalDirty.size === 0) return;
    for (const key of this.globalDirty) {
      const old = this.services.get(key);
      if (old) this.totalEndpoints -= countEndpoints(old);
      const { namespace, name } = splitKey(key);
      const svc = this.store.get('Service', namespace, name) as Service | undefined;
      const ports = svc ? servicePorts(svc) : [];
      if (ports.length === 0) {
        if (old) this.sortedServices = undefined;
        this.services.delete(key);
        continue;
      }
      const slices = [...(this.slicesByService.get(key)?.values() ?? [])];
      const state = { ports, endpoints: ports.map((p) => portEndpoints(p, slices)) };
      if (!old) this.sortedServices = undefined;
      this.services.set(key, state);
      this.totalEndpoints += countEndpoints(state);
    }
    this.globalDirty.clear();
    const large = this.totalEndpoints > LARGE_CLUSTER_ENDPOINTS;
    if (large !== this.largeClusterMode) {
      this.largeClusterMode = large;
      for (const state of this.nodes.values()) state.full = true;
    }
  }

  private syncNode(nodeName: string, state: NodeState): void {
    if (!state.full && state.dirty.size === 0) return;
    const nodeIP = internalIPOf(this.store.get('Node', undefined, nodeName) as Node | undefined);
    const changed = state.full ? [...new Set([...state.perService.keys(), ...this.services.keys()])] : [...state.dirty];
    if (state.full) {
      state.nat.clear();
      state.filter.clear();
      state.mangle.clear();
      const fixed = fixedRules(this.config);
      for (const [table, chains] of Object.entries(fixed)) {
        const target = state[table as 'nat' | 'filter' | 'mangle'];
        for (const [chain, rules] of chains) target.set(chain, rules);
      }
    }
    for (const key of changed) {
      for (const old of state.perService.get(key) ?? []) for (const [chain] of old.natChains) state.nat.delete(chain);
      const svc = this.services.get(key);
      if (!svc) {
        state.perService.delete(key);
        continue;
      }
      const pieces = svc.ports.map((port, i) =>
        serviceRules(port, categorizeEndpoints(port, svc.endpoints[i]!, nodeName), this.config, this.largeClusterMode, nodeIP),
      );
      state.perService.set(key, pieces);
      for (const piece of pieces) for (const [chain, rules] of piece.natChains) state.nat.set(chain, rules);
    }
    state.dirty.clear();
    state.full = false;
    this.assembleSharedChains(state);
  }

  /** KUBE-SERVICES, KUBE-NODEPORTS and the filter chains, from every Service's pieces in Service order. */
  private assembleSharedChains(state: NodeState): void {
    const natServices: Rule[] = [];
    const natNodePorts: Rule[] = [];
    const filterServices: Rule[] = [];
    const filterExternal: Rule[] = [];
    const filterNodePorts: Rule[] = [];
    const filterFirewall: Rule[] = [];
    for (const key of this.serviceOrder()) {
      for (const piece of state.perService.get(key) ?? []) {
        append(natServices, piece.natServices);
        append(natNodePorts, piece.natNodePorts);
        append(filterServices, piece.filterServices);
        append(filterExternal, piece.filterExternalServices);
        append(filterNodePorts, piece.filterNodePorts);
        append(filterFirewall, piece.filterFirewall);
      }
    }
    natServices.push(nodePortsTailRule());
    state.nat.set(KUBE_SERVICES, natServices);
    state.nat.set(KUBE_NODEPORTS, natNodePorts);
    state.filter.set(KUBE_SERVICES, filterServices);
    state.filter.set(KUBE_EXTERNAL_SERVICES, filterExternal);
    state.filter.set(KUBE_NODEPORTS, filterNodePorts);
    state.filter.set(KUBE_PROXY_FIREWALL, filterFirewall);
  }

  private serviceOrder(): string[] {
    return (this.sortedServices ??= [...this.services.keys()].sort());
  }
}

function serviceKeyOf(slice: KubeObject): string | undefined {
  const name = slice.metadata.labels?.[SERVICE_NAME_LABEL];
  return name ? `${slice.metadata.namespace ?? 'default'}/${name}` : undefined;
}

function countEndpoints(state: ServiceState): number {
  let n = 0;
  for (const eps of state.endpoints) n += eps.length;
  return n;
}

/** push(...from) without the spread call, which costs more than the copy for the many short lists here. */
function append(to: Rule[], from: Rule[]): void {
  for (let i = 0; i < from.length; i++) to.push(from[i]!);
}

function internalIPOf(node: Node | undefined): string | undefined {
  return node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
}
