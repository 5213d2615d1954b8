import type {
  SchedulerService,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import request from 'supertest';
import { governancePlugin } from '../plugin';
import { demoDataProducts } from './demoEntities';

/**
 * The plugin in a test backend on a real database, with the demo data
 * products in the catalog and, unless `config` says otherwise, the
 * repository's own governance/decisions folder.
 */
export async function startGovernanceBackend(options: {
  databases: TestDatabases;
  databaseId: TestDatabaseId;
  config?: object;
  entities?: Entity[];
  /** A catalog of one's own instead of the mock holding `entities`. */
  catalog?: ServiceFactory;
  features?: Parameters<typeof startTestBackend>[0]['features'];
  /** Another replica's database, to run two backends on one PostgreSQL. */
  knex?: Knex;
}) {
  const knex =
    options.knex ?? (await options.databases.init(options.databaseId));
  // The mock scheduler runs tasks at startup and on triggerTask; its
  // factory() is there at runtime but not in the declared type.
  const scheduler = mockServices.scheduler() as SchedulerService & {
    factory(): ServiceFactory<SchedulerService>;
  };
  const backend = await startTestBackend({
    features: [
      governancePlugin,
      mockServices.database.factory({ knex }),
      options.catalog ??
        catalogServiceMock.factory({
          entities: options.entities ?? demoDataProducts(),
        }),
      scheduler.factory(),
      mockServices.rootConfig.factory({ data: options.config ?? {} }),
      ...(options.features ?? []),
    ],
  });
  return { backend, http: request(backend.server), knex, scheduler };
}

/** Authorization headers of the principals the tests act as. */
export const as = {
  user: (ref: string) => ({ Authorization: mockCredentials.user.header(ref) }),
  service: () => ({ Authorization: mockCredentials.service.header() }),
  nobody: () => ({ Authorization: mockCredentials.none.header() }),
};
