import type { EndpointSlice, KubeObject, Node, Pod, Service } from '../../cluster/api/types';

/**
 * Where everything goes on the cluster map, computed from API objects
 * alone: no DOM, so positions and ordering are unit-tested in Node and the
 * SVG renderer only draws what this returns. Services sit in a row on top
 * (clients reach them first), nodes in columns below, each node's pods
 * listed inside it; arrows run from a Service to its ready endpoints.
 * Everything is ordered by namespace/name, so the same objects always give
 * the same picture whatever order the watch events came in.
 */

export type PodState = 'pending' | 'ready' | 'unready' | 'terminating' | 'succeeded' | 'failed';

export interface PodBox {
  key: string;
  namespace: string;
  name: string;
  ip: string | undefined;
  state: PodState;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface NodeBox {
  name: string;
  internalIP: string | undefined;
  podCIDR: string | undefined;
  x: number;
  y: number;
  w: number;
  h: number;
  pods: PodBox[];
}

export interface ServiceBox {
  key: string;
  namespace: string;
  name: string;
  type: string;
  clusterIP: string | undefined;
  ports: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** An arrow from a Service to one endpoint: a pod box, or a node box for endpoints no shown pod owns. */
export interface EndpointArrow {
  service: string;
  target: { pod: string } | { node: string };
  ip: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface MapLayout {
  width: number;
  height: number;
  services: ServiceBox[];
  nodes: NodeBox[];
  arrows: EndpointArrow[];
}

export interface MapObjects {
  nodes: readonly Node[];
  pods: readonly Pod[];
  services: readonly Service[];
  endpointSlices: readonly EndpointSlice[];
}

export interface LayoutOptions {
  /** Namespaces whose pods and Services are drawn; default: all but the system ones. */
  showNamespace?: (namespace: string) => boolean;
}

export const SYSTEM_NAMESPACES: readonly string[] = ['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage'];

/** Sizes in SVG user units; the renderer scales the whole picture to its box. */
export const GEOMETRY = {
  margin: 16,
  gap: 24,
  nodeWidth: 230,
  nodeHeader: 58,
  podHeight: 34,
  podGap: 4,
  nodePadding: 8,
  serviceWidth: 200,
  serviceHeight: 52,
  serviceRowGap: 56,
} as const;

const SERVICE_LABEL = 'kubernetes.io/service-name';

function keyOf(obj: KubeObject): string {
  return `${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
}

function byKey<T extends KubeObject>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
}

/** What a learner would read off `kubectl get pods`: terminating first, then phase and readiness. */
export function podState(pod: Pod): PodState {
  if (pod.metadata.deletionTimestamp) return 'terminating';
  switch (pod.status?.phase) {
    case 'Succeeded':
      return 'succeeded';
    case 'Failed':
      return 'failed';
    case 'Running': {
      const ready = pod.status.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
      return ready ? 'ready' : 'unready';
    }
    default:
      return 'pending';
  }
}

function servicePorts(svc: Service): string {
  return (svc.spec.ports ?? []).map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(',');
}

export function layoutClusterMap(objects: MapObjects, options: LayoutOptions = {}): MapLayout {
  const show = options.showNamespace ?? ((ns: string) => !SYSTEM_NAMESPACES.includes(ns));
  const g = GEOMETRY;
  const nodes = byKey(objects.nodes);
  const pods = byKey(objects.pods).filter((p) => show(p.metadata.namespace ?? ''));
  const services = byKey(objects.services).filter((s) => show(s.metadata.namespace ?? ''));

  const columns = Math.max(nodes.length, 1);
  const nodesWidth = columns * g.nodeWidth + (columns - 1) * g.gap;
  const servicesPerRow = Math.max(1, Math.floor((nodesWidth + g.gap) / (g.serviceWidth + g.gap)));
  const serviceRows = Math.ceil(services.length / servicesPerRow);
  const servicesHeight = serviceRows === 0 ? 0 : serviceRows * g.serviceHeight + (serviceRows - 1) * g.gap + g.serviceRowGap;

  const serviceBoxes: ServiceBox[] = services.map((svc, i) => {
    const row = Math.floor(i / servicesPerRow);
    const inRow = Math.min(servicesPerRow, services.length - row * servicesPerRow);
    // Centre each row over the nodes so arrows fan out evenly.
    const rowWidth = inRow * g.serviceWidth + (inRow - 1) * g.gap;
    const x0 = g.margin + (nodesWidth - rowWidth) / 2;
    return {
      key: keyOf(svc),
      namespace: svc.metadata.namespace ?? '',
      name: svc.metadata.name,
      type: svc.spec.type ?? 'ClusterIP',
      clusterIP: svc.spec.clusterIP,
      ports: servicePorts(svc),
      x: x0 + (i % servicesPerRow) * (g.serviceWidth + g.gap),
      y: g.margin + row * (g.serviceHeight + g.gap),
      w: g.serviceWidth,
      h: g.serviceHeight,
    };
  });

  const top = g.margin + servicesHeight;
  const podsByNode = new Map<string, Pod[]>();
  for (const pod of pods) {
    const node = pod.spec.nodeName ?? '';
    podsByNode.set(node, [...(podsByNode.get(node) ?? []), pod]);
  }
  const nodeBoxes: NodeBox[] = nodes.map((node, i) => {
    const x = g.margin + i * (g.nodeWidth + g.gap);
    const own = podsByNode.get(node.metadata.name) ?? [];
    const podBoxes = own.map((pod, j) => ({
      key: keyOf(pod),
      namespace: pod.metadata.namespace ?? '',
      name: pod.metadata.name,
      ip: pod.status?.podIP,
      state: podState(pod),
      x: x + g.nodePadding,
      y: top + g.nodeHeader + j * (g.podHeight + g.podGap),
      w: g.nodeWidth - 2 * g.nodePadding,
      h: g.podHeight,
    }));
    return {
      name: node.metadata.name,
      internalIP: node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address,
      podCIDR: node.spec.podCIDR,
      x,
      y: top,
      w: g.nodeWidth,
      h: g.nodeHeader + own.length * (g.podHeight + g.podGap) + g.nodePadding,
      pods: podBoxes,
    };
  });
  // Nodes share one height, so the row reads as a row.
  const nodeHeight = Math.max(g.nodeHeader + g.nodePadding, ...nodeBoxes.map((n) => n.h));
  for (const n of nodeBoxes) n.h = nodeHeight;

  const arrows = endpointArrows(serviceBoxes, nodeBoxes, objects.endpointSlices);
  return {
    width: 2 * g.margin + nodesWidth,
    height: top + nodeHeight + g.margin,
    services: serviceBoxes,
    nodes: nodeBoxes,
    arrows,
  };
}

function endpointArrows(services: ServiceBox[], nodes: NodeBox[], slices: readonly EndpointSlice[]): EndpointArrow[] {
  const serviceByKey = new Map(services.map((s) => [s.key, s]));
  const podByKey = new Map(nodes.flatMap((n) => n.pods.map((p) => [p.key, p] as const)));
  const nodeByName = new Map(nodes.map((n) => [n.name, n]));
  const arrows: EndpointArrow[] = [];
  const seen = new Set<string>();
  for (const slice of byKey(slices)) {
    const svcName = slice.metadata.labels?.[SERVICE_LABEL];
    const svc = svcName === undefined ? undefined : serviceByKey.get(`${slice.metadata.namespace ?? ''}/${svcName}`);
    if (!svc) continue;
    for (const ep of slice.endpoints ?? []) {
      // kube-proxy sends traffic to ready endpoints only; the map shows where traffic can go.
      if (ep.conditions?.ready === false) continue;
      const ip = ep.addresses[0];
      if (ip === undefined) continue;
      const pod = ep.targetRef?.kind === 'Pod' ? podByKey.get(`${ep.targetRef.namespace ?? slice.metadata.namespace ?? ''}/${ep.targetRef.name}`) : undefined;
      // Host-network endpoints (the apiserver behind `kubernetes`) belong to a node: by nodeName, else by its InternalIP.
      const node = pod ? undefined : (ep.nodeName === undefined ? undefined : nodeByName.get(ep.nodeName)) ?? nodes.find((n) => n.internalIP === ip);
      const box = pod ?? node;
      if (!box) continue;
      const id = `${svc.key}→${ip}`;
      if (seen.has(id)) continue;
      seen.add(id);
      arrows.push({
        service: svc.key,
        target: pod ? { pod: pod.key } : { node: node!.name },
        ip,
        x1: svc.x + svc.w / 2,
        y1: svc.y + svc.h,
        // Into a pod's left side (rows stack, tops overlap the row above); into a node's top.
        x2: pod ? pod.x : box.x + box.w / 2,
        y2: pod ? pod.y + pod.h / 2 : box.y,
      });
    }
  }
  return arrows;
}
