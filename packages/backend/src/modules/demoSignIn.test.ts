import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/config';
import authPlugin from '@backstage/plugin-auth-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { loadConfigFiles } from '../__testUtils__/loadConfigFiles';
import demoSignIn, { DEMO_USER_HEADER } from './demoSignIn';

jest.setTimeout(60_000);

const olav = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'olav.owner', namespace: 'default' },
  spec: { memberOf: ['team-benefits'] },
};

/**
 * The auth plugin with the demo module, on the given config; only the
 * database is the test's own (an in-memory SQLite).
 */
function startAuthBackend(config: JsonObject) {
  const backend = (config.backend ?? {}) as JsonObject;
  const data = {
    ...config,
    backend: {
      ...backend,
      database: { client: 'better-sqlite3', connection: ':memory:' },
    },
  };
  return startTestBackend({
    features: [
      authPlugin,
      demoSignIn,
      mockServices.rootConfig.factory({ data }),
      catalogServiceMock.factory({ entities: [olav] }),
    ],
  });
}

function signInAsOlav(server: Parameters<typeof request>[0]) {
  return request(server)
    .post('/api/auth/demo/refresh')
    .set(DEMO_USER_HEADER, 'olav.owner')
    .set('X-Requested-With', 'XMLHttpRequest');
}

describe('demo sign-in with the real config files', () => {
  const nodeEnv = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = nodeEnv;
  });

  it('issues a token in development (app-config.yaml alone)', async () => {
    process.env.NODE_ENV = 'development';
    const backend = await startAuthBackend(
      await loadConfigFiles('app-config.yaml'),
    );
    const response = await signInAsOlav(backend.server);
    expect(response.status).toBe(200);
    expect(response.body.backstageIdentity.identity.userEntityRef).toBe(
      'user:default/olav.owner',
    );
    await backend.stop();
  });

  it('has no demo provider with app-config.yaml + app-config.production.yaml under NODE_ENV=production', async () => {
    process.env.NODE_ENV = 'production';
    const config = await loadConfigFiles(
      'app-config.yaml',
      'app-config.production.yaml',
    );
    const backend = await startAuthBackend(config);
    const response = await signInAsOlav(backend.server);
    expect(response.status).toBe(404);
    expect(JSON.stringify(response.body)).not.toMatch(/token/i);
    expect(config).toMatchObject({ auth: { environment: 'production' } });
    expect((config.auth as JsonObject).providers).not.toHaveProperty('demo');
    await backend.stop();
  });

  it.each([
    ['NODE_ENV=production', 'production', 'app-config.yaml'],
    [
      'auth.environment: production',
      'development',
      'app-config.production.yaml',
    ],
  ])(
    'refuses to start when a config still asks for the demo provider under %s',
    async (_case, env, file) => {
      process.env.NODE_ENV = env;
      const config = await loadConfigFiles(file);
      const auth = (config.auth ?? {}) as JsonObject;
      const withDemo = {
        ...config,
        auth: {
          ...auth,
          providers: { ...(auth.providers as JsonObject), demo: {} },
        },
      };
      await expect(startAuthBackend(withDemo)).rejects.toThrow(
        /demo sign-in provider must not run here/,
      );
    },
  );
});
