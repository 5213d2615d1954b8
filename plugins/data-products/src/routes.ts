import { createRouteRef } from '@backstage/core-plugin-api';

/** The Access inbox page; both frontend systems mount it through this ref. @public */
export const accessInboxRouteRef = createRouteRef({
  id: 'data-products:access-inbox',
});
