// A real Backstage backend in this process: the catalog (fed the benchmark
// organisation by an entity provider, with the DataProduct module), the
// permission backend with the portal's policy, the data-products plugin and
// the notifications backend it talks to, on a real database. Only identity
// is mocked: users sign in with mock tokens, and userInfo answers their
// group memberships.
import {
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { catalogEntities, membershipsOf, PRIVACY_OFFICE } from './org.mjs';
import { processingActivities } from './requests.mjs';

const PROVIDER = 'access-queue-bench-org';

/** Feeds the catalog the whole organisation at startup. */
const organisationProvider = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'access-queue-bench-org',
  register(reg) {
    reg.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addEntityProvider({
          getProviderName: () => PROVIDER,
          async connect(connection) {
            await connection.applyMutation({
              type: 'full',
              entities: catalogEntities().map(entity => ({
                entity,
                locationKey: PROVIDER,
              })),
            });
          },
        });
      },
    });
  },
});

/** The memberships Backstage would read from the catalog, without a sign-in flow. */
const userInfoFromOrganisation = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => ({
    async getUserInfo(credentials) {
      const userEntityRef = credentials.principal.userEntityRef;
      return {
        userEntityRef,
        ownershipEntityRefs: membershipsOf(userEntityRef),
      };
    },
  }),
});

/**
 * Mock tokens, but a plugin calling another on a user's behalf says so (an
 * actor), as Backstage's real tokens do: the permission backend refuses
 * conditional decisions for users who call it directly.
 */
const authWithActors = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }) {
    const auth = mockServices.auth({ pluginId: plugin.getId() });
    const issue = auth.getPluginRequestToken.bind(auth);
    auth.getPluginRequestToken = async options => {
      const { principal } = options.onBehalfOf;
      if (principal.type !== 'user') return issue(options);
      const actor = { subject: `plugin:${plugin.getId()}` };
      return {
        token: mockCredentials.user.token(principal.userEntityRef, { actor }),
      };
    };
    return auth;
  },
});

/** Hands out the data-products plugin's own database service, to seed and EXPLAIN on it. */
function capturePluginDatabase(target) {
  return createBackendModule({
    pluginId: 'data-products',
    moduleId: 'access-queue-bench-database',
    register(reg) {
      reg.registerInit({
        deps: { database: coreServices.database },
        async init({ database }) {
          target.database = database;
        },
      });
    },
  });
}

/** The plugin a mock token speaks for: its service subject or the actor of a user token. */
function callerOf(authorization = '') {
  const token = authorization.replace(/^Bearer /, '');
  const json = token.slice(token.indexOf(':') + 1);
  if (!json.startsWith('{')) return 'client';
  const { sub, actor } = JSON.parse(json);
  const caller = actor?.subject ?? sub;
  return caller?.startsWith('plugin:') ? caller.slice(7) : 'client';
}

/**
 * Records the HTTP requests the backend serves between start() and stop(),
 * each with when it finished (`finishedAt`, performance.now()), so that a
 * caller can wait for work the backend does after answering.
 */
function requestRecorder(server) {
  let log;
  // First in line, before Express strips the mount path from req.url.
  server.prependListener('request', (req, res) => {
    if (!log) return;
    const entry = {
      method: req.method,
      path: (req.url ?? '').split('?')[0],
      caller: callerOf(req.headers.authorization),
      finishedAt: undefined,
    };
    log.push(entry);
    res.on('close', () => {
      entry.finishedAt = performance.now();
    });
  });
  return {
    start: () => {
      log = [];
    },
    /** What was served so far, without stopping. */
    peek: () => [...(log ?? [])],
    stop: () => {
      const recorded = log ?? [];
      log = undefined;
      return recorded;
    },
  };
}

/**
 * Starts the backend on `database` (a `backend.database` config) and waits
 * until the catalog holds the whole organisation.
 */
export async function startBenchBackend(database) {
  const captured = {};
  const backend = await startTestBackend({
    features: [
      import('@backstage/plugin-catalog-backend'),
      import(
        '@datamesh-governance/plugin-catalog-backend-module-data-products'
      ),
      organisationProvider,
      import('@backstage/plugin-permission-backend'),
      import('../../packages/backend/src/modules/permissionPolicy.ts'),
      import('@datamesh-governance/plugin-data-products-backend'),
      // Where the plugin's notifications go, as in the portal. (Signals go
      // through the events service; their backend needs WebSockets.)
      import('@backstage/plugin-notifications-backend'),
      capturePluginDatabase(captured),
      userInfoFromOrganisation,
      authWithActors,
      mockServices.rootLogger.factory({ level: 'warn' }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          backend: { database },
          permission: { enabled: true, privacyOfficers: [PRIVACY_OFFICE] },
          catalog: {
            // Processed once at startup; no reprocessing while measuring.
            processingInterval: { hours: 1 },
          },
          dataProducts: {
            access: { maxDuration: 'P365D' },
            legalBasis: {
              registerId: 'demo',
              activities: processingActivities,
            },
          },
        },
      }),
    ],
  });
  const baseUrl = `http://127.0.0.1:${backend.server.port()}`;
  return {
    baseUrl,
    /** The data-products plugin's knex, migrated. */
    knex: await captured.database.getClient(),
    requests: requestRecorder(backend.server),
    stop: () => backend.stop(),
  };
}

/** Authorization header of a signed-in user. */
export const asUser = ref => ({
  Authorization: mockCredentials.user.header(ref),
});

/** Resolves when the catalog serves every entity of the organisation. */
export async function waitForCatalog(baseUrl, expected, timeoutMs = 600_000) {
  const deadline = Date.now() + timeoutMs;
  const headers = asUser('user:default/user-0000');
  for (;;) {
    const counts = {};
    for (const kind of Object.keys(expected)) {
      const response = await fetch(
        `${baseUrl}/api/catalog/entities/by-query?filter=kind=${kind}&limit=1`,
        { headers },
      );
      counts[kind] = response.ok ? (await response.json()).totalItems : 0;
    }
    if (Object.keys(expected).every(kind => counts[kind] >= expected[kind])) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `The catalog processed only ${JSON.stringify(
          counts,
        )} of ${JSON.stringify(expected)}`,
      );
    }
    await new Promise(r => setTimeout(r, 500));
  }
}
