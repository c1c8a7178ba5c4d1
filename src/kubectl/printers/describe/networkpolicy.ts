import type { LabelSelector, NetworkPolicy } from '../../../cluster/api/types';
import { formatLabelSelector } from '../format';
import { annotationsMultiline, labelsMultiline } from './common';
import { DescribeWriter } from './tabwriter';

interface Peer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string; except?: string[] };
}
interface Rule {
  ports?: { port?: number | string; endPort?: number; protocol?: string }[];
  from?: Peer[];
  to?: Peer[];
}

/** metav1.Time's String(): Go's time.Time format, `2026-01-05 09:00:00 +0000 UTC`. */
function goTime(timestamp: string): string {
  const d = new Date(Date.parse(timestamp));
  if (Number.isNaN(d.getTime())) return '0001-01-01 00:00:00 +0000 UTC';
  return `${d.toISOString().slice(0, 19).replace('T', ' ')} +0000 UTC`;
}

function printRules(w: DescribeWriter, rules: readonly Rule[], direction: 'ingress' | 'egress'): void {
  const indent = '    ';
  if (rules.length === 0) {
    w.write(0, `${indent}<none> (Selected pods are isolated for ${direction} connectivity)\n`);
    return;
  }
  rules.forEach((rule, i) => {
    const ports = rule.ports ?? [];
    if (ports.length === 0) w.write(0, `${indent}To Port: <any> (traffic allowed to all ports)\n`);
    for (const p of ports) {
      const port = p.port === undefined ? '<nil>' : String(p.port);
      const proto = p.protocol ?? 'TCP';
      w.write(0, p.endPort === undefined ? `${indent}To Port: ${port}/${proto}\n` : `${indent}To Port Range: ${port}-${p.endPort}/${proto}\n`);
    }
    const peers = (direction === 'ingress' ? rule.from : rule.to) ?? [];
    const label = direction === 'ingress' ? 'From' : 'To';
    if (peers.length === 0) w.write(0, `${indent}${label}: <any> (traffic not restricted by ${direction === 'ingress' ? 'source' : 'destination'})\n`);
    for (const peer of peers) {
      w.write(0, `${indent}${label}:\n`);
      if (peer.podSelector && peer.namespaceSelector) {
        w.write(1, `${indent}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}\n`);
        w.write(1, `${indent}PodSelector: ${formatLabelSelector(peer.podSelector)}\n`);
      } else if (peer.podSelector) w.write(1, `${indent}PodSelector: ${formatLabelSelector(peer.podSelector)}\n`);
      else if (peer.namespaceSelector) w.write(1, `${indent}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}\n`);
      else if (peer.ipBlock) {
        w.write(1, `${indent}IPBlock:\n`);
        w.write(2, `${indent}CIDR: ${peer.ipBlock.cidr}\n`);
        w.write(2, `${indent}Except: ${(peer.ipBlock.except ?? []).join(', ')}\n`);
      }
    }
    if (i !== rules.length - 1) w.write(0, `${indent}----------\n`);
  });
}

/** describeNetworkPolicy: the selected pods, then what ingress and egress each rule allows. NetworkPolicies print no events. */
export function describeNetworkPolicy(np: NetworkPolicy): string {
  const w = new DescribeWriter();
  const spec = np.spec;
  w.write(0, `Name:\t${np.metadata.name}\n`);
  w.write(0, `Namespace:\t${np.metadata.namespace ?? ''}\n`);
  w.write(0, `Created on:\t${goTime(np.metadata.creationTimestamp)}\n`);
  labelsMultiline(w, 'Labels', np.metadata.labels);
  annotationsMultiline(w, 'Annotations', np.metadata.annotations);
  w.write(0, 'Spec:\n');
  w.write(1, 'PodSelector: ');
  const selector = spec.podSelector ?? {};
  if (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0) {
    w.write(2, '<none> (Allowing the specific traffic to all pods in this namespace)\n');
  } else w.write(2, `${formatLabelSelector(selector)}\n`);
  // The apiserver defaults policyTypes: Ingress, plus Egress when there are egress rules.
  const types = spec.policyTypes ?? ['Ingress', ...(spec.egress && spec.egress.length > 0 ? (['Egress'] as const) : [])];
  if (types.includes('Ingress')) {
    w.write(1, 'Allowing ingress traffic:\n');
    printRules(w, (spec.ingress ?? []) as Rule[], 'ingress');
  } else w.write(1, 'Not affecting ingress traffic\n');
  if (types.includes('Egress')) {
    w.write(1, 'Allowing egress traffic:\n');
    printRules(w, (spec.egress ?? []) as Rule[], 'egress');
  } else w.write(1, 'Not affecting egress traffic\n');
  w.write(1, `Policy Types: ${types.join(', ') || '<none>'}\n`);
  return w.toString();
}
