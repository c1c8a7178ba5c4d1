import type { ControllerContext } from '../runtime/controller';
import type { ControllerManager } from '../runtime/controller-manager';

/** STUB (replaced by the workload work): Deployment, ReplicaSet, DaemonSet, scheduler, kubelet, GC, namespace. */
export function registerWorkloadControllers(_manager: ControllerManager, _ctx: ControllerContext): void {}
