import type { LoggerService } from '@backstage/backend-plugin-api';
import { type Config, readDurationFromConfig } from '@backstage/config';
import {
  InputError,
  isError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';
import type { ProcessingActivity } from '@datamesh-governance/plugin-data-products-common';
import type { LegalBasisRegistry } from '@datamesh-governance/plugin-data-products-node';
import { readCapped } from './readCapped';
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
  /** How long to wait for an answer, body included, in milliseconds; defaults to 5000. */
  timeoutMs?: number;
  /** The most bytes of one answer this reads; a longer one is a failure. Defaults to 1 MiB. */
  maxResponseBytes?: number;
  /** Names the register among the backend's registers; defaults to `polly`. */
  registerId?: string;
  /**
   * Where failures are told in detail (the register's own words, network
   * causes, host names). Users only hear that the register is not reachable.
   */
  logger: LoggerService;
};

const CONFIG_KEY = 'dataProducts.legalBasis.polly';
const DEFAULT_TIMEOUT_MS = 5000;
const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;
// Only logged, so a register's error page need not be read to its end.
const MAX_ERROR_BODY_BYTES = 16 * 1024;
const UNAVAILABLE =
  'The register of processing activities is not reachable right now; try again later';
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

/** A failure to log; users get {@link UNAVAILABLE} instead. */
class RegisterFailure extends Error {
  name = 'RegisterFailure';
}

/**
 * `timeout` as a duration (`5s`, `PT5S`, `{ seconds: 5 }`), or as a plain
 * number of milliseconds as the module first read it (also `"5000"`, as an
 * environment variable substitutes it).
 */
function readTimeoutMs(config: Config, key: string): number | undefined {
  if (!config.has(key)) {
    return undefined;
  }
  const value = config.getOptional(key);
  if (typeof value === 'number' || /^\d+$/.test(String(value))) {
    return config.getNumber(key);
  }
  return durationToMilliseconds(readDurationFromConfig(config, { key }));
}

function requirePositive(value: number, what: string, unit: string): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(
      `${what} of the register of processing activities must be a positive number of ${unit}, got ${value}`,
    );
  }
  return value;
}

/**
 * A register of processing activities (GDPR Art. 30) with a Polly-style
 * HTTP API, as NAV's "Behandlingskatalog" has. Its answers are another
 * team's data: read as `unknown`, capped in size and time, and its error
 * texts and host names go to the log, never to users.
 * @public
 */
export class PollyLegalBasisRegistry implements LegalBasisRegistry {
  readonly id: string;
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly maxResponseBytes: number;
  private readonly logger: LoggerService;
  private readonly mapping: ToProcessingActivityOptions;

  /** Reads `dataProducts.legalBasis.polly` from the root config. */
  static fromConfig(
    config: Config,
    deps: { logger: LoggerService },
  ): PollyLegalBasisRegistry {
    return new PollyLegalBasisRegistry({
      baseUrl: config.getString(`${CONFIG_KEY}.baseUrl`),
      uiUrl: config.getOptionalString(`${CONFIG_KEY}.uiUrl`),
      timeoutMs: readTimeoutMs(config, `${CONFIG_KEY}.timeout`),
      maxResponseBytes: config.getOptionalNumber(
        `${CONFIG_KEY}.maxResponseBytes`,
      ),
      registerId: config.getOptionalString(`${CONFIG_KEY}.registerId`),
      logger: deps.logger,
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
    this.timeoutMs = requirePositive(
      options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      'The timeout',
      'milliseconds',
    );
    this.maxResponseBytes = requirePositive(
      options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      'The largest answer',
      'bytes',
    );
    this.logger = options.logger;
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

  /**
   * GETs JSON from the register. Every failure is logged with its detail
   * and thrown as a ServiceUnavailableError that names nothing internal; a
   * 400 (the register refuses the query) is an InputError.
   */
  private async getJson(
    path: string,
    action: string,
    options: { notFound?: 'undefined' } = {},
  ): Promise<unknown> {
    try {
      return await this.fetchJson(path, action, options);
    } catch (error) {
      if (InputError.is(error)) {
        throw error;
      }
      this.logger.warn(
        `The register of processing activities at ${
          this.baseUrl
        } failed while ${action}: ${this.describeFailure(error)}`,
      );
      throw new ServiceUnavailableError(UNAVAILABLE);
    }
  }

  private async fetchJson(
    path: string,
    action: string,
    options: { notFound?: 'undefined' },
  ): Promise<unknown> {
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
      const { text } = await readCapped(response, MAX_ERROR_BODY_BYTES);
      const detail = describeErrorBody(text);
      if (response.status === 400) {
        this.logger.info(
          `The register of processing activities at ${this.baseUrl} rejected ${action} with ${status}${detail}`,
        );
        throw new InputError(
          `The register of processing activities does not accept ${action}`,
        );
      }
      // 5xx and 429 mean "try later"; other 4xx mean this backend cannot
      // use the register as configured. Either way the user cannot fix it.
      const hint =
        response.status >= 500 || response.status === 429
          ? ''
          : ` (check ${CONFIG_KEY}.baseUrl and whether the register lets this backend read it)`;
      throw new RegisterFailure(`answered ${status}${detail}${hint}`);
    }
    const { text, complete } = await readCapped(
      response,
      this.maxResponseBytes,
    );
    if (!complete) {
      throw new RegisterFailure(
        `answered with more than ${this.maxResponseBytes} bytes (${CONFIG_KEY}.maxResponseBytes)`,
      );
    }
    try {
      return JSON.parse(text);
    } catch {
      throw new RegisterFailure('answered with something other than JSON');
    }
  }

  private describeFailure(error: unknown): string {
    if (error instanceof RegisterFailure) {
      return error.message;
    }
    // AbortSignal.timeout rejects with a DOMException named TimeoutError.
    // Checked by shape: DOMException and fetch's TypeError may come from
    // another realm than this module's Error (as under jest).
    if (isError(error) && error.name === 'TimeoutError') {
      return `did not answer within ${this.timeoutMs} ms`;
    }
    return `could not be reached: ${networkReason(error)}`;
  }
}
