/** The pod spec and template, with scheduling (affinity, tolerations, topology spread) and pod-level security (core/v1). */
import { AppArmorProfile, Container, EphemeralContainer, ResourceList, ResourceRequirements, SELinuxOptions, SeccompProfile, WindowsSecurityContextOptions } from './container';
import { LabelSelector, ObjectMeta } from './meta';
import { list, named, struct } from './shape';
import { LocalObjectReference, Volume } from './volumes';

export const NodeSelectorRequirement = struct('v1.NodeSelectorRequirement', {
  key: 'string',
  operator: named('v1.NodeSelectorOperator'),
  values: list('string'),
});

export const NodeSelectorTerm = struct('v1.NodeSelectorTerm', {
  matchExpressions: list(NodeSelectorRequirement),
  matchFields: list(NodeSelectorRequirement),
});

export const NodeSelector = struct('v1.NodeSelector', {
  nodeSelectorTerms: list(NodeSelectorTerm),
});

export const PreferredSchedulingTerm = struct('v1.PreferredSchedulingTerm', {
  weight: 'int',
  preference: NodeSelectorTerm,
});

export const NodeAffinity = struct('v1.NodeAffinity', {
  requiredDuringSchedulingIgnoredDuringExecution: NodeSelector,
  preferredDuringSchedulingIgnoredDuringExecution: list(PreferredSchedulingTerm),
});

export const PodAffinityTerm = struct('v1.PodAffinityTerm', {
  labelSelector: LabelSelector,
  namespaces: list('string'),
  topologyKey: 'string',
  namespaceSelector: LabelSelector,
  matchLabelKeys: list('string'),
  mismatchLabelKeys: list('string'),
});

export const WeightedPodAffinityTerm = struct('v1.WeightedPodAffinityTerm', {
  weight: 'int',
  podAffinityTerm: PodAffinityTerm,
});

export const PodAffinity = struct('v1.PodAffinity', {
  requiredDuringSchedulingIgnoredDuringExecution: list(PodAffinityTerm),
  preferredDuringSchedulingIgnoredDuringExecution: list(WeightedPodAffinityTerm),
});

export const PodAntiAffinity = struct('v1.PodAntiAffinity', {
  requiredDuringSchedulingIgnoredDuringExecution: list(PodAffinityTerm),
  preferredDuringSchedulingIgnoredDuringExecution: list(WeightedPodAffinityTerm),
});

export const Affinity = struct('v1.Affinity', {
  nodeAffinity: NodeAffinity,
  podAffinity: PodAffinity,
  podAntiAffinity: PodAntiAffinity,
});

export const HostAlias = struct('v1.HostAlias', {
  ip: 'string',
  hostnames: list('string'),
});

export const PodDNSConfigOption = struct('v1.PodDNSConfigOption', {
  name: 'string',
  value: 'string',
});

export const PodDNSConfig = struct('v1.PodDNSConfig', {
  nameservers: list('string'),
  searches: list('string'),
  options: list(PodDNSConfigOption),
});

export const PodOS = struct('v1.PodOS', {
  name: named('v1.OSName'),
});

export const PodReadinessGate = struct('v1.PodReadinessGate', {
  conditionType: named('v1.PodConditionType'),
});

export const PodResourceClaim = struct('v1.PodResourceClaim', {
  name: 'string',
  resourceClaimName: 'string',
  resourceClaimTemplateName: 'string',
});

export const PodSchedulingGate = struct('v1.PodSchedulingGate', {
  name: 'string',
});

export const Sysctl = struct('v1.Sysctl', {
  name: 'string',
  value: 'string',
});

export const PodSecurityContext = struct('v1.PodSecurityContext', {
  seLinuxOptions: SELinuxOptions,
  windowsOptions: WindowsSecurityContextOptions,
  runAsUser: 'int64',
  runAsGroup: 'int64',
  runAsNonRoot: 'bool',
  supplementalGroups: list('int64'),
  supplementalGroupsPolicy: named('v1.SupplementalGroupsPolicy'),
  fsGroup: 'int64',
  sysctls: list(Sysctl),
  fsGroupChangePolicy: named('v1.PodFSGroupChangePolicy'),
  seccompProfile: SeccompProfile,
  appArmorProfile: AppArmorProfile,
  seLinuxChangePolicy: named('v1.PodSELinuxChangePolicy'),
});

export const Toleration = struct('v1.Toleration', {
  key: 'string',
  operator: named('v1.TolerationOperator'),
  value: 'string',
  effect: named('v1.TaintEffect'),
  tolerationSeconds: 'int64',
});

export const TopologySpreadConstraint = struct('v1.TopologySpreadConstraint', {
  maxSkew: 'int',
  topologyKey: 'string',
  whenUnsatisfiable: named('v1.UnsatisfiableConstraintAction'),
  labelSelector: LabelSelector,
  minDomains: 'int',
  nodeAffinityPolicy: named('v1.NodeInclusionPolicy'),
  nodeTaintsPolicy: named('v1.NodeInclusionPolicy'),
  matchLabelKeys: list('string'),
});

export const PodSpec = struct('v1.PodSpec', {
  volumes: list(Volume),
  initContainers: list(Container),
  containers: list(Container),
  ephemeralContainers: list(EphemeralContainer),
  restartPolicy: named('v1.RestartPolicy'),
  terminationGracePeriodSeconds: 'int64',
  activeDeadlineSeconds: 'int64',
  dnsPolicy: named('v1.DNSPolicy'),
  nodeSelector: 'map',
  serviceAccountName: 'string',
  serviceAccount: 'string',
  automountServiceAccountToken: 'bool',
  nodeName: 'string',
  hostNetwork: 'bool',
  hostPID: 'bool',
  hostIPC: 'bool',
  shareProcessNamespace: 'bool',
  securityContext: PodSecurityContext,
  imagePullSecrets: list(LocalObjectReference),
  hostname: 'string',
  subdomain: 'string',
  affinity: Affinity,
  schedulerName: 'string',
  tolerations: list(Toleration),
  hostAliases: list(HostAlias),
  priorityClassName: 'string',
  priority: 'int',
  dnsConfig: PodDNSConfig,
  readinessGates: list(PodReadinessGate),
  runtimeClassName: 'string',
  enableServiceLinks: 'bool',
  preemptionPolicy: named('v1.PreemptionPolicy'),
  overhead: ResourceList,
  topologySpreadConstraints: list(TopologySpreadConstraint),
  setHostnameAsFQDN: 'bool',
  os: PodOS,
  hostUsers: 'bool',
  schedulingGates: list(PodSchedulingGate),
  resourceClaims: list(PodResourceClaim),
  resources: ResourceRequirements,
  hostnameOverride: 'string',
});

export const PodTemplateSpec = struct('v1.PodTemplateSpec', {
  metadata: ObjectMeta,
  spec: PodSpec,
});
