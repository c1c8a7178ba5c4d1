/** Node and Namespace specs (core/v1). */
import { list, named, struct } from './shape';

export const ConfigMapNodeConfigSource = struct('v1.ConfigMapNodeConfigSource', {
  namespace: 'string',
  name: 'string',
  uid: named('types.UID'),
  resourceVersion: 'string',
  kubeletConfigKey: 'string',
});

export const NodeConfigSource = struct('v1.NodeConfigSource', {
  configMap: ConfigMapNodeConfigSource,
});

export const Taint = struct('v1.Taint', {
  key: 'string',
  value: 'string',
  effect: named('v1.TaintEffect'),
  timeAdded: 'string',
});

export const NodeSpec = struct('v1.NodeSpec', {
  podCIDR: 'string',
  podCIDRs: list('string'),
  providerID: 'string',
  unschedulable: 'bool',
  taints: list(Taint),
  configSource: NodeConfigSource,
  externalID: 'string',
});

export const NamespaceSpec = struct('v1.NamespaceSpec', {
  finalizers: list(named('v1.FinalizerName')),
});
