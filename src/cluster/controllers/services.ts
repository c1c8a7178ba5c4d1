import type { ControllerContext } from '../runtime/controller';
import type { ControllerManager } from '../runtime/controller-manager';

/** STUB (replaced by the service work): Service allocation hooks, EndpointSlice and Endpoints controllers. */
export function registerServiceControllers(_manager: ControllerManager, _ctx: ControllerContext): void {}
