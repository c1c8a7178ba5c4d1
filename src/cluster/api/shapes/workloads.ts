/** Deployment, ReplicaSet and DaemonSet specs with their update strategies (apps/v1). */
import { LabelSelector } from './meta';
import { PodTemplateSpec } from './pod';
import { named, struct } from './shape';

export const RollingUpdateDeployment = struct('v1.RollingUpdateDeployment', {
  maxUnavailable: 'intOrString',
  maxSurge: 'intOrString',
});

export const DeploymentStrategy = struct('v1.DeploymentStrategy', {
  type: named('v1.DeploymentStrategyType'),
  rollingUpdate: RollingUpdateDeployment,
});

export const DeploymentSpec = struct('v1.DeploymentSpec', {
  replicas: 'int',
  selector: LabelSelector,
  template: PodTemplateSpec,
  strategy: DeploymentStrategy,
  minReadySeconds: 'int',
  revisionHistoryLimit: 'int',
  paused: 'bool',
  progressDeadlineSeconds: 'int',
});

export const ReplicaSetSpec = struct('v1.ReplicaSetSpec', {
  replicas: 'int',
  minReadySeconds: 'int',
  selector: LabelSelector,
  template: PodTemplateSpec,
});

export const RollingUpdateDaemonSet = struct('v1.RollingUpdateDaemonSet', {
  maxUnavailable: 'intOrString',
  maxSurge: 'intOrString',
});

export const DaemonSetUpdateStrategy = struct('v1.DaemonSetUpdateStrategy', {
  type: named('v1.DaemonSetUpdateStrategyType'),
  rollingUpdate: RollingUpdateDaemonSet,
});

export const DaemonSetSpec = struct('v1.DaemonSetSpec', {
  selector: LabelSelector,
  template: PodTemplateSpec,
  updateStrategy: DaemonSetUpdateStrategy,
  minReadySeconds: 'int',
  revisionHistoryLimit: 'int',
});
