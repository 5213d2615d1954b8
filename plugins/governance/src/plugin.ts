import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import {
  createSearchResultListItemExtension,
  SearchResultListItemExtensionProps,
} from '@backstage/plugin-search-react';
import type { JSX } from 'react';
import { GovernanceClient, governanceApiRef } from './api';
import { isAdrSearchResult } from './isAdrSearchResult';
import { adrRouteRef, rootRouteRef } from './routes';

/**
 * The governance plugin for apps on the legacy frontend system.
 * Apps on the new frontend system use the default export of `/alpha`.
 * @public
 */
export const governancePlugin = createPlugin({
  id: 'governance',
  apis: [
    createApiFactory({
      api: governanceApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new GovernanceClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: rootRouteRef, adr: adrRouteRef },
});

/** The Governance page: ADRs, opinions and policy compliance. Mount it at `/governance`. @public */
export const GovernancePage: () => JSX.Element = governancePlugin.provide(
  createRoutableExtension({
    name: 'GovernancePage',
    component: () =>
      import('./components/GovernancePage/GovernancePage').then(
        m => m.GovernancePage,
      ),
    mountPoint: rootRouteRef,
  }),
);

/** A data product's policy checks, for a Governance tab on its entity page. @public */
export const EntityGovernanceContent: () => JSX.Element =
  governancePlugin.provide(
    createComponentExtension({
      name: 'EntityGovernanceContent',
      component: {
        lazy: () =>
          import('./components/EntityGovernanceContent').then(
            m => m.EntityGovernanceContent,
          ),
      },
    }),
  );

/** Renders `adr` documents in search results. @public */
export const AdrSearchResultListItem: (
  props: SearchResultListItemExtensionProps,
) => JSX.Element | null = governancePlugin.provide(
  createSearchResultListItemExtension({
    name: 'AdrSearchResultListItem',
    component: () =>
      import('./components/AdrSearchResultListItem').then(
        m => m.AdrSearchResultListItem,
      ),
    predicate: isAdrSearchResult,
  }),
);
