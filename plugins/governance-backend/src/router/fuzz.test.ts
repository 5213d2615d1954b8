import { mockCredentials } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import {
  hostileJsonValue,
  hostileString,
  percentEncode,
  Random,
} from '../__testUtils__/hostileInput';
import { startGovernanceBackend } from '../__testUtils__/startBackend';

jest.setTimeout(180_000);

/** Cases per database; the same sequence runs on each. */
const FUZZ_CASES = 2000;
/** Change it to explore; a failure names the case index to replay. */
const SEED = 20261128;

const databases = createTestDatabases();

const PROPOSED = 'decisions--0008-data-products-publish-a-freshness-sla';
const ACCEPTED =
  'decisions--0005-access-to-personal-data-lasts-at-most-180-days';
const USERS = [
  'user:default/leo.legal',
  'user:default/ada.analyst',
  'user:default/olav.owner',
];

/** Raised in beforeAll: a problem that exists, and one that never will. */
let PROBLEM = '';
const NO_PROBLEM = '00000000-0000-4000-8000-000000000000';

type FuzzCase = {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
};

// ---- path params and query strings -------------------------------------

function adrIdSegment(random: Random): string {
  return random.pick<() => string>([
    () => random.pick([PROPOSED, ACCEPTED, 'decisions--nope']),
    () => percentEncode(hostileString(random)),
    () => random.pick(['%', '%zz', '%E0%A4%A', '%C0%AF', '%FF', '%00']),
    () => random.pick(['..%2F..%2Fetc', '%2e%2e', 'a%2Fb', '.', '..']),
    () => 'a'.repeat(random.pick([255, 256, 4000])),
  ])();
}

function problemIdSegment(random: Random): string {
  return random.pick<() => string>([
    () => PROBLEM,
    () => PROBLEM,
    () => random.pick([NO_PROBLEM, PROBLEM.toUpperCase(), `${PROBLEM}x`]),
    () => percentEncode(hostileString(random)),
    () => random.pick(['%', '%zz', '%00', '..%2F..', 'a'.repeat(4000)]),
  ])();
}

function queryString(random: Random, names: string[]): string {
  const pairs: string[] = [];
  const count = random.int(4);
  for (let i = 0; i < count; i++) {
    const name = random.pick([
      ...names,
      ...names.map(n => `${n}[]`),
      ...names.map(n => `${n}[x]`),
      '__proto__[polluted]',
      'constructor[prototype][polluted]',
      percentEncode(hostileString(random)),
    ]);
    const value = random.pick<() => string>([
      () => random.pick([PROPOSED, 'dataproduct:default/benefit-decisions']),
      () => percentEncode(hostileString(random)),
      () => random.pick(['%', '%zz', '%E0%A4%A', '%00']),
      () => random.pick(['1e309', '-1', '99999999999999999999', 'NaN']),
      () => random.pick(['open', 'closed', '0', '1', '25', '100', '101']),
      () =>
        random.pick([
          'WzEsMiwiMDAwMDAwMDAtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAwIl0',
          'W10',
        ]),
    ])();
    pairs.push(`${name}=${value}`);
  }
  return pairs.length ? `?${pairs.join('&')}` : '';
}

function route(random: Random): { method: string; path: string } {
  const id = adrIdSegment(random);
  const base = '/api/governance';
  return random.pick<() => { method: string; path: string }>([
    () => ({
      method: 'GET',
      path: `${base}/adrs${queryString(random, ['q'])}`,
    }),
    () => ({ method: 'GET', path: `${base}/adrs/${id}` }),
    () => ({
      method: 'GET',
      path: `${base}/adrs/${id}/opinions${queryString(random, ['x'])}`,
    }),
    () => ({ method: 'GET', path: `${base}/adrs/${id}/opinions/history` }),
    () => ({ method: 'GET', path: `${base}/adrs/${id}/status-history` }),
    () => ({ method: 'PUT', path: `${base}/adrs/${id}/opinions/mine` }),
    () => ({ method: 'PUT', path: `${base}/adrs/${PROPOSED}/opinions/mine` }),
    () => ({
      method: 'PUT',
      path: `${base}/adrs/${random.pick([PROPOSED, ACCEPTED])}/opinions/mine`,
    }),
    () => ({
      method: 'GET',
      path: `${base}/policies${queryString(random, ['adrId'])}`,
    }),
    () => ({
      method: 'GET',
      path: `${base}/checks${queryString(random, ['entityRef'])}`,
    }),
    () => ({
      method: 'GET',
      path: `${base}/problems${queryString(random, [
        'status',
        'limit',
        'cursor',
      ])}`,
    }),
    () => ({ method: 'POST', path: `${base}/problems` }),
    () => ({
      method: 'GET',
      path: `${base}/problems/${problemIdSegment(random)}${random.pick([
        '',
        '/history',
      ])}`,
    }),
    () => ({
      method: random.pick(['PUT', 'DELETE']),
      path: `${base}/problems/${problemIdSegment(random)}/${random.pick([
        'support',
        'adr',
      ])}`,
    }),
    () => ({
      method: 'POST',
      path: `${base}/problems/${problemIdSegment(random)}/close`,
    }),
    // Methods no route takes.
    () => ({
      method: random.pick(['POST', 'DELETE', 'PATCH']),
      path: random.pick([
        `${base}/adrs`,
        `${base}/adrs/${id}/opinions/mine`,
        `${base}/policies`,
        `${base}/problems/${problemIdSegment(random)}`,
        `${base}/problems/${problemIdSegment(random)}/close`,
      ]),
    }),
  ])();
}

