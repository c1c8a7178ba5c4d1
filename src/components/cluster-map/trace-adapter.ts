import { cidrContains } from '../../cluster/ipam/ipv4';
import type { ConnectionTrace } from '../../network/connect/connect';
import type { MapLayout } from './layout';

/**
 * The packet-path overlay's input and where its hops land on the map. The
 * data plane's `ConnectionTrace` (what `podlab trace` follows) becomes a
 * `MapTrace` in `mapTraceOf`: this file is the one place that knows both
 * shapes.
 */

export type HopKind = 'source' | 'dns' | 'rule' | 'dnat' | 'route' | 'answer';

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
  source: ['pod', 'node'],
  dns: ['service', 'pod', 'node'],
  rule: ['node', 'service', 'pod'],
  dnat: ['service', 'node', 'pod'],
  route: ['node', 'pod'],
  answer: ['pod', 'node', 'service'],
};

/**
 * A connection's story as map hops, one a step the map can point at: where
 * it started, the name's answer, the node whose Service rules picked an
 * endpoint, the DNAT, the crossing to another node, and who answered (or
 * why nobody did). Each rule line stays in the terminal's text; the map
 * shows the one that chose the endpoint. A trace that never left its
 * source (an unknown pod) has nothing to draw: undefined.
 */
export function mapTraceOf(trace: ConnectionTrace): MapTrace | undefined {
  if (trace.outcome === 'error') return undefined;
  const t = trace.target;
  const hops: MapHop[] = [{ kind: 'source', podIP: trace.from.ip, ...(trace.from.node ? { node: trace.from.node } : {}), label: `from ${trace.from.label}` }];
  if (trace.dns) {
    const address = trace.dns.addresses[0];
    const answer = address ?? (trace.outcome === 'dns-timeout' ? 'no answer' : 'NXDOMAIN');
    hops.push({ kind: 'dns', ...(address ? { serviceIP: address, podIP: address } : {}), ...(trace.from.node ? { node: trace.from.node } : {}), label: `DNS ${trace.dns.input} → ${answer}` });
  }
  if (trace.outcome === 'nxdomain' || trace.outcome === 'dns-timeout') return { hops };
  if (trace.rulesNode) {
    const rules = trace.hops.filter((h) => h.node === trace.rulesNode).map((h) => ruleLabel(h.text)).filter((l) => l !== undefined);
    const chose = rules.find((l) => /^KUBE-SV[CL]/.test(l)) ?? rules.at(-1);
    if (chose) hops.push({ kind: 'rule', node: trace.rulesNode, label: chose });
  }
  const rulesAt = trace.rulesNode ?? trace.from.node;
  if (trace.dnat && t.ip) hops.push({ kind: 'dnat', serviceIP: t.ip, ...(rulesAt ? { node: rulesAt } : {}), label: `DNAT ${t.ip}:${t.port ?? ''} → ${trace.dnat.ip}:${trace.dnat.port}` });
  if (trace.route) hops.push({ kind: 'route', node: trace.route.toNode, label: `${trace.route.fromNode} → ${trace.route.toNode} via ${trace.route.via}` });
  const d = trace.destination;
  if (trace.outcome === 'answered' && d) {
    const port = trace.listener ? ` :${trace.listener.port}` : '';
    if (d.kind === 'pod') hops.push({ kind: 'answer', podIP: d.ip, node: d.node, label: `answered by ${d.name}${port}` });
    else hops.push({ kind: 'answer', node: d.name, label: `answered by node ${d.name}${port}` });
  } else if (trace.outcome !== 'answered') {
    const to = trace.dnat?.ip ?? t.ip;
    const lastNode = [...trace.hops].reverse().find((h) => h.node)?.node;
    const what = trace.outcome === 'refused' ? (t.protocol === 'TCP' ? 'connection refused' : 'port unreachable') : 'timed out';
    hops.push({ kind: 'answer', ...(to ? { podIP: to } : {}), ...(lastNode ? { node: lastNode } : {}), label: what });
  }
  return { hops };
}

/**
 * A rule hop in a few words: an iptables-save line (`-A KUBE-SVC-X … -j
 * KUBE-SEP-Y`) as `KUBE-SVC-X → KUBE-SEP-Y`, a summary line (`KUBE-SVC: …`)
 * as it is; anything else is not a rule.
 */
function ruleLabel(text: string): string | undefined {
  const rule = /^-A (\S+) .*-j (\S+)/.exec(text);
  if (rule) return `${rule[1]} → ${rule[2]}`;
  return text.startsWith('KUBE-') ? text : undefined;
}

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
      // At the pod box's right end, clear of its name and IP.
      if (pod) return { x: pod.x + pod.w - 16, y: pod.y + pod.h / 2 };
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
