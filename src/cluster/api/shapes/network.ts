/** NetworkPolicy (networking/v1), EndpointSlice (discovery/v1) and the Endpoints subsets (core/v1). */
import { LabelSelector } from './meta';
import { type Fields, list, named, struct } from './shape';

export const IPBlock = struct('v1.IPBlock', {
  cidr: 'string',
  except: list('string'),
});

export const NetworkPolicyPeer = struct('v1.NetworkPolicyPeer', {
  podSelector: LabelSelector,
  namespaceSelector: LabelSelector,
  ipBlock: IPBlock,
});

export const NetworkPolicyPort = struct('v1.NetworkPolicyPort', {
  protocol: named('v1.Protocol'),
  port: 'intOrString',
  endPort: 'int',
});

export const NetworkPolicyEgressRule = struct('v1.NetworkPolicyEgressRule', {
  ports: list(NetworkPolicyPort),
  to: list(NetworkPolicyPeer),
});

export const NetworkPolicyIngressRule = struct('v1.NetworkPolicyIngressRule', {
  ports: list(NetworkPolicyPort),
  from: list(NetworkPolicyPeer),
});

export const NetworkPolicySpec = struct('v1.NetworkPolicySpec', {
  podSelector: LabelSelector,
  ingress: list(NetworkPolicyIngressRule),
  egress: list(NetworkPolicyEgressRule),
  policyTypes: list(named('v1.PolicyType')),
});

export const ObjectReference = struct('v1.ObjectReference', {
  kind: 'string',
  namespace: 'string',
  name: 'string',
  uid: named('types.UID'),
  apiVersion: 'string',
  resourceVersion: 'string',
  fieldPath: 'string',
});

export const EndpointConditions = struct('v1.EndpointConditions', {
  ready: 'bool',
  serving: 'bool',
  terminating: 'bool',
});

export const ForNode = struct('v1.ForNode', {
  name: 'string',
});

export const ForZone = struct('v1.ForZone', {
  name: 'string',
});

export const EndpointHints = struct('v1.EndpointHints', {
  forZones: list(ForZone),
  forNodes: list(ForNode),
});

export const Endpoint = struct('v1.Endpoint', {
  addresses: list('string'),
  conditions: EndpointConditions,
  hostname: 'string',
  targetRef: ObjectReference,
  deprecatedTopology: 'map',
  nodeName: 'string',
  zone: 'string',
  hints: EndpointHints,
});

/** discovery/v1's EndpointPort, which Go names as core/v1's does. */
export const SliceEndpointPort: Fields = {
  ...struct('v1.EndpointPort', {
    name: 'string',
    protocol: named('v1.Protocol'),
    port: 'int',
    appProtocol: 'string',
  }),
  id: 'discovery.v1.EndpointPort',
};

export const EndpointAddress = struct('v1.EndpointAddress', {
  ip: 'string',
  hostname: 'string',
  nodeName: 'string',
  targetRef: ObjectReference,
});

export const EndpointPort = struct('v1.EndpointPort', {
  name: 'string',
  port: 'int',
  protocol: named('v1.Protocol'),
  appProtocol: 'string',
});

export const EndpointSubset = struct('v1.EndpointSubset', {
  addresses: list(EndpointAddress),
  notReadyAddresses: list(EndpointAddress),
  ports: list(EndpointPort),
});
