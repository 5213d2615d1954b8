import { AuthService } from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { GovernanceService } from '../service/GovernanceService';
import { registerExplainFailingPolicies } from './explainFailingPolicies';
import { registerListAdrs } from './listAdrs';

/**
 * What an AI assistant may read for a signed-in person. Recording an
 * opinion or a decision stays with people: there is no action for it.
 */
export function registerGovernanceActions(
  registry: ActionsRegistryService,
  deps: { auth: AuthService; service: GovernanceService },
) {
  registerListAdrs(registry, deps);
  registerExplainFailingPolicies(registry, deps);
}
