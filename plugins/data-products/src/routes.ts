import { createRouteRef } from '@backstage/core-plugin-api';

/** The Access inbox page; both frontend systems mount it through this ref. @public */
export const accessInboxRouteRef = createRouteRef({
  id: 'data-products:access-inbox',
});

/** The Insights page (decision times, rejections, queue). @public */
export const insightsRouteRef = createRouteRef({
  id: 'data-products:insights',
});

/** The Art. 30 report page (who can read which personal data). @public */
export const personalDataAccessReportRouteRef = createRouteRef({
  id: 'data-products:personal-data-access-report',
});

/** The data-product marketplace: find products and ask for access. @public */
export const marketplaceRouteRef = createRouteRef({
  id: 'data-products:marketplace',
});
