import type { ControllerContext } from '../runtime/controller';
import type { ControllerManager } from '../runtime/controller-manager';
import { EndpointSliceController } from './endpointslice-controller';
import { EndpointsController } from './endpoints-controller';
import { ServiceRegistry } from './service-registry';

/** Service allocation (as registry hooks) and the controllers that follow Services' endpoints. */
export function registerServiceControllers(manager: ControllerManager, ctx: ControllerContext): void {
  manager.add(new ServiceRegistry(ctx));
  manager.add(new EndpointSliceController(ctx));
  manager.add(new EndpointsController(ctx));
}
