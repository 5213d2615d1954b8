import {
  AuthService,
  BackstageCredentials,
  BackstageUserPrincipal,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { Viewer } from '../database/AccessRequestStore';
import { viewerOf } from '../router/context';

/**
 * The person an assistant acts for, from the action's credentials only.
 * A service calling on its own behalf is refused: these actions read and
 * file requests as someone, and a service is no one.
 */
export async function actionUser(
  deps: { auth: AuthService; userInfo: UserInfoService },
  credentials: BackstageCredentials,
): Promise<{
  credentials: BackstageCredentials<BackstageUserPrincipal>;
  viewer: Viewer;
}> {
  if (!deps.auth.isPrincipal(credentials, 'user')) {
    throw new NotAllowedError(
      'This action acts for a signed-in person; call it with a user token, not a service token',
    );
  }
  return { credentials, viewer: await viewerOf(deps.userInfo, credentials) };
}
