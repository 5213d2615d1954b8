import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { GrantLineage, LineagePair } from './GrantLineage';

const PLUGIN_ID = 'data-products';

/**
 * Asks the data-products backend for lineage as the catalog itself, with
 * service credentials: the grants live in that plugin's tables, which no
 * other plugin may read.
 */
export class DataProductsLineageClient implements GrantLineage {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly auth: AuthService,
  ) {}

  async forSubject(subjectRef: string): Promise<LineagePair[] | undefined> {
    const { token } = await this.auth.getPluginRequestToken({
      onBehalfOf: await this.auth.getOwnServiceCredentials(),
      targetPluginId: PLUGIN_ID,
    });
    const base = await this.discovery.getBaseUrl(PLUGIN_ID);
    const response = await fetch(
      `${base}/lineage?entityRef=${encodeURIComponent(subjectRef)}`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    // No such plugin in this backend: there is no lineage to draw.
    if (response.status === 404) return undefined;
    if (!response.ok) throw await ResponseError.fromResponse(response);
    const body = (await response.json()) as { items: LineagePair[] };
    return body.items;
  }
}
