import type { Container, Event, Node, Pod } from '../../../cluster/api/types';
import { age } from '../age';
import { nodeRoles } from '../nodes';
import { annotationsMultiline, describeEvents, labelsMultiline, rfc1123z, taintsMultiline } from './common';
import { addQuantity, parseQuantity, quantityText, type Quantity } from './quantity';
import { DescribeWriter } from './tabwriter';

type Totals = Record<string, Quantity>;

/** resourcehelper.PodRequestsAndLimits, simplified: the sum over containers, or the largest init container if bigger. */
function podTotals(pod: Pod, which: 'requests' | 'limits'): Totals {
  const sum = (containers: readonly Container[]) => {
    const t: Totals = {};
    for (const c of containers) for (const [k, v] of Object.entries(c.resources?.[which] ?? {})) t[k] = addQuantity(t[k] ?? parseQuantity('0'), parseQuantity(v));
    return t;
  };
  const totals = sum(pod.spec.containers);
  for (const init of pod.spec.initContainers ?? []) {
    for (const [k, v] of Object.entries(sum([init]))) if (v.milli > (totals[k]?.milli ?? 0)) totals[k] = v;
  }
  return totals;
}

const percent = (part: Quantity | undefined, whole: Quantity | undefined) => (whole && whole.milli !== 0 ? Math.trunc(((part?.milli ?? 0) / whole.milli) * 100) : 0);
const cell = (q: Quantity | undefined, whole: Quantity | undefined) => `${quantityText(q ?? parseQuantity('0'))} (${percent(q, whole)}%)`;

/**
 * describeNode. The simulation keeps no node Lease nor condition heartbeats:
 * the Lease shows the node as its own holder, and condition times fall back
 * to the node's creation (uncertain: a real node shows its last heartbeat).
 */
export function describeNode(node: Node, pods: readonly Pod[], events: readonly Event[] | undefined, now: number): string {
  const w = new DescribeWriter();
  const status = node.status ?? {};
  const created = node.metadata.creationTimestamp;
  w.write(0, `Name:\t${node.metadata.name}\n`);
  w.write(0, `Roles:\t${nodeRoles(node)}\n`);
  labelsMultiline(w, 'Labels', node.metadata.labels);
  annotationsMultiline(w, 'Annotations', node.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(created)}\n`);
  taintsMultiline(w, 'Taints', node.spec.taints);
  w.write(0, `Unschedulable:\t${node.spec.unschedulable === true}\n`);
  w.write(0, 'Lease:\n');
  w.write(1, `HolderIdentity:\t${node.metadata.name}\n`);
  w.write(1, 'AcquireTime:\t<unset>\n');
  w.write(1, `RenewTime:\t${rfc1123z(new Date(now).toISOString())}\n`);
  const conditions = status.conditions ?? [];
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      const heartbeat = (c as { lastHeartbeatTime?: string }).lastHeartbeatTime ?? created;
      w.write(1, `${c.type} \t${c.status} \t${rfc1123z(heartbeat)} \t${rfc1123z(c.lastTransitionTime ?? created)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
    }
  }
  w.write(0, 'Addresses:\n');
  for (const a of status.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`);
  for (const [title, list] of [['Capacity', status.capacity], ['Allocatable', status.allocatable]] as const) {
    const names = Object.keys(list ?? {}).sort();
    if (names.length === 0) continue;
    w.write(0, `${title}:\n`);
    for (const n of names) w.write(0, `  ${n}:\t${quantityText(parseQuantity(list![n]))}\n`);
  }
  const info = status.nodeInfo;
  w.write(0, 'System Info:\n');
  w.write(0, `  Machine ID:\t${info?.machineID ?? ''}\n`);
  w.write(0, `  System UUID:\t${info?.systemUUID ?? ''}\n`);
  w.write(0, `  Boot ID:\t${info?.bootID ?? ''}\n`);
  w.write(0, `  Kernel Version:\t${info?.kernelVersion ?? ''}\n`);
  w.write(0, `  OS Image:\t${info?.osImage ?? ''}\n`);
  w.write(0, `  Operating System:\t${info?.operatingSystem ?? ''}\n`);
  w.write(0, `  Architecture:\t${info?.architecture ?? ''}\n`);
  w.write(0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}\n`);
  w.write(0, `  Kubelet Version:\t${info?.kubeletVersion ?? ''}\n`);
  w.write(0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ''}\n`);
  if (node.spec.podCIDR) w.write(0, `PodCIDR:\t${node.spec.podCIDR}\n`);
  if (node.spec.podCIDRs && node.spec.podCIDRs.length > 0) w.write(0, `PodCIDRs:\t${node.spec.podCIDRs.join(',')}\n`);
  if (node.spec.providerID) w.write(0, `ProviderID:\t${node.spec.providerID}\n`);

  const allocatable: Totals = {};
  const source = Object.keys(status.allocatable ?? {}).length > 0 ? status.allocatable : status.capacity;
  for (const [k, v] of Object.entries(source ?? {})) allocatable[k] = parseQuantity(v);
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const reqs: Totals = {};
  const limits: Totals = {};
  for (const p of pods) {
    const r = podTotals(p, 'requests');
    const l = podTotals(p, 'limits');
    for (const [k, v] of Object.entries(r)) reqs[k] = addQuantity(reqs[k] ?? parseQuantity('0'), v);
    for (const [k, v] of Object.entries(l)) limits[k] = addQuantity(limits[k] ?? parseQuantity('0'), v);
    w.write(
      1,
      `${p.metadata.namespace ?? ''}\t${p.metadata.name}\t\t${cell(r.cpu, allocatable.cpu)}\t${cell(l.cpu, allocatable.cpu)}\t${cell(r.memory, allocatable.memory)}\t${cell(l.memory, allocatable.memory)}\t${age(p.metadata.creationTimestamp, now)}\n`,
    );
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  for (const r of ['cpu', 'memory', 'ephemeral-storage']) w.write(1, `${r}\t${cell(reqs[r], allocatable[r])}\t${cell(limits[r], allocatable[r])}\n`);
  if (events) describeEvents(w, events, now);
  return w.toString();
}
