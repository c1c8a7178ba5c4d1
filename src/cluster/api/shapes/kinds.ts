import { NamespaceSpec, NodeSpec } from './cluster';
import { ObjectMeta } from './meta';
import { Endpoint, EndpointSubset, NetworkPolicySpec, SliceEndpointPort } from './network';
import { PodSpec } from './pod';
import { ServiceSpec } from './service';
import { type Fields, list, named } from './shape';
import { DaemonSetStatus, DeploymentStatus, NamespaceStatus, NodeStatus, PodStatus, ReplicaSetStatus, ServiceStatus } from './status';
import { DaemonSetSpec, DeploymentSpec, ReplicaSetSpec } from './workloads';

/**
 * The kinds a manifest can create, each decoded strictly all the way down
 * (field lists of the Kubernetes v1.34 API types), status included: the
 * apiserver decodes a manifest's status as strictly as its spec.
 * `apiVersion` and `kind` are checked before the walk.
 */
const TYPE_META = ['apiVersion', 'kind'];

function kind(goType: string, fields: Fields['fields']): Fields {
  return { goType, fields: { metadata: ObjectMeta, ...fields }, known: TYPE_META };
}

export const KINDS: Readonly<Record<string, Fields>> = {
  Pod: kind('Pod', { spec: PodSpec, status: PodStatus }),
  Deployment: kind('Deployment', { spec: DeploymentSpec, status: DeploymentStatus }),
  ReplicaSet: kind('ReplicaSet', { spec: ReplicaSetSpec, status: ReplicaSetStatus }),
  DaemonSet: kind('DaemonSet', { spec: DaemonSetSpec, status: DaemonSetStatus }),
  Service: kind('Service', { spec: ServiceSpec, status: ServiceStatus }),
  // binaryData's values are base64 text, which Go decodes into []byte (the base64 itself is not checked here).
  ConfigMap: kind('ConfigMap', { data: 'map', binaryData: { map: named('[]uint8'), goType: 'map[string][]uint8' }, immutable: 'bool' }),
  Namespace: kind('Namespace', { spec: NamespaceSpec, status: NamespaceStatus }),
  Node: kind('Node', { spec: NodeSpec, status: NodeStatus }),
  Endpoints: kind('Endpoints', { subsets: list(EndpointSubset) }),
  EndpointSlice: kind('EndpointSlice', { addressType: named('v1.AddressType'), endpoints: list(Endpoint), ports: list(SliceEndpointPort) }),
  // networking/v1's NetworkPolicy has no status field in v1.34: `status` there is an unknown field.
  NetworkPolicy: kind('NetworkPolicy', { spec: NetworkPolicySpec }),
};
