import { createConditionExports } from '@backstage/plugin-permission-node';
import {
  accessRequestResourceRef,
  isDataProductOwner,
  isRequester,
} from './rules';

const { conditions, createConditionalDecision } = createConditionExports({
  resourceRef: accessRequestResourceRef,
  rules: { isRequester, isDataProductOwner },
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
