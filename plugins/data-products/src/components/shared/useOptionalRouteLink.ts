import { RouteRef, useRouteRef } from '@backstage/core-plugin-api';

/**
 * The path of a page of this plugin, or undefined when the app has not
 * mounted it (a legacy app may leave a page out).
 */
export function useOptionalRouteLink(routeRef: RouteRef): string | undefined {
  try {
    // Always called, so the hook order stays the same; it throws when unmounted.
    // eslint-disable-next-line react-hooks/rules-of-hooks
    return useRouteRef(routeRef)?.();
  } catch {
    return undefined;
  }
}
