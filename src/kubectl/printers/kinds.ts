import type { KindName, KubeObject } from '../../cluster/api/types';
import { configMapPrinter } from './configmaps';
import { daemonSetPrinter } from './daemonsets';
import { deploymentPrinter } from './deployments';
import { endpointSlicePrinter } from './endpointslices';
import { endpointsPrinter } from './endpoints';
import { eventPrinter } from './events';
import type { KindPrinter } from './kind-printer';
import { namespacePrinter } from './namespaces';
import { networkPolicyPrinter } from './networkpolicies';
import { nodePrinter } from './nodes';
import { podPrinter } from './pods';
import { replicaSetPrinter } from './replicasets';
import { servicePrinter } from './services';

/** The table printer of every kind the cluster serves. */
export const KIND_PRINTERS: Record<KindName, KindPrinter> = {
  Pod: podPrinter as KindPrinter,
  Service: servicePrinter as KindPrinter,
  Endpoints: endpointsPrinter as KindPrinter,
  EndpointSlice: endpointSlicePrinter as KindPrinter,
  Deployment: deploymentPrinter as KindPrinter,
  ReplicaSet: replicaSetPrinter as KindPrinter,
  DaemonSet: daemonSetPrinter as KindPrinter,
  Node: nodePrinter as KindPrinter,
  Namespace: namespacePrinter as KindPrinter,
  ConfigMap: configMapPrinter as KindPrinter,
  NetworkPolicy: networkPolicyPrinter as KindPrinter,
  Event: eventPrinter as KindPrinter,
};

export function printerFor(kind: KindName): KindPrinter<KubeObject> {
  return KIND_PRINTERS[kind];
}
