import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/** The governance page: the ADR index. @public */
export const rootRouteRef = createRouteRef({ id: 'governance' });

/** One ADR, below the governance page. @public */
export const adrRouteRef = createSubRouteRef({
  id: 'governance/adr',
  parent: rootRouteRef,
  path: '/adrs/:adrId',
});
