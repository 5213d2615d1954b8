import { PermissionCriteria } from '@backstage/plugin-permission-common';
import type { AccessRequestQuery } from './rules';

/** Turns the tree of anyOf/allOf/not from a conditional decision into one knex filter. */
export function criteriaToQuery(
  criteria: PermissionCriteria<AccessRequestQuery>,
): AccessRequestQuery {
  if ('anyOf' in criteria) {
    return query =>
      criteria.anyOf.forEach(c => query.orWhere(q => criteriaToQuery(c)(q)));
  }
  if ('allOf' in criteria) {
    return query =>
      criteria.allOf.forEach(c => query.andWhere(q => criteriaToQuery(c)(q)));
  }
  if ('not' in criteria) {
    return query => query.whereNot(q => criteriaToQuery(criteria.not)(q));
  }
  return criteria;
}
