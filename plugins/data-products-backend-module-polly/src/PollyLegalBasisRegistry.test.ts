import { ConfigReader } from '@backstage/config';
import { InputError, ServiceUnavailableError } from '@backstage/errors';
import type { ProcessingActivity } from '@datamesh-governance/plugin-data-products-common';
import {
  closedPortUrl,
  FakePollyRegister,
  startFakePollyRegister,
} from './__testUtils__/fakePollyRegister';
import {
  PollyLegalBasisRegistry,
  PollyLegalBasisRegistryOptions,
} from './PollyLegalBasisRegistry';

const UI_URL = 'https://polly.example.org';

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

  beforeAll(async () => {
    register = await startFakePollyRegister();
  });

  afterAll(async () => {
    await register.close();
  });

  beforeEach(() => {
    register.requests.length = 0;
  });

  function registryAt(
    mode: string,
    options: Partial<PollyLegalBasisRegistryOptions> = {},
  ) {
    return new PollyLegalBasisRegistry({
      baseUrl: `${register.url}/${mode}`,
      uiUrl: UI_URL,
      ...options,
    });
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

    it('throws InputError when the register rejects the search', async () => {
      const error = await registryAt('bad-request')
        .search('follow-up')
        .catch(e => e);

      expect(InputError.is(error)).toBe(true);
      expect(error.message).toBe(
        `The register of processing activities at ${register.url}/bad-request rejected searching for "follow-up" with 400 Bad Request: Invalid search`,
      );
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
      const error = await registryAt('odd')
        .get('some-id')
        .catch(e => e);

      expect(ServiceUnavailableError.is(error)).toBe(true);
      expect(error.message).toBe(
        `The register of processing activities at ${register.url}/odd answered with something other than JSON while reading process "some-id"`,
      );
    });

    it('throws a clear error when the register refuses this backend', async () => {
      const error = await registryAt('forbidden')
        .get('some-id')
        .catch(e => e);

      expect(ServiceUnavailableError.is(error)).toBe(true);
      expect(error.message).toBe(
        `The register of processing activities at ${register.url}/forbidden answered 403 Forbidden while reading process "some-id": Forbidden (check dataProducts.legalBasis.polly.baseUrl and whether the register lets this backend read it)`,
      );
    });
  });

  describe('when the register is unavailable', () => {
    it('gives up after the timeout', async () => {
      const registry = registryAt('hang', { timeoutMs: 200 });
      const started = Date.now();

      const error = await registry.search('follow-up').catch(e => e);

      expect(ServiceUnavailableError.is(error)).toBe(true);
      expect(error.message).toBe(
        `The register of processing activities at ${register.url}/hang did not answer within 200 ms while searching for "follow-up"`,
      );
      expect(Date.now() - started).toBeLessThan(2000);
      await expect(registry.get('some-id')).rejects.toThrow(
        /did not answer within 200 ms while reading process "some-id"/,
      );
    });

    it.each([
      ['search', (r: PollyLegalBasisRegistry) => r.search('follow-up')],
      ['get', (r: PollyLegalBasisRegistry) => r.get('some-id')],
    ])('throws ServiceUnavailableError on 5xx (%s)', async (_, call) => {
      const error = await call(registryAt('down')).catch(e => e);

      expect(ServiceUnavailableError.is(error)).toBe(true);
      expect(error.message).toMatch(
        new RegExp(
          `^The register of processing activities at ${register.url}/down answered 503 Service Unavailable while .+: Down for maintenance$`,
        ),
      );
    });

    it('throws ServiceUnavailableError when nothing listens', async () => {
      const baseUrl = await closedPortUrl();
      const registry = new PollyLegalBasisRegistry({ baseUrl });

      const error = await registry.search('follow-up').catch(e => e);

      expect(ServiceUnavailableError.is(error)).toBe(true);
      expect(error.message).toMatch(
        `The register of processing activities at ${baseUrl} could not be reached while searching for "follow-up": `,
      );
      expect(error.message).toMatch(/ECONNREFUSED/);
      await expect(registry.get('some-id')).rejects.toThrow(
        ServiceUnavailableError,
      );
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
      );

      expect(registry.id).toBe('polly');
      const [activity] = await registry.search('B123');
      // Without uiUrl, links point at the base URL.
      expect(activity.link).toBe(
        `${register.url}/api/process/purpose/FOLLOW_UP/${followUp.id}`,
      );
    });

    it('reads every option', async () => {
      const registry = PollyLegalBasisRegistry.fromConfig(
        new ConfigReader({
          dataProducts: {
            legalBasis: {
              polly: {
                baseUrl: `${register.url}/hang`,
                uiUrl: 'https://behandlingskatalog.example.org/',
                timeout: 100,
                registerId: 'behandlingskatalog',
              },
            },
          },
        }),
      );

      expect(registry.id).toBe('behandlingskatalog');
      await expect(registry.search('follow-up')).rejects.toThrow(
        /did not answer within 100 ms/,
      );

      const answering = PollyLegalBasisRegistry.fromConfig(
        new ConfigReader({
          dataProducts: {
            legalBasis: {
              polly: {
                baseUrl: `${register.url}/api`,
                uiUrl: 'https://behandlingskatalog.example.org/',
                registerId: 'behandlingskatalog',
              },
            },
          },
        }),
      );
      await expect(answering.get(followUp.id)).resolves.toMatchObject({
        registerId: 'behandlingskatalog',
        link: `https://behandlingskatalog.example.org/process/purpose/FOLLOW_UP/${followUp.id}`,
      });
    });

    it('requires baseUrl', () => {
      expect(() =>
        PollyLegalBasisRegistry.fromConfig(
          new ConfigReader({ dataProducts: { legalBasis: { polly: {} } } }),
        ),
      ).toThrow(/dataProducts\.legalBasis\.polly\.baseUrl/);
    });

    it('rejects a base URL that is not http(s) and a timeout that is not positive', () => {
      expect(
        () => new PollyLegalBasisRegistry({ baseUrl: 'polly.example.org' }),
      ).toThrow(/must be an http\(s\) URL, got "polly.example.org"/);
      expect(
        () =>
          new PollyLegalBasisRegistry({ baseUrl: 'ftp://polly.example.org' }),
      ).toThrow(/must be an http\(s\) URL/);
      expect(
        () =>
          new PollyLegalBasisRegistry({
            baseUrl: 'https://polly.example.org',
            timeoutMs: 0,
          }),
      ).toThrow(/positive number of milliseconds/);
    });
  });
});
