import type { Config } from '@backstage/config';
import {
  InputError,
  isError,
  ServiceUnavailableError,
} from '@backstage/errors';
import type { ProcessingActivity } from '@datamesh-governance/plugin-data-products-common';
import type { LegalBasisRegistry } from '@datamesh-governance/plugin-data-products-node';
import {
  toProcessingActivity,
  ToProcessingActivityOptions,
} from './toProcessingActivity';

/** @public */
export type PollyLegalBasisRegistryOptions = {
  /** Where the register's HTTP API lives, e.g. `https://polly.example.org/api`. */
  baseUrl: string;
  /** Where people read processes in the register's UI; defaults to `baseUrl`. */
  uiUrl?: string;
  /** How long to wait for an answer, in milliseconds; defaults to 5000. */
  timeoutMs?: number;
  /** Names the register among the backend's registers; defaults to `polly`. */
  registerId?: string;
};

const CONFIG_KEY = 'dataProducts.legalBasis.polly';
const DEFAULT_TIMEOUT_MS = 5000;
const DEFAULT_REGISTER_ID = 'polly';
// The register answers 400 to search texts shorter than this.
const MIN_SEARCH_LENGTH = 3;

/**
 * What to send to the register for a query, or undefined when the register
 * would reject it as too short. Numbers are sent without their "B" ("B123"
 * and "123" find the same process); a two-digit number keeps the "B" so the
 * register accepts it ("12" and "B12" are sent as "B12").
 */
function toSearchText(query: string): string | undefined {
  const trimmed = query.trim();
  const number = /^b?(\d+)$/i.exec(trimmed);
  if (number) {
    const digits = number[1];
    if (digits.length >= MIN_SEARCH_LENGTH) {
      return digits;
    }
    const prefixed = `B${digits}`;
    return prefixed.length >= MIN_SEARCH_LENGTH ? prefixed : undefined;
  }
  return trimmed.length >= MIN_SEARCH_LENGTH ? trimmed : undefined;
}

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function requireHttpUrl(url: string, what: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`${what} must be an http(s) URL, got "${url}"`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`${what} must be an http(s) URL, got "${url}"`);
  }
  return withoutTrailingSlash(url);
}

/** The register's own words about a rejected request, kept short. */
function describeErrorBody(body: string): string {
  let message = body.trim();
  try {
    const parsed = JSON.parse(body);
    if (typeof parsed?.message === 'string') {
      message = parsed.message;
    }
  } catch {
    // Not JSON: keep the text as it is.
  }
  return message ? `: ${message.slice(0, 200)}` : '';
}

/**
 * Why fetch failed. fetch itself says only "fetch failed"; the reason
 * (ECONNREFUSED, DNS, TLS) is in its cause, which is an AggregateError
 * without a message when several addresses were tried.
 */
function networkReason(error: unknown): string {
  const { cause, message } = (error ?? {}) as {
    cause?: { message?: unknown; code?: unknown; errors?: unknown };
    message?: unknown;
  };
  const candidates = [
    cause?.message,
    cause?.code,
    Array.isArray(cause?.errors) ? cause.errors[0]?.message : undefined,
    message,
  ];
  const reason = candidates.find(c => typeof c === 'string' && c.length > 0);
  return typeof reason === 'string' ? reason : String(error);
}

/**
 * A register of processing activities (GDPR Art. 30) with a Polly-style
 * HTTP API, as NAV's "Behandlingskatalog" has.
 * @public
 */
export class PollyLegalBasisRegistry implements LegalBasisRegistry {
  readonly id: string;
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly mapping: ToProcessingActivityOptions;

  /** Reads `dataProducts.legalBasis.polly` from the root config. */
  static fromConfig(config: Config): PollyLegalBasisRegistry {
    return new PollyLegalBasisRegistry({
      baseUrl: config.getString(`${CONFIG_KEY}.baseUrl`),
      uiUrl: config.getOptionalString(`${CONFIG_KEY}.uiUrl`),
      timeoutMs: config.getOptionalNumber(`${CONFIG_KEY}.timeout`),
      registerId: config.getOptionalString(`${CONFIG_KEY}.registerId`),
    });
  }

