import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { registerFindDataProducts } from './findDataProducts';
import { registerGetProcessingActivities } from './getProcessingActivities';
import {
  registerListDecisionsWaiting,
  registerListMyRequests,
} from './listRequests';
import { registerRequestAccess } from './requestAccess';
import { ActionDeps } from './types';

/**
 * The actions an AI assistant may take for a signed-in person (through
 * Backstage's actions registry and its MCP backend). None decides, revokes
 * or cancels: those stay with people, in the portal.
 */
export function registerDataProductsActions(
  registry: ActionsRegistryService,
  deps: ActionDeps,
) {
  registerFindDataProducts(registry, deps);
  registerGetProcessingActivities(registry, deps);
  registerRequestAccess(registry, deps);
  registerListMyRequests(registry, deps);
  registerListDecisionsWaiting(registry, deps);
}
