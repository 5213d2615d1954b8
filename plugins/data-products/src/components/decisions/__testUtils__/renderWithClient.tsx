import { identityApiRef } from '@backstage/core-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  MockFetchApi,
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { ReactElement } from 'react';
import { DataProductsClient, dataProductsApiRef } from '../../../api';
import { accessInboxRouteRef } from '../../../routes';

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
      ]}
    >
      {element}
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/access-inbox': accessInboxRouteRef,
      },
    },
  );
}
