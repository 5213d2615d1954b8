import { identityApiRef } from '@backstage/core-plugin-api';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  MockFetchApi,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ReactElement } from 'react';
import { Route, Routes } from 'react-router-dom';
import { GovernanceClient, governanceApiRef } from '../api';
import { GovernanceRoutes } from '../components/GovernancePage/GovernanceRoutes';
import { rootRouteRef } from '../routes';

/** Where the msw handlers listen: what `mockApis.discovery()` hands the real client. */
export const governanceBaseUrl = 'http://example.com/api/governance';

export const signedInUser = 'user:default/alice';

/**
 * Renders with the real GovernanceClient over a real fetch, so msw sees the
 * requests the app would send.
 */
export function renderGovernance(
  element: ReactElement,
  options: {
    routeEntries?: string[];
    /** Whether the permission policy allows what is asked (default: everything). */
    permissions?: 'allow' | 'deny';
    /** What the catalog holds, for pickers. */
    catalog?: ReturnType<typeof catalogApiMock>;
  } = {},
) {
  const client = new GovernanceClient({
    discoveryApi: mockApis.discovery(),
    fetchApi: new MockFetchApi(),
  });
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [governanceApiRef, client],
        [identityApiRef, mockApis.identity({ userEntityRef: signedInUser })],
        [
          permissionApiRef,
          options.permissions === 'deny'
            ? mockApis.permission({ authorize: AuthorizeResult.DENY })
            : mockApis.permission(),
        ],
        [catalogApiRef, options.catalog ?? catalogApiMock()],
      ]}
    >
      {element}
    </TestApiProvider>,
    {
      routeEntries: options.routeEntries,
      mountedRoutes: {
        '/governance': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
}

/** The page's routes mounted where the app mounts them, starting at `path`. */
export function renderGovernancePage(
  path: string,
  options: Omit<Parameters<typeof renderGovernance>[1], 'routeEntries'> = {},
) {
  return renderGovernance(
    <Routes>
      <Route path="/governance/*" element={<GovernanceRoutes />} />
    </Routes>,
    { ...options, routeEntries: [path] },
  );
}
