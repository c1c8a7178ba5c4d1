import { cidrContains } from '../../cluster/ipam/ipv4';
import type { MapLayout } from './layout';

/**
 * The packet-path overlay's input and where its hops land on the map. The
 * data plane defines the real trace; this file is the one place that knows
 * both shapes: when its type lands, convert it to `MapTrace` here and
 * nothing else on the map changes.
 */

export type HopKind = 'dns' | 'rule' | 'dnat' | 'route' | 'answer';

export interface MapHop {
  kind: HopKind;
  node?: string;
  podIP?: string;
  serviceIP?: string;
  /** Shown beside the hop: `KUBE-SVC-… → 10.244.2.5:8080`, `A 10.96.12.34`. */
  label: string;
}

export interface MapTrace {
  hops: MapHop[];
}

export interface PlacedHop {
  /** 1-based, as the overlay numbers hops. */
  step: number;
  kind: HopKind;
  label: string;
  x: number;
  y: number;
  /** How many earlier hops sit at the same spot: the renderer stacks labels so they do not overwrite. */
  stack: number;
}

export interface PlacedTrace {
  points: PlacedHop[];
  /** Hops that name nothing on the map (a hidden namespace, a node that left): listed, not dropped. */
  unplaced: { step: number; kind: HopKind; label: string }[];
}

type Anchor = 'service' | 'pod' | 'node';

/** Which thing a hop is drawn at, in order of preference: a DNAT happens at the Service's address, an answer comes from a pod. */
const PREFERENCE: Record<HopKind, readonly Anchor[]> = {
  dns: ['service', 'pod', 'node'],
  rule: ['node', 'service', 'pod'],
  dnat: ['service', 'node', 'pod'],
  route: ['node', 'pod'],
  answer: ['pod', 'node', 'service'],
};

export function placeTrace(trace: MapTrace, layout: MapLayout): PlacedTrace {
  const points: PlacedHop[] = [];
  const unplaced: PlacedTrace['unplaced'] = [];
  trace.hops.forEach((hop, i) => {
    const step = i + 1;
    for (const anchor of PREFERENCE[hop.kind]) {
      const at = locate(anchor, hop, layout);
      if (at) {
        const stack = points.filter((p) => p.x === at.x && p.y === at.y).length;
        points.push({ step, kind: hop.kind, label: hop.label, ...at, stack });
        return;
      }
    }
    unplaced.push({ step, kind: hop.kind, label: hop.label });
  });
  return { points, unplaced };
}

function locate(anchor: Anchor, hop: MapHop, layout: MapLayout): { x: number; y: number } | undefined {
  switch (anchor) {
    case 'service': {
      const svc = hop.serviceIP === undefined ? undefined : layout.services.find((s) => s.clusterIP === hop.serviceIP);
      return svc && { x: svc.x + svc.w / 2, y: svc.y + svc.h / 2 };
    }
    case 'pod': {
      if (hop.podIP === undefined) return undefined;
      const pod = layout.nodes.flatMap((n) => n.pods).find((p) => p.ip === hop.podIP);
      if (pod) return { x: pod.x + pod.w / 2, y: pod.y + pod.h / 2 };
      // A pod the map hides still lives in some node's podCIDR: point at that node.
      const node = layout.nodes.find((n) => n.podCIDR !== undefined && cidrContains(n.podCIDR, hop.podIP!));
      return node && nodeHeader(node);
    }
    case 'node': {
      const node = hop.node === undefined ? undefined : layout.nodes.find((n) => n.name === hop.node);
      return node && nodeHeader(node);
    }
  }
}

function nodeHeader(node: MapLayout['nodes'][number]): { x: number; y: number } {
  return { x: node.x + node.w / 2, y: node.y + 20 };
}
