import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  DocumentCollatorFactory,
  IndexableDocument,
} from '@backstage/plugin-search-common';
import {
  AdrStatus,
  AdrTrust,
  GOVERNANCE_ADR_SEARCH_TYPE,
  GovernanceApiClient,
  TypedResponse,
} from '@datamesh-governance/plugin-governance-common';
import { Readable } from 'node:stream';
import { markdownToPlainText } from './plainText';

/**
 * An ADR in the search index. `location` is the ADR's page in the portal.
 * @public
 */
export interface AdrDocument extends IndexableDocument {
  adrId: string;
  status: AdrStatus;
  /** Ids of the policies the ADR introduces. */
  policies: string[];
  sourceId: string;
  /** `team` for a team's own decision (never policy); `forum` for the forum's. */
  trust: AdrTrust;
  date?: string;
  deciders: string[];
}

/**
 * Reads the ADRs from the governance backend with its OpenAPI client, as the
 * search plugin and with a service token, and yields one document per ADR,
 * of type `governance-adr`.
 * @public
 */
export class AdrCollatorFactory implements DocumentCollatorFactory {
  readonly type = GOVERNANCE_ADR_SEARCH_TYPE;
  private readonly client: GovernanceApiClient;

  constructor(
    private readonly options: {
      discovery: DiscoveryService;
      auth: AuthService;
      logger: LoggerService;
    },
  ) {
    this.client = new GovernanceApiClient({
      discoveryApi: options.discovery,
      fetchApi: { fetch },
    });
  }

  async getCollator(): Promise<Readable> {
    return Readable.from(this.documents());
  }

  private async *documents(): AsyncGenerator<AdrDocument> {
    const index = await bodyOf(
      await this.client.listAdrs({}, await this.tokenOptions()),
    );
    for (const source of index.sources.filter(s => !s.ok)) {
      this.options.logger.warn(
        `ADR source ${source.id} could not be read (${source.error}); indexing what it gave last`,
      );
    }
    for (const item of index.items) {
      const adr = await bodyOf(
        await this.client.getAdr(
          { path: { adrId: item.id } },
          await this.tokenOptions(),
        ),
      );
      yield {
        title: adr.title,
        // Plain text: search snippets show what a reader sees, not Markdown.
        text: markdownToPlainText(adr.markdown, { title: adr.title }),
        location: `/governance/adrs/${encodeURIComponent(adr.id)}`,
        adrId: adr.id,
        status: adr.status,
        policies: adr.policies.map(p => p.id),
        sourceId: adr.sourceId,
        trust: adr.trust,
        deciders: adr.deciders,
        ...(adr.date && { date: adr.date }),
      };
    }
  }

  private async tokenOptions() {
    const { auth } = this.options;
    return auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'governance',
    });
  }
}

async function bodyOf<T>(response: TypedResponse<T>): Promise<T> {
  if (!response.ok) {
    throw await ResponseError.fromResponse(response as Response);
  }
  return response.json();
}