// ---- bodies ---------------------------------------------------------------

function validOpinion(random: Random): Record<string, unknown> {
  return {
    stance: random.pick(['support', 'concern', 'object']),
    perspective: random.pick([
      'consumer',
      'producer',
      'platform',
      'legal',
      'business',
    ]),
    comment: `Case ${random.int(1000)}`,
  };
}

/** A valid body of one of the routes that take one. */
function validBody(random: Random): Record<string, unknown> {
  return random.pick<() => Record<string, unknown>>([
    () => validOpinion(random),
    () => validOpinion(random),
    () => ({
      title: `Problem ${random.int(1000)}`,
      description: 'Described',
      entityRefs: random.pick([
        [],
        ['dataproduct:default/benefit-decisions'],
        ['domain:default/employment', 'DataProduct:default/x'],
      ]),
    }),
    () => ({ adrId: random.pick([PROPOSED, ACCEPTED, 'decisions--nope']) }),
    () => ({ reason: `Reason ${random.int(1000)}` }),
  ])();
}

function body(random: Random): Buffer | undefined {
  const text = random.pick<() => string | undefined>([
    () => undefined,
    () => JSON.stringify(validBody(random)),
    () => {
      const opinion = validBody(random);
      const mutations = 1 + random.int(3);
      for (let i = 0; i < mutations; i++) {
        const field = random.pick([
          'stance',
          'perspective',
          'comment',
          'author',
          'authorRef',
          'adrId',
          'revision',
          'title',
          'description',
          'entityRefs',
          'raisedBy',
          'adrId',
          'reason',
          'supportCount',
          '__proto__',
          'constructor',
          hostileString(random),
        ]);
        if (random.chance(0.2)) delete opinion[field];
        else opinion[field] = hostileJsonValue(random);
      }
      return JSON.stringify(opinion);
    },
    () =>
      JSON.stringify({
        ...validOpinion(random),
        comment: hostileString(random),
      }),
    () => {
      const valid = validBody(random);
      const field = random.pick(Object.keys(valid));
      return JSON.stringify({
        ...valid,
        [field]: random.chance(0.5)
          ? hostileString(random)
          : [hostileString(random)],
      });
    },
    () =>
      JSON.stringify(
        random.pick([[validOpinion(random)], 'text', 42, null, true]),
      ),
    () =>
      random.pick([
        '{',
        '{"stance":',
        '{"stance":"support",}',
        "{'stance':'support'}",
        '{"a":1}{"b":2}',
        'undefined',
        '\u0000',
        '{"stance":1e309,"perspective":-1e309,"comment":1}',
        `${'['.repeat(40_000)}${']'.repeat(40_000)}`,
      ]),
    () =>
      JSON.stringify({ ...validOpinion(random), comment: 'x'.repeat(200_000) }),
  ])();
  return text === undefined ? undefined : Buffer.from(text, 'utf8');
}

// ---- headers ----------------------------------------------------------------

