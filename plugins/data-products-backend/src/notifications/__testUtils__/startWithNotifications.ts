import {
  coreServices,
  createServiceFactory,
  type BackendFeature,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import notificationsBackend from '@backstage/plugin-notifications-backend';
import request from 'supertest';
import { dataProductsPlugin } from '../../plugin';
import {
  activities,
  catalogEntities,
  memberships,
} from '../../__testUtils__/fixtures';

/**
 * The plugin next to the real notifications backend, each on its own real
 * database (as in the portal), with the fixtures' catalog and `extra`
 * entities for the notifications' recipient resolver.
 */
export async function startWithNotifications(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
  options: { entities?: Entity[]; features?: BackendFeature[] } = {},
) {
  const knex = await databases.init(databaseId);
  const notificationsKnex = await databases.init(databaseId);
  const backend = await startTestBackend({
    features: [
      dataProductsPlugin,
      notificationsBackend,
      createServiceFactory({
        service: coreServices.database,
        deps: { plugin: coreServices.pluginMetadata },
        factory: ({ plugin }) => ({
          getClient: async () =>
            plugin.getId() === 'notifications' ? notificationsKnex : knex,
        }),
      }),
      catalogServiceMock.factory({
        entities: [...catalogEntities, ...(options.entities ?? [])],
      }),
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
          app: { baseUrl: 'http://localhost:3000' },
          dataProducts: {
            access: { maxDuration: 'P365D' },
            legalBasis: { registerId: 'demo', activities },
          },
        },
      }),
      ...(options.features ?? []),
    ],
  });
  return { backend, http: request(backend.server), knex };
}
