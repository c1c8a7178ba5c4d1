import type { ControllerContext } from '../runtime/controller';
import type { ControllerManager } from '../runtime/controller-manager';
import { DaemonSetController } from './daemonset-controller';
import { DeploymentController } from './deployment-controller';
import { GarbageCollector } from './garbage-collector';
import { Kubelet } from './kubelet';
import { NamespaceController } from './namespace-controller';
import { OwnerIndex } from './owner-index';
import { ReplicaSetController } from './replicaset-controller';
import { RootCaPublisher } from './root-ca-publisher';
import { Scheduler } from './scheduler';

/** The workload controllers, in the order the manager runs them. */
export function registerWorkloadControllers(manager: ControllerManager, ctx: ControllerContext): void {
  // One index of owner references, shared by the garbage collector and the workload controllers.
  const owners = new OwnerIndex();
  manager.add(new GarbageCollector(ctx, owners));
  manager.add(new NamespaceController(ctx));
  manager.add(new RootCaPublisher(ctx));
  manager.add(new DeploymentController(ctx, owners));
  manager.add(new ReplicaSetController(ctx, owners));
  manager.add(new DaemonSetController(ctx, owners));
  manager.add(new Scheduler(ctx));
  manager.add(new Kubelet(ctx));
}
