import { createBackendModule } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  authProvidersExtensionPoint,
  createProxyAuthenticator,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';

/** The header the demo sign-in page sends with the chosen user's name. */
export const DEMO_USER_HEADER = 'x-demo-user';

const demoAuthenticator = createProxyAuthenticator({
  defaultProfileTransform: async (_result: { userName: string }) => ({
    profile: {},
  }),
  initialize({ config }) {
    // Anyone can pick any user here: refuse to run outside development.
    if (config.getOptionalString('auth.environment') === 'production') {
      throw new Error('The demo sign-in provider must not run in production');
    }
    return undefined;
  },
  async authenticate({ req }) {
    const userName = req.header(DEMO_USER_HEADER);
    if (!userName || !/^[a-z0-9._-]+$/i.test(userName)) {
      throw new NotAllowedError(
        `Pick a demo user: send the ${DEMO_USER_HEADER} header`,
      );
    }
    return { result: { userName } };
  },
});

/**
 * Development-only sign-in as any User of the demo organisation, so that a
 * person can walk the consumer, owner, platform and legal journeys locally.
 * Configure `auth.providers.demo: {}` to enable it; production uses a real
 * provider instead.
 */
export default createBackendModule({
  pluginId: 'auth',
  moduleId: 'demo-sign-in',
  register(reg) {
    reg.registerInit({
      deps: { providers: authProvidersExtensionPoint },
      async init({ providers }) {
        providers.registerProvider({
          providerId: 'demo',
          factory: createProxyAuthProviderFactory({
            authenticator: demoAuthenticator,
            async signInResolver({ result }, ctx) {
              return ctx.signInWithCatalogUser({
                entityRef: { kind: 'User', name: result.userName },
              });
            },
          }),
        });
      },
    });
  },
});
