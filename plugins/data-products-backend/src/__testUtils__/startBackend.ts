import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type {
  BackendFeature,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import request from 'supertest';
import { dataProductsPlugin } from '../plugin';
import { activities, catalogEntities, memberships } from './fixtures';

/**
 * The plugin in a test backend on a real database, with the fixtures' catalog.
 * Pass `database` to start another replica on a database already in use.
 */
export async function startDataProductsBackend(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
  database?: Knex,
  options: {
    /** In place of the fixtures' catalog, e.g. one that counts its reads. */
    catalog?: ServiceFactory;
    /** More features: services in place of the mocks' defaults, modules. */
    features?: BackendFeature[];
  } = {},
) {
  const knex = database ?? (await databases.init(databaseId));
  const backend = await startTestBackend({
    features: [
      dataProductsPlugin,
      mockServices.database.factory({ knex }),
      options.catalog ??
        catalogServiceMock.factory({ entities: catalogEntities }),
      ...(options.features ?? []),
      mockServices.userInfo.mock({
        getUserInfo: async credentials => {
          const userRef = (credentials.principal as { userEntityRef: string })
            .userEntityRef;
          return {
            userEntityRef: userRef,
            ownershipEntityRefs: memberships[userRef] ?? [userRef],
          };
        },
      }).factory,
      mockServices.rootConfig.factory({
        data: {
          dataProducts: {
            access: { maxDuration: 'P365D' },
            legalBasis: { registerId: 'demo', activities },
          },
        },
      }),
    ],
  });
  const http = request(backend.server);
  return { backend, http, knex };
}

/** Authorization headers of the principals the tests act as. */
export const as = {
  user: (ref: string) => ({ Authorization: mockCredentials.user.header(ref) }),
  service: () => ({ Authorization: mockCredentials.service.header() }),
  nobody: () => ({}),
};
