import type {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { checkPolicies } from '../proposal/checkPolicies';
import {
  createGovernanceLookup,
  GovernanceLookup,
} from '../proposal/governanceLookup';
import { readProposal } from '../proposal/readProposal';
import type { GroundRuleProposal } from '../proposal/types';

/**
 * The backend services the validate and write actions ask the governance
 * backend with.
 * @public
 */
export type GroundRuleActionOptions = {
  discovery: DiscoveryService;
  auth: AuthService;
};

/** The context parts of a scaffolder action the checks use. */
type ActionContext = {
  input: { proposal: Record<string, unknown> };
  getInitiatorCredentials(): Promise<BackstageCredentials>;
};

/**
 * The form's proposal, checked in full before anything is written: its
 * shape and dates, then its policies against the checks the governance
 * backend has registered and its problems against the raised ones (asked
 * as the person running the template). Also
 * answers who proposes it, from their credentials, never from the form.
 */
export async function checkedProposal(
  ctx: ActionContext,
  options: GroundRuleActionOptions,
): Promise<{
  proposal: GroundRuleProposal;
  proposer: string;
  governance: GovernanceLookup;
}> {
  const proposal = readProposal(ctx.input.proposal);
  const credentials = await ctx.getInitiatorCredentials();
  if (!options.auth.isPrincipal(credentials, 'user')) {
    throw new NotAllowedError(
      'A ground rule is proposed by a signed-in person; run the template as a user',
    );
  }
  const governance = createGovernanceLookup({ ...options, credentials });
  checkPolicies(proposal.policies, await governance.policyChecks());
  for (const [index, problemId] of proposal.problems.entries()) {
    if (!(await governance.problemExists(problemId))) {
      throw new InputError(
        `The proposal is not valid: problems/${index}: no raised problem has the id "${problemId}"`,
      );
    }
  }
  return {
    proposal,
    proposer: credentials.principal.userEntityRef,
    governance,
  };
}
