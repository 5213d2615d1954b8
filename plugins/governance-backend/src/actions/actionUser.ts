import {
  AuthService,
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';

/**
 * The person an assistant acts for, from the action's credentials only: a
 * service calling on its own behalf is refused, so that what an assistant
 * reads is what that person may see.
 */
export function actionUser(
  auth: AuthService,
  credentials: BackstageCredentials,
): BackstageCredentials<BackstageUserPrincipal> {
  if (!auth.isPrincipal(credentials, 'user')) {
    throw new NotAllowedError(
      'This action acts for a signed-in person; call it with a user token, not a service token',
    );
  }
  return credentials;
}
