/** A pod's containers: ports, env, resources, probes, lifecycle and security context (core/v1). */
import { type Shape, list, named, struct } from './shape';

/** Resource quantities by resource name (`cpu`, `memory`, `nvidia.com/gpu`): any key, each value a quantity. */
export const ResourceList: Shape = { map: 'quantity', goType: 'v1.ResourceList' };

export const ContainerPort = struct('v1.ContainerPort', {
  name: 'string',
  hostPort: 'int',
  containerPort: 'int',
  protocol: named('v1.Protocol'),
  hostIP: 'string',
});

export const ContainerResizePolicy = struct('v1.ContainerResizePolicy', {
  resourceName: named('v1.ResourceName'),
  restartPolicy: named('v1.ResourceResizeRestartPolicy'),
});

export const ContainerRestartRuleOnExitCodes = struct('v1.ContainerRestartRuleOnExitCodes', {
  operator: named('v1.ContainerRestartRuleOnExitCodesOperator'),
  values: list('int'),
});

export const ContainerRestartRule = struct('v1.ContainerRestartRule', {
  action: named('v1.ContainerRestartRuleAction'),
  exitCodes: ContainerRestartRuleOnExitCodes,
});

export const ConfigMapEnvSource = struct('v1.ConfigMapEnvSource', {
  name: 'string',
  optional: 'bool',
});

export const SecretEnvSource = struct('v1.SecretEnvSource', {
  name: 'string',
  optional: 'bool',
});

export const EnvFromSource = struct('v1.EnvFromSource', {
  prefix: 'string',
  configMapRef: ConfigMapEnvSource,
  secretRef: SecretEnvSource,
});

export const ConfigMapKeySelector = struct('v1.ConfigMapKeySelector', {
  name: 'string',
  key: 'string',
  optional: 'bool',
});

export const FileKeySelector = struct('v1.FileKeySelector', {
  volumeName: 'string',
  path: 'string',
  key: 'string',
  optional: 'bool',
});

export const ObjectFieldSelector = struct('v1.ObjectFieldSelector', {
  apiVersion: 'string',
  fieldPath: 'string',
});

export const ResourceFieldSelector = struct('v1.ResourceFieldSelector', {
  containerName: 'string',
  resource: 'string',
  divisor: 'quantity',
});

export const SecretKeySelector = struct('v1.SecretKeySelector', {
  name: 'string',
  key: 'string',
  optional: 'bool',
});

export const EnvVarSource = struct('v1.EnvVarSource', {
  fieldRef: ObjectFieldSelector,
  resourceFieldRef: ResourceFieldSelector,
  configMapKeyRef: ConfigMapKeySelector,
  secretKeyRef: SecretKeySelector,
  fileKeyRef: FileKeySelector,
});

export const EnvVar = struct('v1.EnvVar', {
  name: 'string',
  value: 'string',
  valueFrom: EnvVarSource,
});

export const ExecAction = struct('v1.ExecAction', {
  command: list('string'),
});

export const HTTPHeader = struct('v1.HTTPHeader', {
  name: 'string',
  value: 'string',
});

export const HTTPGetAction = struct('v1.HTTPGetAction', {
  path: 'string',
  port: 'intOrString',
  host: 'string',
  scheme: named('v1.URIScheme'),
  httpHeaders: list(HTTPHeader),
});

export const SleepAction = struct('v1.SleepAction', {
  seconds: 'int64',
});

export const TCPSocketAction = struct('v1.TCPSocketAction', {
  port: 'intOrString',
  host: 'string',
});

export const LifecycleHandler = struct('v1.LifecycleHandler', {
  exec: ExecAction,
  httpGet: HTTPGetAction,
  tcpSocket: TCPSocketAction,
  sleep: SleepAction,
});

export const Lifecycle = struct('v1.Lifecycle', {
  postStart: LifecycleHandler,
  preStop: LifecycleHandler,
  stopSignal: named('v1.Signal'),
});

