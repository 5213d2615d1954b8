import { ConfigReader } from '@backstage/config';
import { InputError, ServiceUnavailableError } from '@backstage/errors';
import type { ProcessingActivity } from '@datamesh-governance/plugin-data-products-common';
import {
  closedPortUrl,
  FakePollyRegister,
  startFakePollyRegister,
} from './__testUtils__/fakePollyRegister';
import { recordingLogger } from './__testUtils__/recordingLogger';
import {
  PollyLegalBasisRegistry,
  PollyLegalBasisRegistryOptions,
} from './PollyLegalBasisRegistry';

const UI_URL = 'https://polly.example.org';
const UNAVAILABLE =
  'The register of processing activities is not reachable right now; try again later';

const followUp: ProcessingActivity = {
  registerId: 'polly',
  id: '3f1c2a9e-6b7d-4c1e-9a55-1f7d2c0e8b11',
  number: 'B123',
  name: 'Follow-up of young unemployed people',
  purposes: ['Follow-up'],
  art6Basis: 'ART61E',
  nationalLaw: 'LABOUR_MARKET_ACT § 14',
  status: 'COMPLETED',
  validFrom: '2021-01-01',
  validTo: '2030-12-31',
  link: `${UI_URL}/process/purpose/FOLLOW_UP/3f1c2a9e-6b7d-4c1e-9a55-1f7d2c0e8b11`,
};

const sickLeave: ProcessingActivity = {
  registerId: 'polly',
  id: '9b2e4d10-2c3a-4f8e-8d21-6a0b5c7e9f02',
  number: 'B230',
  name: 'Sick-leave follow-up statistics',
  purposes: ['Sick leave'],
  art6Basis: 'ART61E',
  nationalLaw: 'NATIONAL_INSURANCE_ACT § 8-7',
  art9Basis: 'ART92H',
  art9Description: 'NATIONAL_INSURANCE_ACT health data for follow-up',
  status: 'COMPLETED',
  validFrom: '2019-06-01',
  validTo: '2027-06-30',
  link: `${UI_URL}/process/purpose/SICK_LEAVE/9b2e4d10-2c3a-4f8e-8d21-6a0b5c7e9f02`,
};

const communication: ProcessingActivity = {
  registerId: 'polly',
  id: 'c71a3e55-9d4b-4b0f-a1e3-2f6d8b9c4a77',
  number: 'B311',
  name: 'Improving communication about benefits',
  purposes: ['Communication'],
  art6Basis: 'ART61E',
  nationalLaw: 'PUBLIC_ADMINISTRATION_ACT § 11 duty to inform',
  status: 'IN_PROGRESS',
  validFrom: '2026-01-01',
  validTo: undefined,
  link: `${UI_URL}/process/purpose/COMMUNICATION/c71a3e55-9d4b-4b0f-a1e3-2f6d8b9c4a77`,
};