function headers(random: Random, hasBody: boolean): Record<string, string> {
  const result: Record<string, string> = {};
  const authorization = random.pick<() => string | undefined>([
    () => mockCredentials.user.header(random.pick(USERS)),
    () => mockCredentials.user.header(random.pick(USERS)),
    () => mockCredentials.user.header(random.pick(USERS)),
    () => mockCredentials.service.header(),
    () => mockCredentials.none.header(),
    () => undefined,
    () =>
      random.pick([
        'Bearer garbage',
        'Basic Zm9vOmJhcg==',
        `Bearer ${'x'.repeat(4000)}`,
        random.ascii(30),
      ]),
  ])();
  if (authorization !== undefined) result.Authorization = authorization;
  if (hasBody || random.chance(0.1)) {
    const type = random.pick([
      'application/json',
      'application/json',
      'application/json',
      'application/json; charset=utf-8',
      'application/json; charset=utf-16',
      'application/json; charset=nonsense',
      'application/vnd.api+json',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      random.ascii(20),
      undefined,
    ]);
    if (type !== undefined) result['Content-Type'] = type;
  }
  if (random.chance(0.1)) {
    result['Content-Encoding'] = random.pick([
      'gzip',
      'deflate',
      'br',
      'identity',
      'x-unknown',
    ]);
  }
  if (random.chance(0.2)) {
    result[random.pick(['Accept', 'X-Forwarded-For', 'If-None-Match'])] =
      random.ascii(random.pick([1, 100, 4000]));
  }
  return result;
}

function fuzzCase(random: Random): FuzzCase {
  const { method, path } = route(random);
  const payload =
    method === 'GET' && random.chance(0.9) ? undefined : body(random);
  return { method, path, headers: headers(random, !!payload), body: payload };
}

// ---- running ------------------------------------------------------------------

/** Sent with node:http so that paths, headers and bodies go out exactly as made. */
function send(port: number, c: FuzzCase): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: c.method,
        path: c.path,
        headers: {
          ...c.headers,
          ...(c.body && { 'Content-Length': String(c.body.length) }),
        },
      },
      res => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(c.body);
  });
}

async function tableContents(knex: Knex): Promise<string> {
  const opinions = await knex('governance_opinions').orderBy([
    'adr_id',
    'author_ref',
  ]);
  const revisions = await knex('governance_opinion_revisions').orderBy('id');
  const problems = await knex('governance_problems').orderBy('id');
  const supports = await knex('governance_problem_supports').orderBy([
    'problem_id',
    'person_ref',
  ]);
  const problemEvents = await knex('governance_problem_events').orderBy('id');
  return JSON.stringify({
    opinions,
    revisions,
    problems,
    supports,
    problemEvents,
  });
}

function describeCase(c: FuzzCase) {
  return {
    method: c.method,
    path: c.path.length > 200 ? `${c.path.slice(0, 200)}…` : c.path,
    headers: Object.keys(c.headers),
    body: c.body?.toString('utf8').slice(0, 200),
  };
}

describe.each(databaseIds)(
  'every governance route under fuzzing on %s',
  databaseId => {
    let started: Awaited<ReturnType<typeof startGovernanceBackend>>;
    let port: number;

    beforeAll(async () => {
      started = await startGovernanceBackend({ databases, databaseId });
      port = (started.backend.server.address() as AddressInfo).port;
      const raised = await started.http
        .post('/api/governance/problems')
        .set({ Authorization: mockCredentials.user.header(USERS[1]) })
        .send({
          title: 'Fuzzed',
          description: 'By the fuzzer',
          entityRefs: [],
        });
      PROBLEM = raised.body.id;
    });
    afterAll(() => started?.backend.stop());

    it(`answers ${FUZZ_CASES} hostile requests with no 5xx, and rejected ones change nothing`, async () => {
      const random = new Random(SEED);
      const failures: object[] = [];
      const statuses = new Map<number, number>();

      for (let index = 0; index < FUZZ_CASES; index++) {
        const c = fuzzCase(random);
        const before = await tableContents(started.knex);
        let status: number;
        try {
          status = await send(port, c);
        } catch (error) {
          failures.push({ index, error: String(error), ...describeCase(c) });
          continue;
        }
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        const changed = (await tableContents(started.knex)) !== before;
        const mayChange = c.method !== 'GET' && status >= 200 && status < 300;
        if (status >= 500 || (changed && !mayChange)) {
          failures.push({ index, status, changed, ...describeCase(c) });
        }
      }

      expect(failures).toEqual([]);
      // The generator reaches every kind of answer, so the run is not vacuous.
      const neverAnswered = [
        200, 201, 400, 401, 403, 404, 409, 413, 415,
      ].filter(status => !statuses.has(status));
      expect(neverAnswered).toEqual([]);
    });
  },
);
