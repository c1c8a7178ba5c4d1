import { NamespaceSpec, NodeSpec } from './cluster';
import { ObjectMeta } from './meta';
import { Endpoint, EndpointSubset, NetworkPolicySpec, SliceEndpointPort } from './network';
import { PodSpec } from './pod';
import { ServiceSpec } from './service';
import { type Fields, list, named } from './shape';
import { DaemonSetSpec, DeploymentSpec, ReplicaSetSpec } from './workloads';

/**
 * The kinds a manifest can create, each decoded strictly all the way down
 * (field lists of the Kubernetes v1.34 API types). `apiVersion` and `kind`
 * are checked before the walk; `status` is accepted as given, since the
 * status subresource, not a manifest, writes it.
 */
const TOP = ['apiVersion', 'kind', 'status'];
const TYPE_META = ['apiVersion', 'kind'];

function kind(goType: string, fields: Fields['fields'], known = TOP): Fields {
  return { goType, fields: { metadata: ObjectMeta, ...fields }, known };
}

export const KINDS: Readonly<Record<string, Fields>> = {
  Pod: kind('Pod', { spec: PodSpec }),
  Deployment: kind('Deployment', { spec: DeploymentSpec }),
  ReplicaSet: kind('ReplicaSet', { spec: ReplicaSetSpec }),
  DaemonSet: kind('DaemonSet', { spec: DaemonSetSpec }),
  Service: kind('Service', { spec: ServiceSpec }),
  // binaryData's values are base64 text, which Go decodes into []byte (the base64 itself is not checked here).
  ConfigMap: kind('ConfigMap', { data: 'map', binaryData: { map: named('[]uint8'), goType: 'map[string][]uint8' }, immutable: 'bool' }, TYPE_META),
  Namespace: kind('Namespace', { spec: NamespaceSpec }),
  Node: kind('Node', { spec: NodeSpec }),
  Endpoints: kind('Endpoints', { subsets: list(EndpointSubset) }, TYPE_META),
  EndpointSlice: kind('EndpointSlice', { addressType: named('v1.AddressType'), endpoints: list(Endpoint), ports: list(SliceEndpointPort) }, TYPE_META),
  NetworkPolicy: kind('NetworkPolicy', { spec: NetworkPolicySpec }),
};
