import type { Deployment, EndpointSlice, Endpoints, Event, Namespace, Node, Pod, ReplicaSet, Service } from '../../../cluster/api/types';
import { ago, obj, running } from '../objects.fixture';

/** An event on `involved`, `count` times, first `firstAgo` and last `lastAgo` seconds before NOW. */
export function event(involved: { kind: string; name: string; uid: string }, type: 'Normal' | 'Warning', reason: string, message: string, component: string, firstAgo: number, lastAgo = firstAgo, count = 1): Event {
  return obj<Event>('Event', `${involved.name}.${reason}`, {
    involvedObject: involved,
    reason,
    message,
    type,
    source: { component },
    firstTimestamp: ago(firstAgo),
    lastTimestamp: ago(lastAgo),
    count,
  });
}

export const webPod: Pod = obj<Pod>('Pod', 'web-7d4b9c6f5-x2x9z', {
  metadata: {
    labels: { app: 'web', 'pod-template-hash': '7d4b9c6f5' },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7d4b9c6f5', uid: 'uid-rs', controller: true }],
  },
  spec: {
    containers: [
      {
        name: 'nginx',
        image: 'nginx:1.27',
        ports: [{ containerPort: 80, protocol: 'TCP' }],
        readinessProbe: { httpGet: { path: '/', port: 80, scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
        env: [{ name: 'MODE', value: 'demo' }, { name: 'POD_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } }],
      },
    ],
    nodeName: 'worker-1',
    priority: 0,
    serviceAccountName: 'default',
    tolerations: [
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ],
  },
  status: {
    phase: 'Running',
    hostIP: '172.18.0.3',
    podIP: '10.244.1.5',
    podIPs: [{ ip: '10.244.1.5' }],
    startTime: ago(300),
    qosClass: 'BestEffort',
    conditions: [
      { type: 'Initialized', status: 'True' },
      { type: 'Ready', status: 'True' },
      { type: 'ContainersReady', status: 'True' },
      { type: 'PodScheduled', status: 'True' },
    ],
    containerStatuses: [running('nginx', { containerID: 'containerd://abc123', imageID: 'docker.io/library/nginx@sha256:0f1e' })],
  },
});

export const webService: Service = obj<Service>('Service', 'web', {
  metadata: { labels: { app: 'web' } },
  spec: {
    type: 'NodePort',
    selector: { app: 'web' },
    ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080, nodePort: 30080 }],
    clusterIP: '10.96.12.34',
    clusterIPs: ['10.96.12.34'],
    ipFamilies: ['IPv4'],
    ipFamilyPolicy: 'SingleStack',
    sessionAffinity: 'None',
    externalTrafficPolicy: 'Cluster',
    internalTrafficPolicy: 'Cluster',
  },
});

export const webSlice: EndpointSlice = obj<EndpointSlice>('EndpointSlice', 'web-abcde', {
  metadata: { labels: { 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' } },
  addressType: 'IPv4',
  ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
  endpoints: [
    { addresses: ['10.244.1.5'], conditions: { ready: true, serving: true, terminating: false }, nodeName: 'worker-1', targetRef: { kind: 'Pod', name: 'web-1', namespace: 'default', uid: 'u1' } },
    { addresses: ['10.244.2.6'], conditions: { ready: false, serving: false, terminating: false }, nodeName: 'worker-2', targetRef: { kind: 'Pod', name: 'web-2', namespace: 'default', uid: 'u2' } },
  ],
});

export const webEndpoints: Endpoints = obj<Endpoints>('Endpoints', 'web', {
  metadata: { labels: { app: 'web' } },
  subsets: [{ addresses: [{ ip: '10.244.1.5' }], notReadyAddresses: [{ ip: '10.244.2.6' }], ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] }],
});

const template = {
  metadata: { labels: { app: 'web' } },
  spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80, protocol: 'TCP' as const }] }] },
};

export const webDeployment: Deployment = obj<Deployment>('Deployment', 'web', {
  metadata: { labels: { app: 'web' }, annotations: { 'deployment.kubernetes.io/revision': '1', 'kubectl.kubernetes.io/last-applied-configuration': '{}' } },
  spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } } },
  status: {
    replicas: 2,
    updatedReplicas: 2,
    readyReplicas: 2,
    availableReplicas: 2,
    conditions: [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' },
      { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' },
    ],
  },
});

export const webReplicaSet: ReplicaSet = obj<ReplicaSet>('ReplicaSet', 'web-7d4b9c6f5', {
  metadata: {
    labels: { app: 'web', 'pod-template-hash': '7d4b9c6f5' },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'uid-web', controller: true }],
  },
  spec: { replicas: 2, selector: { matchLabels: { app: 'web', 'pod-template-hash': '7d4b9c6f5' } }, template },
  status: { replicas: 2, readyReplicas: 2, availableReplicas: 2 },
});

export const shopNamespace: Namespace = obj<Namespace>('Namespace', 'shop', {
  metadata: { namespace: undefined, labels: { 'kubernetes.io/metadata.name': 'shop' } },
  status: { phase: 'Active' },
});

export const worker: Node = obj<Node>('Node', 'worker-1', {
  metadata: { namespace: undefined, labels: { 'kubernetes.io/hostname': 'worker-1', 'kubernetes.io/os': 'linux' } },
  spec: { podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'], providerID: 'kind://docker/kind/worker-1' },
  status: {
    addresses: [{ type: 'InternalIP', address: '172.18.0.3' }, { type: 'Hostname', address: 'worker-1' }],
    capacity: { cpu: '2', memory: '8137728Ki', pods: '110' },
    allocatable: { cpu: '2', memory: '8137728Ki', pods: '110' },
    conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastTransitionTime: ago(3600) }],
    nodeInfo: { architecture: 'amd64', containerRuntimeVersion: 'containerd://2.1.3', kernelVersion: '6.8.0-60-generic', kubeletVersion: 'v1.34.0', kubeProxyVersion: '', operatingSystem: 'linux', osImage: 'Debian GNU/Linux 12 (bookworm)' },
  },
});
