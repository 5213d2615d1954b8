import type { Entity } from '@backstage/catalog-model';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import type { EnforcedFailure } from '../policies/PolicyEvaluator';
import { GOVERNANCE_TOPICS } from './forumNotices';

/** The data product's Governance tab in the app. */
function governanceTab(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  const parts = [namespace, kind.toLocaleLowerCase('en-US'), name];
  return `/catalog/${parts.map(encodeURIComponent).join('/')}/governance`;
}

/** "Your data product fails an enforced policy: what and how to fix it", to its owners. */
export function policyFailingNotice(
  entity: Entity,
  owners: string[],
  failure: EnforcedFailure,
): NotificationSendOptions {
  const entityRef = stringifyEntityRef(entity);
  const product = entity.metadata.title ?? entity.metadata.name;
  const decision = failure.adrs.find(a => a.status === 'accepted');
  return {
    recipients: { type: 'entity', entityRef: owners },
    payload: {
      title: `${product} fails "${failure.policy.title}"`,
      description: [
        `To fix: ${failure.result.message ?? failure.policy.description}.`,
        decision
          ? `The forum enforces this policy since "${decision.title}" was accepted.`
          : '',
      ]
        .filter(Boolean)
        .join(' '),
      link: governanceTab(entityRef),
      topic: GOVERNANCE_TOPICS.policyFailing,
      scope: `${failure.policy.id}:${entityRef}:failing`,
      severity: 'high',
    },
  };
}
