/** The status of each kind that has one (core/v1, apps/v1), which the apiserver decodes as strictly as the spec. */
import { NodeConfigSource } from './cluster';
import { ResourceList, ResourceRequirements } from './container';
import { list, named, struct } from './shape';

export const ContainerStateRunning = struct('v1.ContainerStateRunning', {
  startedAt: 'string',
});

export const ContainerStateTerminated = struct('v1.ContainerStateTerminated', {
  exitCode: 'int',
  signal: 'int',
  reason: 'string',
  message: 'string',
  startedAt: 'string',
  finishedAt: 'string',
  containerID: 'string',
});

export const ContainerStateWaiting = struct('v1.ContainerStateWaiting', {
  reason: 'string',
  message: 'string',
});

export const ContainerState = struct('v1.ContainerState', {
  waiting: ContainerStateWaiting,
  running: ContainerStateRunning,
  terminated: ContainerStateTerminated,
});

export const LinuxContainerUser = struct('v1.LinuxContainerUser', {
  uid: 'int64',
  gid: 'int64',
  supplementalGroups: list('int64'),
});

export const ContainerUser = struct('v1.ContainerUser', {
  linux: LinuxContainerUser,
});

export const ResourceHealth = struct('v1.ResourceHealth', {
  resourceID: named('v1.ResourceID'),
  health: named('v1.ResourceHealthStatus'),
});

export const ResourceStatus = struct('v1.ResourceStatus', {
  name: named('v1.ResourceName'),
  resources: list(ResourceHealth),
});

export const VolumeMountStatus = struct('v1.VolumeMountStatus', {
  name: 'string',
  mountPath: 'string',
  readOnly: 'bool',
  recursiveReadOnly: named('v1.RecursiveReadOnlyMode'),
});

export const ContainerStatus = struct('v1.ContainerStatus', {
  name: 'string',
  state: ContainerState,
  lastState: ContainerState,
  ready: 'bool',
  restartCount: 'int',
  image: 'string',
  imageID: 'string',
  containerID: 'string',
  started: 'bool',
  allocatedResources: ResourceList,
  resources: ResourceRequirements,
  volumeMounts: list(VolumeMountStatus),
  user: ContainerUser,
  allocatedResourcesStatus: list(ResourceStatus),
  stopSignal: named('v1.Signal'),
});

export const HostIP = struct('v1.HostIP', {
  ip: 'string',
});

export const PodCondition = struct('v1.PodCondition', {
  type: named('v1.PodConditionType'),
  observedGeneration: 'int64',
  status: named('v1.ConditionStatus'),
  lastProbeTime: 'string',
  lastTransitionTime: 'string',
  reason: 'string',
  message: 'string',
});

export const ContainerExtendedResourceRequest = struct('v1.ContainerExtendedResourceRequest', {
  containerName: 'string',
  resourceName: 'string',
  requestName: 'string',
});

export const PodExtendedResourceClaimStatus = struct('v1.PodExtendedResourceClaimStatus', {
  requestMappings: list(ContainerExtendedResourceRequest),
  resourceClaimName: 'string',
});

export const PodIP = struct('v1.PodIP', {
  ip: 'string',
});

export const PodResourceClaimStatus = struct('v1.PodResourceClaimStatus', {
  name: 'string',
  resourceClaimName: 'string',
});

export const PodStatus = struct('v1.PodStatus', {
  observedGeneration: 'int64',
  phase: named('v1.PodPhase'),
  conditions: list(PodCondition),
  message: 'string',
  reason: 'string',
  nominatedNodeName: 'string',
  hostIP: 'string',
  hostIPs: list(HostIP),
  podIP: 'string',
  podIPs: list(PodIP),
  startTime: 'string',
  initContainerStatuses: list(ContainerStatus),
  containerStatuses: list(ContainerStatus),
  qosClass: named('v1.PodQOSClass'),
  ephemeralContainerStatuses: list(ContainerStatus),
  resize: named('v1.PodResizeStatus'),
  resourceClaimStatuses: list(PodResourceClaimStatus),
  extendedResourceClaimStatus: PodExtendedResourceClaimStatus,
});

export const DeploymentCondition = struct('v1.DeploymentCondition', {
  type: named('v1.DeploymentConditionType'),
  status: named('v1.ConditionStatus'),
  lastUpdateTime: 'string',
  lastTransitionTime: 'string',
  reason: 'string',
  message: 'string',
});

export const DeploymentStatus = struct('v1.DeploymentStatus', {
  observedGeneration: 'int64',
  replicas: 'int',
  updatedReplicas: 'int',
  readyReplicas: 'int',
  availableReplicas: 'int',
  unavailableReplicas: 'int',
  terminatingReplicas: 'int',
  conditions: list(DeploymentCondition),
  collisionCount: 'int',
});

export const ReplicaSetCondition = struct('v1.ReplicaSetCondition', {
  type: named('v1.ReplicaSetConditionType'),
  status: named('v1.ConditionStatus'),
  lastTransitionTime: 'string',
  reason: 'string',
  message: 'string',
});

