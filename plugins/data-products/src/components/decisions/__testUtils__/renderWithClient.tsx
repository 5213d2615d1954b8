import { identityApiRef } from '@backstage/core-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  MockFetchApi,
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { ReactElement } from 'react';
import { SWRConfig } from 'swr';
import { DataProductsClient, dataProductsApiRef } from '../../../api';
import {
  accessInboxRouteRef,
  insightsRouteRef,
  personalDataAccessReportRouteRef,
} from '../../../routes';

/**
 * Renders with the real DataProductsClient over a real fetch (answered by
 * msw), signed in as `user`.
 */
export async function renderWithClient(
  element: ReactElement,
  options: {
    user: string;
    ownershipEntityRefs?: string[];
    catalogEntities?: Entity[];
    /** Where the app starts, e.g. a page with its query. */
    routeEntries?: string[];
    /** What the permission framework answers; allow by default. */
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
  },
) {
  const client = new DataProductsClient({
    discoveryApi: mockApis.discovery(),
    fetchApi: new MockFetchApi(),
  });
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [dataProductsApiRef, client],
        [
          identityApiRef,
          mockApis.identity({
            userEntityRef: options.user,
            ownershipEntityRefs: options.ownershipEntityRefs ?? [options.user],
          }),
        ],
        [
          catalogApiRef,
          catalogApiMock({ entities: options.catalogEntities ?? [] }),
        ],
        [
          permissionApiRef,
          mockApis.permission({ authorize: options.permission }),
        ],
      ]}
    >
      {/* usePermission caches answers in SWR; each render starts afresh. */}
      <SWRConfig value={{ provider: () => new Map() }}>{element}</SWRConfig>
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/access-inbox': accessInboxRouteRef,
        '/data-products/insights': insightsRouteRef,
        '/data-products/reports/personal-data-access':
          personalDataAccessReportRouteRef,
      },
      routeEntries: options.routeEntries,
    },
  );
}
