import type {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  AdrIndex,
  PolicyDefinition,
} from '@datamesh-governance/plugin-governance-common';

/** What the actions ask the governance backend, as the person running the template. */
export type GovernanceLookup = {
  /** The policy checks the governance backend has registered. */
  policyChecks(): Promise<PolicyDefinition[]>;
  /** File names of the forum's ADRs, to number a new one after them. */
  forumAdrFileNames(): Promise<string[]>;
  /** Whether a raised problem with this id exists. */
  problemExists(problemId: string): Promise<boolean>;
};

export function createGovernanceLookup(options: {
  discovery: DiscoveryService;
  auth: AuthService;
  credentials: BackstageCredentials;
}): GovernanceLookup {
  const request = async (path: string): Promise<Response> => {
    const { token } = await options.auth.getPluginRequestToken({
      onBehalfOf: options.credentials,
      targetPluginId: 'governance',
    });
    const baseUrl = await options.discovery.getBaseUrl('governance');
    return fetch(`${baseUrl}${path}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
  };
  const get = async <T>(path: string): Promise<T> => {
    const response = await request(path);
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as T;
  };
  return {
    async policyChecks() {
      const { items } = await get<{ items: PolicyDefinition[] }>('/policies');
      // Only the definition: the compliance figures are not the form's business.
      return items.map(({ id, title, description, parameters }) => ({
        id,
        title,
        description,
        ...(parameters && { parameters }),
      }));
    },
    async forumAdrFileNames() {
      const { items } = await get<AdrIndex>('/adrs');
      return items.filter(a => a.trust === 'forum').map(a => a.fileName);
    },
    async problemExists(problemId) {
      const response = await request(
        `/problems/${encodeURIComponent(problemId)}`,
      );
      // 400: not even the shape of a problem id.
      if (response.status === 404 || response.status === 400) return false;
      if (!response.ok) throw await ResponseError.fromResponse(response);
      return true;
    },
  };
}
