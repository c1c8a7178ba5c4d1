import type { ControllerContext } from '../runtime/controller';
import type { ControllerManager } from '../runtime/controller-manager';
import { DaemonSetController } from './daemonset-controller';
import { DeploymentController } from './deployment-controller';
import { GarbageCollector } from './garbage-collector';
import { Kubelet } from './kubelet';
import { NamespaceController } from './namespace-controller';
import { ReplicaSetController } from './replicaset-controller';
import { RootCaPublisher } from './root-ca-publisher';
import { Scheduler } from './scheduler';

/** The workload controllers, in the order the manager runs them. */
export function registerWorkloadControllers(manager: ControllerManager, ctx: ControllerContext): void {
  manager.add(new GarbageCollector(ctx));
  manager.add(new NamespaceController(ctx));
  manager.add(new RootCaPublisher(ctx));
  manager.add(new DeploymentController(ctx));
  manager.add(new ReplicaSetController(ctx));
  manager.add(new DaemonSetController(ctx));
  manager.add(new Scheduler(ctx));
  manager.add(new Kubelet(ctx));
}