export const GRPCAction = struct('v1.GRPCAction', {
  port: 'int',
  service: 'string',
});

export const Probe = struct('v1.Probe', {
  exec: ExecAction,
  httpGet: HTTPGetAction,
  tcpSocket: TCPSocketAction,
  grpc: GRPCAction,
  initialDelaySeconds: 'int',
  timeoutSeconds: 'int',
  periodSeconds: 'int',
  successThreshold: 'int',
  failureThreshold: 'int',
  terminationGracePeriodSeconds: 'int64',
});

export const ResourceClaim = struct('v1.ResourceClaim', {
  name: 'string',
  request: 'string',
});

export const ResourceRequirements = struct('v1.ResourceRequirements', {
  limits: ResourceList,
  requests: ResourceList,
  claims: list(ResourceClaim),
});

export const AppArmorProfile = struct('v1.AppArmorProfile', {
  type: named('v1.AppArmorProfileType'),
  localhostProfile: 'string',
});

export const Capabilities = struct('v1.Capabilities', {
  add: list(named('v1.Capability')),
  drop: list(named('v1.Capability')),
});

export const SELinuxOptions = struct('v1.SELinuxOptions', {
  user: 'string',
  role: 'string',
  type: 'string',
  level: 'string',
});

export const SeccompProfile = struct('v1.SeccompProfile', {
  type: named('v1.SeccompProfileType'),
  localhostProfile: 'string',
});

export const WindowsSecurityContextOptions = struct('v1.WindowsSecurityContextOptions', {
  gmsaCredentialSpecName: 'string',
  gmsaCredentialSpec: 'string',
  runAsUserName: 'string',
  hostProcess: 'bool',
});

export const SecurityContext = struct('v1.SecurityContext', {
  capabilities: Capabilities,
  privileged: 'bool',
  seLinuxOptions: SELinuxOptions,
  windowsOptions: WindowsSecurityContextOptions,
  runAsUser: 'int64',
  runAsGroup: 'int64',
  runAsNonRoot: 'bool',
  readOnlyRootFilesystem: 'bool',
  allowPrivilegeEscalation: 'bool',
  procMount: named('v1.ProcMountType'),
  seccompProfile: SeccompProfile,
  appArmorProfile: AppArmorProfile,
});

export const VolumeDevice = struct('v1.VolumeDevice', {
  name: 'string',
  devicePath: 'string',
});

export const VolumeMount = struct('v1.VolumeMount', {
  name: 'string',
  readOnly: 'bool',
  recursiveReadOnly: named('v1.RecursiveReadOnlyMode'),
  mountPath: 'string',
  subPath: 'string',
  mountPropagation: named('v1.MountPropagationMode'),
  subPathExpr: 'string',
});

/** The fields a container and an ephemeral container share (Go's EphemeralContainerCommon mirrors Container). */
const containerFields = {
  name: 'string',
  image: 'string',
  command: list('string'),
  args: list('string'),
  workingDir: 'string',
  ports: list(ContainerPort),
  envFrom: list(EnvFromSource),
  env: list(EnvVar),
  resources: ResourceRequirements,
  resizePolicy: list(ContainerResizePolicy),
  restartPolicy: named('v1.ContainerRestartPolicy'),
  restartPolicyRules: list(ContainerRestartRule),
  volumeMounts: list(VolumeMount),
  volumeDevices: list(VolumeDevice),
  livenessProbe: Probe,
  readinessProbe: Probe,
  startupProbe: Probe,
  lifecycle: Lifecycle,
  terminationMessagePath: 'string',
  terminationMessagePolicy: named('v1.TerminationMessagePolicy'),
  imagePullPolicy: named('v1.PullPolicy'),
  securityContext: SecurityContext,
  stdin: 'bool',
  stdinOnce: 'bool',
  tty: 'bool',
} as const;

export const Container = struct('v1.Container', containerFields);

export const EphemeralContainer = struct('v1.EphemeralContainer', { ...containerFields, targetContainerName: 'string' });