describe('PollyLegalBasisRegistry', () => {
  let register: FakePollyRegister;
  let logger: ReturnType<typeof recordingLogger>;

  beforeAll(async () => {
    register = await startFakePollyRegister();
  });

  afterAll(async () => {
    await register.close();
  });

  beforeEach(() => {
    register.requests.length = 0;
    register.streamed.bytes = 0;
    register.streamed.closed = 0;
    logger = recordingLogger();
  });

  function registryAt(
    mode: string,
    options: Partial<PollyLegalBasisRegistryOptions> = {},
  ) {
    return new PollyLegalBasisRegistry({
      baseUrl: `${register.url}/${mode}`,
      uiUrl: UI_URL,
      logger,
      ...options,
    });
  }

  /**
   * Expects the generic 503 and one log line; answers the line, which says
   * what really happened.
   */
  async function loggedFailure(call: Promise<unknown>): Promise<string> {
    const error = (await call.catch(e => e)) as Error;
    expect(ServiceUnavailableError.is(error)).toBe(true);
    expect(error.message).toBe(UNAVAILABLE);
    expect(logger.lines).toHaveLength(1);
    return logger.lines[0];
  }

  /** Waits up to 2 s for the fake register to see something happen. */
  async function waitFor(condition: () => boolean) {
    for (let i = 0; i < 100 && !condition(); i++) {
      await new Promise(resolve => setTimeout(resolve, 20));
    }
    expect(condition()).toBe(true);
  }

  describe('search', () => {
    it('finds activities by words in their name and maps every field', async () => {
      const registry = registryAt('api');

      await expect(registry.search('follow-up')).resolves.toEqual([
        followUp,
        sickLeave,
      ]);
      expect(register.requests).toEqual([
        '/api/process/search/follow-up?includePurpose=true',
      ]);
    });

    it('encodes the search text as one path segment', async () => {
      const registry = registryAt('api');

      await expect(registry.search('  young unemployed ')).resolves.toEqual([
        followUp,
      ]);
      await expect(registry.search('a/b?c')).resolves.toEqual([]);
      expect(register.requests).toEqual([
        '/api/process/search/young%20unemployed?includePurpose=true',
        '/api/process/search/a%2Fb%3Fc?includePurpose=true',
      ]);
    });

    it('finds activities by purpose', async () => {
      await expect(registryAt('api').search('Communication')).resolves.toEqual([
        communication,
      ]);
    });

    it.each(['123', 'B123', 'b123', ' B123 '])(
      'finds an activity by its number %p',
      async query => {
        await expect(registryAt('api').search(query)).resolves.toEqual([
          followUp,
        ]);
        expect(register.requests).toEqual([
          '/api/process/search/123?includePurpose=true',
        ]);
      },
    );

    it('sends two-digit numbers with their B so the register accepts them', async () => {
      await expect(registryAt('api').search('12')).resolves.toEqual([]);
      await expect(registryAt('api').search('b12')).resolves.toEqual([]);
      expect(register.requests).toEqual([
        '/api/process/search/B12?includePurpose=true',
        '/api/process/search/B12?includePurpose=true',
      ]);
    });

    it.each(['', '   ', 'ab', ' a ', '7', 'B1'])(
      'answers [] to the too short query %p without asking the register',
      async query => {
        await expect(registryAt('api').search(query)).resolves.toEqual([]);
        expect(register.requests).toEqual([]);
      },
    );

    it('skips entries without id or name and lists each activity once', async () => {
      const activities = await registryAt('odd').search('anything');

      expect(activities.map(a => a.id)).toEqual([followUp.id, '7']);
      expect(activities[1]).toEqual({
        registerId: 'polly',
        id: '7',
        number: '',
        name: 'Minimal',
        purposes: [],
        status: 'UNKNOWN',
      });
    });

    it('answers [] when the register answers something other than a page', async () => {
      await expect(registryAt('odd').search('no-content')).resolves.toEqual([]);
    });

    it('throws InputError when the register rejects the search, and logs its words', async () => {
      const error = await registryAt('bad-request')
        .search('follow-up')
        .catch(e => e);

      expect(InputError.is(error)).toBe(true);
      expect(error.message).toBe(
        'The register of processing activities does not accept searching for "follow-up"',
      );
      expect(logger.lines).toEqual([
        `info: The register of processing activities at ${register.url}/bad-request rejected searching for "follow-up" with 400 Bad Request: Invalid search`,
      ]);
    });
  });

  describe('get', () => {
    it('reads one activity with all its fields', async () => {
      await expect(
        registryAt('api').get('3f1c2a9e-6b7d-4c1e-9a55-1f7d2c0e8b11'),
      ).resolves.toEqual({
        registerId: 'polly',
        id: '3f1c2a9e-6b7d-4c1e-9a55-1f7d2c0e8b11',
        number: 'B123',
        name: 'Follow-up of young unemployed people',
        description:
          'Measure the effect of follow-up measures on youth unemployment to prevent social exclusion.',
        purposes: ['Follow-up'],
        art6Basis: 'ART61E',
        art6Description: 'Art. 6(1)(e) public task',
        nationalLaw: 'Labour Market Act § 14 follow-up of job seekers',
        status: 'COMPLETED',
        validFrom: '2021-01-01',
        validTo: '2030-12-31',
        link: `${UI_URL}/process/purpose/FOLLOW_UP/3f1c2a9e-6b7d-4c1e-9a55-1f7d2c0e8b11`,
      });
      expect(register.requests).toEqual([
        '/api/process/3f1c2a9e-6b7d-4c1e-9a55-1f7d2c0e8b11',
      ]);
    });

    it('reads the Art. 9 basis of an activity with special categories', async () => {
      await expect(registryAt('api').get(sickLeave.id)).resolves.toEqual(
        sickLeave,
      );
    });

    it('answers undefined for an activity the register does not know', async () => {
      const registry = registryAt('api');

      await expect(registry.get('unknown-id')).resolves.toBeUndefined();
      await expect(registry.get('a/../b')).resolves.toBeUndefined();
      expect(register.requests).toEqual([
        '/api/process/unknown-id',
        '/api/process/a%2F..%2Fb',
      ]);
    });

    it.each(['', '  ', '.', '..'])(
      'answers undefined for the id %p without asking the register',
      async id => {
        await expect(registryAt('api').get(id)).resolves.toBeUndefined();
        expect(register.requests).toEqual([]);
      },
    );

    it('throws ServiceUnavailableError when the answer is not JSON', async () => {
      expect(await loggedFailure(registryAt('odd').get('some-id'))).toMatch(
        /^warn: .* at http:\/\/127\.0\.0\.1:\d+\/odd failed while reading process "some-id": answered with something other than JSON$/,
      );
    });

    it('logs what to check when the register refuses this backend', async () => {
      expect(
        await loggedFailure(registryAt('forbidden').get('some-id')),
      ).toMatch(
        /failed while reading process "some-id": answered 403 Forbidden: Forbidden \(check dataProducts\.legalBasis\.polly\.baseUrl and whether the register lets this backend read it\)$/,
      );
    });
  });

  describe('when the register is unavailable', () => {
    it('gives up after the timeout', async () => {
      const registry = registryAt('hang', { timeoutMs: 200 });
      const started = Date.now();

      expect(await loggedFailure(registry.search('follow-up'))).toMatch(
        /hang failed while searching for "follow-up": did not answer within 200 ms$/,
      );
      expect(Date.now() - started).toBeLessThan(2000);
    });

    it.each([
      ['search', (r: PollyLegalBasisRegistry) => r.search('follow-up')],
      ['get', (r: PollyLegalBasisRegistry) => r.get('some-id')],
    ])(
      'tells users only that it is unavailable on 5xx (%s)',
      async (_, call) => {
        expect(await loggedFailure(call(registryAt('down')))).toMatch(
          /down failed while .+: answered 503 Service Unavailable: Down for maintenance$/,
        );
      },
    );

    it('keeps network causes and host names out of the message when nothing listens', async () => {
      const baseUrl = await closedPortUrl();
      const registry = new PollyLegalBasisRegistry({ baseUrl, logger });

      expect(await loggedFailure(registry.search('follow-up'))).toMatch(
        /^warn: The register of processing activities at http:\/\/127\.0\.0\.1:\d+ failed while searching for "follow-up": could not be reached: .*ECONNREFUSED/,
      );
    });
  });

  describe('answers that are too large', () => {
    it('refuses a declared 64 MiB answer without reading it', async () => {
      const started = Date.now();
      expect(
        await loggedFailure(registryAt('huge').search('follow-up')),
      ).toMatch(
        /huge failed while searching for "follow-up": answered with more than 1048576 bytes \(dataProducts\.legalBasis\.polly\.maxResponseBytes\)$/,
      );
      expect(Date.now() - started).toBeLessThan(2000);
      await waitFor(() => register.streamed.closed === 1);
      // Socket buffers hold a few MiB at most; far from the whole answer.
      expect(register.streamed.bytes).toBeLessThan(16 * 1024 * 1024);
    });

    it('stops reading an endless chunked answer at the cap', async () => {
      expect(
        await loggedFailure(
          registryAt('endless', { maxResponseBytes: 256 * 1024 }).get('x'),
        ),
      ).toMatch(
        /endless failed while reading process "x": answered with more than 262144 bytes/,
      );
      await waitFor(() => register.streamed.closed === 1);
      expect(register.streamed.bytes).toBeLessThan(16 * 1024 * 1024);
    });

    it('reads an answer up to the cap, and not one byte over', async () => {
      const answer = await registryAt('api').search('follow-up');
      expect(answer).toHaveLength(2);
      const size = Buffer.byteLength(
        await (
          await fetch(
            `${register.url}/api/process/search/follow-up?includePurpose=true`,
          )
        ).text(),
      );

      await expect(
        registryAt('api', { maxResponseBytes: size }).search('follow-up'),
      ).resolves.toHaveLength(2);
      expect(
        await loggedFailure(
          registryAt('api', { maxResponseBytes: size - 1 }).search('follow-up'),
        ),
      ).toMatch(new RegExp(`answered with more than ${size - 1} bytes`));
    });
  });

  describe('fromConfig', () => {
    it('reads the register from config with defaults', async () => {
      const registry = PollyLegalBasisRegistry.fromConfig(
        new ConfigReader({
          dataProducts: {
            legalBasis: { polly: { baseUrl: `${register.url}/api/` } },
          },
        }),
        { logger },
      );

      expect(registry.id).toBe('polly');
      const [activity] = await registry.search('B123');
      // Without uiUrl, links point at the base URL.
      expect(activity.link).toBe(
        `${register.url}/api/process/purpose/FOLLOW_UP/${followUp.id}`,
      );
    });

    const pollyConfig = (polly: object) =>
      new ConfigReader({ dataProducts: { legalBasis: { polly } } });

    it('reads every option', async () => {
      const registry = PollyLegalBasisRegistry.fromConfig(
        pollyConfig({
          baseUrl: `${register.url}/api`,
          uiUrl: 'https://behandlingskatalog.example.org/',
          timeout: '2s',
          maxResponseBytes: 100,
          registerId: 'behandlingskatalog',
        }),
        { logger },
      );

      expect(registry.id).toBe('behandlingskatalog');
      expect(await loggedFailure(registry.get(followUp.id))).toMatch(
        /answered with more than 100 bytes/,
      );

      const answering = PollyLegalBasisRegistry.fromConfig(
        pollyConfig({
          baseUrl: `${register.url}/api`,
          uiUrl: 'https://behandlingskatalog.example.org/',
          registerId: 'behandlingskatalog',
        }),
        { logger },
      );
      await expect(answering.get(followUp.id)).resolves.toMatchObject({
        registerId: 'behandlingskatalog',
        link: `https://behandlingskatalog.example.org/process/purpose/FOLLOW_UP/${followUp.id}`,
      });
    });

    it.each([
      ['a duration string', '150ms'],
      ['an ISO duration', 'PT0.15S'],
      ['a duration object', { milliseconds: 150 }],
      ['a plain number of milliseconds, as before', 150],
      ['milliseconds from an environment variable', '150'],
    ])('reads the timeout as %s', async (_, timeout) => {
      const registry = PollyLegalBasisRegistry.fromConfig(
        pollyConfig({ baseUrl: `${register.url}/hang`, timeout }),
        { logger },
      );

      expect(await loggedFailure(registry.search('follow-up'))).toMatch(
        /did not answer within 150 ms$/,
      );
    });

    it('fails on a timeout that is no duration', () => {
      expect(() =>
        PollyLegalBasisRegistry.fromConfig(
          pollyConfig({ baseUrl: register.url, timeout: 'soon' }),
          { logger },
        ),
      ).toThrow(
        /Invalid duration 'soon' in config at 'dataProducts\.legalBasis\.polly\.timeout'/,
      );
    });

    it('requires baseUrl', () => {
      expect(() =>
        PollyLegalBasisRegistry.fromConfig(pollyConfig({}), { logger }),
      ).toThrow(/dataProducts\.legalBasis\.polly\.baseUrl/);
    });

    it('rejects a base URL that is not http(s), and a timeout or cap that is not positive', () => {
      const baseUrl = 'https://polly.example.org';
      expect(
        () =>
          new PollyLegalBasisRegistry({ baseUrl: 'polly.example.org', logger }),
      ).toThrow(/must be an http\(s\) URL, got "polly.example.org"/);
      expect(
        () =>
          new PollyLegalBasisRegistry({
            baseUrl: 'ftp://polly.example.org',
            logger,
          }),
      ).toThrow(/must be an http\(s\) URL/);
      expect(
        () => new PollyLegalBasisRegistry({ baseUrl, timeoutMs: 0, logger }),
      ).toThrow(/positive number of milliseconds/);
      expect(
        () =>
          new PollyLegalBasisRegistry({
            baseUrl,
            maxResponseBytes: -1,
            logger,
          }),
      ).toThrow(/positive number of bytes/);
    });
  });
});
