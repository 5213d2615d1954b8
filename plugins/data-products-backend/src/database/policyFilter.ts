import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import type { AccessRequestFilter } from '@datamesh-governance/plugin-data-products-node';
import { Knex } from 'knex';
import { VIEWER_ROLES, VIEWERS, ViewerRole } from './viewers';

/** What a branch of a list query already knows about every row it reads. */
export type BranchFacts = { viewerRef: string; role?: ViewerRole };

/** A condition folded against a branch: settled, or left for SQL. */
type Folded = boolean | ((query: Knex.QueryBuilder) => void);

/**
 * Applies a permission policy's conditions to one branch of a list query.
 * A branch reads the index rows of one viewer in one role, so most
 * conditions are already settled by it (a requester's own row needs no
 * "is requester" check): those fold away, and only what is left becomes
 * SQL on the row. With the example policy nothing is left.
 * Returns false when the branch can show nothing.
 */
export function applyPolicyFilter(
  query: Knex.QueryBuilder,
  criteria: PermissionCriteria<AccessRequestFilter> | undefined,
  facts: BranchFacts,
): boolean {
  if (!criteria) return true;
  const folded = foldForBranch(criteria, facts);
  if (typeof folded === 'function') query.where(folded);
  return folded !== false;
}

/**
 * Whether the conditions hold for every row a branch reads, by what the
 * branch is (so that applying them changes nothing).
 */
export function settledByBranch(
  criteria: PermissionCriteria<AccessRequestFilter>,
  facts: BranchFacts,
): boolean {
  return foldForBranch(criteria, facts) === true;
}

/**
 * A branch without a role reads the viewer's rows in every role (one
 * product's list): the conditions are settled for it when they are for
 * each role.
 */
function foldForBranch(
  criteria: PermissionCriteria<AccessRequestFilter>,
  facts: BranchFacts,
): Folded {
  if (facts.role) return fold(criteria, facts);
  const byRole = VIEWER_ROLES.map(role => fold(criteria, { ...facts, role }));
  if (byRole.every(part => part === true)) return true;
  if (byRole.every(part => part === false)) return false;
  return fold(criteria, facts);
}

function fold(
  criteria: PermissionCriteria<AccessRequestFilter>,
  facts: BranchFacts,
): Folded {
  if ('anyOf' in criteria) {
    const parts = criteria.anyOf.map(c => fold(c, facts));
    if (parts.includes(true)) return true;
    const open = parts.filter(isSql);
    if (open.length === 0) return false;
    return q => open.forEach(part => q.orWhere(part));
  }
  if ('allOf' in criteria) {
    const parts = criteria.allOf.map(c => fold(c, facts));
    if (parts.includes(false)) return false;
    const open = parts.filter(isSql);
    if (open.length === 0) return true;
    return q => open.forEach(part => q.andWhere(part));
  }
  if ('not' in criteria) {
    const inner = fold(criteria.not, facts);
    return isSql(inner) ? q => q.whereNot(inner) : !inner;
  }
  return foldRule(criteria, facts);
}

function foldRule(filter: AccessRequestFilter, facts: BranchFacts): Folded {
  if (filter.relation === 'involved') {
    const { refs } = filter;
    return fold(
      {
        anyOf: [
          { relation: 'requester', refs },
          { relation: 'decider', refs },
        ],
      },
      facts,
    );
  }
  const mine = filter.refs.includes(facts.viewerRef);
  if (filter.relation === 'requester') {
    if (mine && (facts.role === 'requester' || facts.role === 'subject')) {
      return true;
    }
    return q =>
      q
        .whereIn(`${VIEWERS}.requester_ref`, filter.refs)
        .orWhereIn(`${VIEWERS}.subject_ref`, filter.refs);
  }
  if (mine && facts.role === 'decider') return true;
  return q => {
    if (mine && !facts.role) q.where(`${VIEWERS}.role`, 'decider');
    q.orWhereExists(sub =>
      sub
        .select(sub.client.raw('1'))
        .from(`${VIEWERS} as decider`)
        .whereRaw('?? = ??', ['decider.request_id', `${VIEWERS}.request_id`])
        .where('decider.role', 'decider')
        .whereIn('decider.viewer_ref', filter.refs),
    );
  };
}

function isSql(part: Folded): part is (query: Knex.QueryBuilder) => void {
  return typeof part === 'function';
}
