import type { ControllerContext } from '../runtime/controller';
import type { ControllerManager } from '../runtime/controller-manager';
import { EndpointSliceController } from './endpointslice-controller';
import { EndpointsController } from './endpoints-controller';
import { MetalLBController } from './metallb-controller';
import { MetalLBSpeaker } from './metallb-speaker';
import { ServiceSelection } from './service-endpoints';
import { ServiceRegistry } from './service-registry';

/** Service allocation (as registry hooks) and the controllers that follow Services' endpoints. */
export function registerServiceControllers(manager: ControllerManager, ctx: ControllerContext): void {
  manager.add(new ServiceRegistry(ctx));
  // One index from pods to the Services selecting them, shared by both endpoint controllers.
  const selection = new ServiceSelection(ctx.store);
  manager.add(new EndpointSliceController(ctx, selection));
  manager.add(new EndpointsController(ctx, selection));
  // A scenario with a MetalLB-like load balancer (kind's docs install MetalLB in L2 mode).
  if (ctx.config.loadBalancerPool) {
    manager.add(new MetalLBController(ctx, ctx.config.loadBalancerPool));
    manager.add(new MetalLBSpeaker(ctx));
  }
}
