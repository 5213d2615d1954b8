import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  authProvidersExtensionPoint,
  createProxyAuthenticator,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';
import { demoSignInRefusal } from './demoSignInGuard';

/** The header the demo sign-in page sends with the chosen user's name. */
export const DEMO_USER_HEADER = 'x-demo-user';

const demoAuthenticator = createProxyAuthenticator({
  defaultProfileTransform: async (_result: { userName: string }) => ({
    profile: {},
  }),
  // The environment is checked once, at backend start (see below): the
  // provider's own config block cannot tell development from production.
  initialize: () => undefined,
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
 * Configure `auth.providers.demo: {}` to enable it (app-config.yaml does).
 * Where the process is not a development or test one, or the root
 * `auth.environment` is `production`, the provider is never registered, and
 * a config that still asks for it stops the backend from starting.
 */
export default createBackendModule({
  pluginId: 'auth',
  moduleId: 'demo-sign-in',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ providers, config }) {
        const refusal = demoSignInRefusal({
          authEnvironment: config.getOptionalString('auth.environment'),
          nodeEnv: process.env.NODE_ENV,
        });
        if (refusal) {
          if (config.has('auth.providers.demo')) {
            throw new Error(
              `The demo sign-in provider must not run here (${refusal}): remove auth.providers.demo from the config and sign in with a real provider`,
            );
          }
          return;
        }
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