  constructor(options: PollyLegalBasisRegistryOptions) {
    this.baseUrl = requireHttpUrl(
      options.baseUrl,
      'The base URL of the register of processing activities',
    );
    const uiUrl = requireHttpUrl(
      options.uiUrl ?? options.baseUrl,
      'The UI URL of the register of processing activities',
    );
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
      throw new Error(
        `The timeout of the register of processing activities must be a positive number of milliseconds, got ${timeoutMs}`,
      );
    }
    this.timeoutMs = timeoutMs;
    this.id = options.registerId ?? DEFAULT_REGISTER_ID;
    this.mapping = { registerId: this.id, uiUrl };
  }

  async search(query: string): Promise<ProcessingActivity[]> {
    const searchText = toSearchText(query);
    if (!searchText) {
      // Typing has only begun; asking would only earn a 400.
      return [];
    }
    const page = await this.getJson(
      `/process/search/${encodeURIComponent(searchText)}?includePurpose=true`,
      `searching for "${searchText}"`,
    );
    const content =
      typeof page === 'object' && page !== null
        ? (page as { content?: unknown }).content
        : undefined;
    if (!Array.isArray(content)) {
      return [];
    }
    // A process can match by name and by purpose at once; show it once.
    const byId = new Map<string, ProcessingActivity>();
    for (const process of content) {
      const activity = toProcessingActivity(process, this.mapping);
      if (activity && !byId.has(activity.id)) {
        byId.set(activity.id, activity);
      }
    }
    return [...byId.values()];
  }

  async get(activityId: string): Promise<ProcessingActivity | undefined> {
    const id = activityId.trim();
    // encodeURIComponent leaves "." and "..", which the URL parser would
    // resolve to another path of the register.
    if (!id || id === '.' || id === '..') {
      return undefined;
    }
    const process = await this.getJson(
      `/process/${encodeURIComponent(id)}`,
      `reading process "${id}"`,
      { notFound: 'undefined' },
    );
    return process === undefined
      ? undefined
      : toProcessingActivity(process, this.mapping);
  }

  private async getJson(
    path: string,
    action: string,
    options: { notFound?: 'undefined' } = {},
  ): Promise<unknown> {
    const register = `The register of processing activities at ${this.baseUrl}`;
    try {
      const response = await fetch(`${this.baseUrl}${path}`, {
        headers: { accept: 'application/json' },
        // Covers the body too: a register that stalls mid-answer also times out.
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      if (response.status === 404 && options.notFound === 'undefined') {
        await response.body?.cancel();
        return undefined;
      }
      if (!response.ok) {
        const status = `${response.status} ${response.statusText}`.trim();
        const detail = describeErrorBody(await response.text());
        if (response.status === 400) {
          throw new InputError(
            `${register} rejected ${action} with ${status}${detail}`,
          );
        }
        // 5xx and 429 mean "try later"; other 4xx mean this backend cannot
        // use the register as configured. Either way the user cannot fix it.
        const hint =
          response.status >= 500 || response.status === 429
            ? ''
            : ` (check ${CONFIG_KEY}.baseUrl and whether the register lets this backend read it)`;
        throw new ServiceUnavailableError(
          `${register} answered ${status} while ${action}${detail}${hint}`,
        );
      }
      const body = await response.text();
      try {
        return JSON.parse(body);
      } catch {
        throw new ServiceUnavailableError(
          `${register} answered with something other than JSON while ${action}`,
        );
      }
    } catch (error) {
      if (InputError.is(error) || ServiceUnavailableError.is(error)) {
        throw error;
      }
      // AbortSignal.timeout rejects with a DOMException named TimeoutError.
      // Checked by shape: DOMException and fetch's TypeError may come from
      // another realm than this module's Error (as under jest).
      if (isError(error) && error.name === 'TimeoutError') {
        throw new ServiceUnavailableError(
          `${register} did not answer within ${this.timeoutMs} ms while ${action}`,
        );
      }
      throw new ServiceUnavailableError(
        `${register} could not be reached while ${action}: ${networkReason(
          error,
        )}`,
      );
    }
  }
}
