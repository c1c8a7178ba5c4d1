import type {
  ConfigMap,
  DaemonSet,
  Deployment,
  EndpointSlice,
  Endpoints,
  KindName,
  KubeObject,
  Namespace,
  NetworkPolicy,
  Node,
  Pod,
  ReplicaSet,
  Service,
} from '../../cluster/api/types';
import { formatLabelSelector, formatLabels } from '../../cluster/labels';
import { age } from './age';

/**
 * The columns of `kubectl get` per kind, as the apiserver's table
 * convertor (pkg/printers/internalversion/printers.go) builds them; `wide`
 * columns appear only with -o wide.
 */
export interface KindColumns<T extends KubeObject = KubeObject> {
  headers: string[];
  wide: string[];
  row(obj: T, now: number): { cells: string[]; wide: string[] };
}

const listWithMore = (items: string[], empty: string) =>
  items.length === 0 ? empty : items.length > 3 ? `${items.slice(0, 3).join(',')} + ${items.length - 3} more...` : items.join(',');

const pod: KindColumns<Pod> = {
  headers: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
  wide: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
  row(p, now) {
    const statuses = p.status?.containerStatuses ?? [];
    const total = p.spec.containers.length;
    let ready = 0;
    let restarts = 0;
    let lastRestart: string | undefined;
    let reason: string = p.status?.reason || p.status?.phase || 'Pending';
    let hasRunning = false;
    for (const s of [...statuses].reverse()) {
      restarts += s.restartCount;
      const finished = s.lastState.terminated?.finishedAt;
      if (finished && (!lastRestart || finished > lastRestart)) lastRestart = finished;
      if ('waiting' in s.state && s.state.waiting.reason) reason = s.state.waiting.reason;
      else if ('terminated' in s.state) reason = s.state.terminated.reason || (s.state.terminated.exitCode ? `ExitCode:${s.state.terminated.exitCode}` : 'Completed');
      else if ('running' in s.state) {
        hasRunning = true;
        if (s.ready) ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      reason = p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady';
    }
    const terminal = p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
    if (p.metadata.deletionTimestamp && !terminal) reason = 'Terminating';
    const restartText = lastRestart ? `${restarts} (${age(lastRestart, now)} ago)` : String(restarts);
    return {
      cells: [p.metadata.name, `${ready}/${total}`, reason, restartText, age(p.metadata.creationTimestamp, now)],
      wide: [p.status?.podIP ?? '<none>', p.spec.nodeName ?? '<none>', '<none>', '<none>'],
    };
  },
};

function servicePorts(s: Service): string {
  const ports = s.spec.ports ?? [];
  if (ports.length === 0) return '<none>';
  return ports.map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`)).join(',');
}

function externalIP(s: Service): string {
  const external = s.spec.externalIPs ?? [];
  switch (s.spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return external.length > 0 ? external.join(',') : '<none>';
    case 'LoadBalancer': {
      const ingress = (s.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || '').filter(Boolean);
      const all = [...ingress, ...external];
      return all.length > 0 ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return s.spec.externalName ?? '<none>';
    default:
      return '<unknown>';
  }
}

const service: KindColumns<Service> = {
  headers: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
  wide: ['SELECTOR'],
  row: (s, now) => ({
    cells: [s.metadata.name, s.spec.type ?? 'ClusterIP', s.spec.clusterIP || '<none>', externalIP(s), servicePorts(s), age(s.metadata.creationTimestamp, now)],
    wide: [formatLabels(s.spec.selector)],
  }),
};

const containersAndImages = (spec: { containers: { name: string; image?: string }[] }) => [
  spec.containers.map((c) => c.name).join(','),
  spec.containers.map((c) => c.image ?? '').join(','),
];

const deployment: KindColumns<Deployment> = {
  headers: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
  wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: (d, now) => ({
    cells: [
      d.metadata.name,
      `${d.status?.readyReplicas ?? 0}/${d.spec.replicas ?? 1}`,
      String(d.status?.updatedReplicas ?? 0),
      String(d.status?.availableReplicas ?? 0),
      age(d.metadata.creationTimestamp, now),
    ],
    wide: [...containersAndImages(d.spec.template.spec), formatLabelSelector(d.spec.selector)],
  }),
};

const replicaSet: KindColumns<ReplicaSet> = {
  headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
  wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: (r, now) => ({
    cells: [r.metadata.name, String(r.spec.replicas ?? 1), String(r.status?.replicas ?? 0), String(r.status?.readyReplicas ?? 0), age(r.metadata.creationTimestamp, now)],
    wide: [...containersAndImages(r.spec.template.spec), formatLabelSelector(r.spec.selector)],
  }),
};

const daemonSet: KindColumns<DaemonSet> = {
  headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
  wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: (d, now) => ({
    cells: [
      d.metadata.name,
      String(d.status?.desiredNumberScheduled ?? 0),
      String(d.status?.currentNumberScheduled ?? 0),
      String(d.status?.numberReady ?? 0),
      String(d.status?.updatedNumberScheduled ?? 0),
      String(d.status?.numberAvailable ?? 0),
      formatLabels(d.spec.template.spec.nodeSelector),
      age(d.metadata.creationTimestamp, now),
    ],
    wide: [...containersAndImages(d.spec.template.spec), formatLabelSelector(d.spec.selector)],
  }),
};

const node: KindColumns<Node> = {
  headers: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
  wide: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
  row(n, now) {
    const ready = n.status?.conditions?.find((c) => c.type === 'Ready');
    let status = !ready ? 'Unknown' : ready.status === 'True' ? 'Ready' : 'NotReady';
    if (n.spec.unschedulable) status += ',SchedulingDisabled';
    const roles = Object.keys(n.metadata.labels ?? {})
      .filter((k) => k.startsWith('node-role.kubernetes.io/'))
      .map((k) => k.slice('node-role.kubernetes.io/'.length))
      .sort();
    const address = (type: string) => n.status?.addresses?.find((a) => a.type === type)?.address ?? '<none>';
    const info = n.status?.nodeInfo;
    return {
      cells: [n.metadata.name, status, roles.length > 0 ? roles.join(',') : '<none>', age(n.metadata.creationTimestamp, now), info?.kubeletVersion ?? ''],
      wide: [address('InternalIP'), address('ExternalIP'), info?.osImage || '<unknown>', info?.kernelVersion || '<unknown>', info?.containerRuntimeVersion || '<unknown>'],
    };
  },
};

const namespace: KindColumns<Namespace> = {
  headers: ['NAME', 'STATUS', 'AGE'],
  wide: [],
  row: (ns, now) => ({ cells: [ns.metadata.name, ns.status?.phase ?? 'Active', age(ns.metadata.creationTimestamp, now)], wide: [] }),
};

const configMap: KindColumns<ConfigMap> = {
  headers: ['NAME', 'DATA', 'AGE'],
  wide: [],
  row: (cm, now) => ({
    cells: [cm.metadata.name, String(Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length), age(cm.metadata.creationTimestamp, now)],
    wide: [],
  }),
};

const endpoints: KindColumns<Endpoints> = {
  headers: ['NAME', 'ENDPOINTS', 'AGE'],
  wide: [],
  row(ep, now) {
    const items: string[] = [];
    for (const subset of ep.subsets ?? []) {
      const ports = subset.ports ?? [];
      // formatEndpoints walks ports, then addresses.
      if (ports.length === 0) for (const a of subset.addresses ?? []) items.push(a.ip);
      for (const p of ports) for (const a of subset.addresses ?? []) items.push(`${a.ip}:${p.port}`);
    }
    return { cells: [ep.metadata.name, listWithMore(items, '<none>'), age(ep.metadata.creationTimestamp, now)], wide: [] };
  },
};

const endpointSlice: KindColumns<EndpointSlice> = {
  headers: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'],
  wide: [],
  row: (s, now) => ({
    cells: [
      s.metadata.name,
      s.addressType,
      listWithMore((s.ports ?? []).map((p) => (p.port !== undefined ? String(p.port) : p.name || '*')), '<unset>'),
      listWithMore((s.endpoints ?? []).flatMap((e) => e.addresses), '<unset>'),
      age(s.metadata.creationTimestamp, now),
    ],
    wide: [],
  }),
};

const networkPolicy: KindColumns<NetworkPolicy> = {
  headers: ['NAME', 'POD-SELECTOR', 'AGE'],
  wide: [],
  row: (np, now) => ({ cells: [np.metadata.name, formatLabelSelector(np.spec.podSelector).replace('<none>', '<none>'), age(np.metadata.creationTimestamp, now)], wide: [] }),
};

export const COLUMNS: Partial<Record<KindName, KindColumns>> = {
  Pod: pod as KindColumns,
  Service: service as KindColumns,
  Deployment: deployment as KindColumns,
  ReplicaSet: replicaSet as KindColumns,
  DaemonSet: daemonSet as KindColumns,
  Node: node as KindColumns,
  Namespace: namespace as KindColumns,
  ConfigMap: configMap as KindColumns,
  Endpoints: endpoints as KindColumns,
  EndpointSlice: endpointSlice as KindColumns,
  NetworkPolicy: networkPolicy as KindColumns,
};
