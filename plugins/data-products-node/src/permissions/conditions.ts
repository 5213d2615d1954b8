import { createConditionExports } from '@backstage/plugin-permission-node';
import {
  accessRequestResourceRef,
  isDataProductOwner,
  isInvolved,
  isRequester,
} from './rules';

const { conditions, createConditionalDecision } = createConditionExports({
  resourceRef: accessRequestResourceRef,
  rules: { isRequester, isDataProductOwner, isInvolved },
});

/**
 * Conditions on access requests for permission policies.
 * @public
 */
export const accessRequestConditions = conditions;

/**
 * Builds a conditional decision on access requests.
 * @public
 */
export const createAccessRequestConditionalDecision = createConditionalDecision;