export const ReplicaSetStatus = struct('v1.ReplicaSetStatus', {
  replicas: 'int',
  fullyLabeledReplicas: 'int',
  readyReplicas: 'int',
  availableReplicas: 'int',
  terminatingReplicas: 'int',
  observedGeneration: 'int64',
  conditions: list(ReplicaSetCondition),
});

export const DaemonSetCondition = struct('v1.DaemonSetCondition', {
  type: named('v1.DaemonSetConditionType'),
  status: named('v1.ConditionStatus'),
  lastTransitionTime: 'string',
  reason: 'string',
  message: 'string',
});

export const DaemonSetStatus = struct('v1.DaemonSetStatus', {
  currentNumberScheduled: 'int',
  numberMisscheduled: 'int',
  desiredNumberScheduled: 'int',
  numberReady: 'int',
  observedGeneration: 'int64',
  updatedNumberScheduled: 'int',
  numberAvailable: 'int',
  numberUnavailable: 'int',
  collisionCount: 'int',
  conditions: list(DaemonSetCondition),
});

export const PortStatus = struct('v1.PortStatus', {
  port: 'int',
  protocol: named('v1.Protocol'),
  error: 'string',
});

export const LoadBalancerIngress = struct('v1.LoadBalancerIngress', {
  ip: 'string',
  hostname: 'string',
  ipMode: named('v1.LoadBalancerIPMode'),
  ports: list(PortStatus),
});

export const LoadBalancerStatus = struct('v1.LoadBalancerStatus', {
  ingress: list(LoadBalancerIngress),
});

export const Condition = struct('v1.Condition', {
  type: 'string',
  status: named('v1.ConditionStatus'),
  observedGeneration: 'int64',
  lastTransitionTime: 'string',
  reason: 'string',
  message: 'string',
});

export const ServiceStatus = struct('v1.ServiceStatus', {
  loadBalancer: LoadBalancerStatus,
  conditions: list(Condition),
});

export const AttachedVolume = struct('v1.AttachedVolume', {
  name: named('v1.UniqueVolumeName'),
  devicePath: 'string',
});

export const ContainerImage = struct('v1.ContainerImage', {
  names: list('string'),
  sizeBytes: 'int64',
});

export const NodeAddress = struct('v1.NodeAddress', {
  type: named('v1.NodeAddressType'),
  address: 'string',
});

export const NodeCondition = struct('v1.NodeCondition', {
  type: named('v1.NodeConditionType'),
  status: named('v1.ConditionStatus'),
  lastHeartbeatTime: 'string',
  lastTransitionTime: 'string',
  reason: 'string',
  message: 'string',
});

export const NodeConfigStatus = struct('v1.NodeConfigStatus', {
  assigned: NodeConfigSource,
  active: NodeConfigSource,
  lastKnownGood: NodeConfigSource,
  error: 'string',
});

export const DaemonEndpoint = struct('v1.DaemonEndpoint', {
  Port: 'int',
});

export const NodeDaemonEndpoints = struct('v1.NodeDaemonEndpoints', {
  kubeletEndpoint: DaemonEndpoint,
});

export const NodeFeatures = struct('v1.NodeFeatures', {
  supplementalGroupsPolicy: 'bool',
});

export const NodeRuntimeHandlerFeatures = struct('v1.NodeRuntimeHandlerFeatures', {
  recursiveReadOnlyMounts: 'bool',
  userNamespaces: 'bool',
});

export const NodeRuntimeHandler = struct('v1.NodeRuntimeHandler', {
  name: 'string',
  features: NodeRuntimeHandlerFeatures,
});

export const NodeSwapStatus = struct('v1.NodeSwapStatus', {
  capacity: 'int64',
});

export const NodeSystemInfo = struct('v1.NodeSystemInfo', {
  machineID: 'string',
  systemUUID: 'string',
  bootID: 'string',
  kernelVersion: 'string',
  osImage: 'string',
  containerRuntimeVersion: 'string',
  kubeletVersion: 'string',
  kubeProxyVersion: 'string',
  operatingSystem: 'string',
  architecture: 'string',
  swap: NodeSwapStatus,
});

export const NodeStatus = struct('v1.NodeStatus', {
  capacity: ResourceList,
  allocatable: ResourceList,
  phase: named('v1.NodePhase'),
  conditions: list(NodeCondition),
  addresses: list(NodeAddress),
  daemonEndpoints: NodeDaemonEndpoints,
  nodeInfo: NodeSystemInfo,
  images: list(ContainerImage),
  volumesInUse: list(named('v1.UniqueVolumeName')),
  volumesAttached: list(AttachedVolume),
  config: NodeConfigStatus,
  runtimeHandlers: list(NodeRuntimeHandler),
  features: NodeFeatures,
});

export const NamespaceCondition = struct('v1.NamespaceCondition', {
  type: named('v1.NamespaceConditionType'),
  status: named('v1.ConditionStatus'),
  lastTransitionTime: 'string',
  reason: 'string',
  message: 'string',
});

export const NamespaceStatus = struct('v1.NamespaceStatus', {
  phase: named('v1.NamespacePhase'),
  conditions: list(NamespaceCondition),
});
