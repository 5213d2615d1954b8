import { mockCredentials } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import { days, OLAV, requestBody } from '../__testUtils__/fixtures';
import {
  CONTENT_TYPES,
  HOSTILE_KEYS,
  hostileString,
  hostileValue,
  nearValid,
  Random,
  RAW_BODIES,
  withKey,
} from '../__testUtils__/hostile';
import { routesOf } from '../__testUtils__/routesOf';
import { startDataProductsBackend } from '../__testUtils__/startBackend';
import { createRouter } from '.';
import { RouterContext } from './context';

/**
 * Hostile input against every route, on every engine: no answer may be a
 * 5xx (nor a bulk item's), and neither a rejected call (4xx) nor a read
 * changes any of the plugin's tables. The seed makes the cases reproducible; a failure names
 * the case's number and what was sent.
 */
const SEED = 0x0da7a;
const CASES_PER_ROUTE = 200;

jest.setTimeout(180_000);

const databases = createTestDatabases();
const API = '/api/data-products';

type Who = 'owner' | 'requester' | 'fresh' | 'other' | 'service' | 'nobody';
type Case = {
  method: 'get' | 'post';
  path: string;
  query?: string;
  who: Who | { garbage: string };
  /** For `who: 'requester'`: the requester of the request in the path. */
  requester?: string;
  idempotencyKey?: string;
  body?: { json: unknown } | { raw: string; type: string };
};

/** Requests in a known state that the cases aim at, topped up as they are decided. */
type Target = { id: string; requester: string };
type Pool = { pending: Target[]; approved: Target[] };

// ---- building blocks --------------------------------------------------------

/** Percent-encodes, sending invalid UTF-8 where a lone surrogate cannot be encoded. */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return `${encodeURIComponent(
      text.replace(/[\ud800-\udfff]/g, ''),
    )}%ED%A0%80`;
  }
}

/** What Node's HTTP client lets through in a header value. */
const headerSafe = (text: string) =>
  text.replace(/[^\t\x20-\x7e\x80-\xff]/g, '');

function who(random: Random, preferred: Who): Case['who'] {
  if (random.chance(0.8)) return preferred;
  if (random.chance(0.15))
    return { garbage: headerSafe(hostileString(random)) };
  return random.pick<Who>(['owner', 'other', 'service', 'nobody', 'fresh']);
}

function pathSegment(random: Random, valid: string): string {
  if (random.chance(0.4)) return encode(valid);
  if (random.chance(0.2)) {
    return random.pick([
      '%ZZ',
      '%',
      '%00',
      '.',
      '..',
      '%2e%2e',
      'a%2Fb',
      '%FF',
    ]);
  }
  return encode(hostileString(random)) || 'x';
}

/** A request of the pool in `state`, or a path segment that is not one. */
function target(random: Random, pool: Pool, state: keyof Pool) {
  const picked = random.pick(pool[state]);
  return random.chance(0.55)
    ? { segment: picked.id, requester: picked.requester }
    : { segment: pathSegment(random, picked.id) };
}

function tamperedCursor(random: Random): string {
  const shapes = [
    () => ({ value: hostileValue(random), id: hostileString(random) }),
    () => ({
      value: random.pick([1.5, 1e300, -1e300, 8.64e15 + 1, -1]),
      id: '00000000-0000-4000-8000-000000000000',
    }),
    () => hostileValue(random),
  ];
  if (random.chance(0.25)) return hostileString(random);
  const value = random.pick(shapes)();
  return Buffer.from(JSON.stringify(value) ?? '').toString('base64url');
}

/** A query string: the valid one, with one to three hostile changes. */
function query(
  random: Random,
  valid: Record<string, string>,
  keys: string[],
): string {
  const params: string[] = Object.entries(valid).map(
    ([k, v]) => `${k}=${encode(v)}`,
  );
  if (random.chance(0.1)) return params.join('&');
  if (keys.includes('cursor') && random.chance(0.25)) {
    // Only the cursor is off, so that it is what the store gets to decode.
    return [...params, `cursor=${encode(tamperedCursor(random))}`].join('&');
  }
  for (let n = 1 + random.int(3); n > 0; n--) {
    const key = random.pick(keys);
    const value = () =>
      key === 'cursor' && random.chance(0.5)
        ? tamperedCursor(random)
        : String(
            key in valid && random.chance(0.5)
              ? nearValid(random, valid[key])
              : hostileString(random),
          );
    switch (random.int(8)) {
      case 0:
      case 1:
        params.push(`${key}=${encode(value())}`);
        break;
      case 2:
        params.push(`${key}=${encode(value())}&${key}=${encode(value())}`);
        break;
      case 3:
        params.push(
          `${key}${random.pick([
            '[]',
            '[a]',
            '[__proto__]',
            '[0][1]',
          ])}=${encode(value())}`,
        );
        break;
      case 4:
        params.push(
          `${random.pick([
            '__proto__',
            `__proto__[${key}]`,
            `constructor[prototype][${key}]`,
            encode(random.pick(HOSTILE_KEYS)),
          ])}=${encode(value())}`,
        );
        break;
      case 5:
        params.push(
          random.pick(['%ZZ', '%', '&&', '=x', `${key}=%E0%A4%A`, `${key}`]),
        );
        break;
      case 6:
        params.push(
          Array.from({ length: 1500 }, (_, i) => `p${i}=1`).join('&'),
        );
        break;
      default:
        params.splice(random.int(params.length + 1), 1);
    }
  }
  return params.join('&');
}

/** A body: the valid one, with one to three hostile changes. */
function body(
  random: Random,
  valid: Record<string, unknown>,
  keys: string[],
): NonNullable<Case['body']> {
  if (random.chance(0.1)) return { json: valid };
  const roll = random.int(12);
  if (roll === 0) return { json: hostileValue(random) };
  if (roll === 1)
    return { raw: random.pick(RAW_BODIES), type: 'application/json' };
  if (roll === 2) {
    return { raw: JSON.stringify(valid), type: random.pick(CONTENT_TYPES) };
  }
  const result: Record<string, unknown> = { ...valid };
  for (let n = 1 + random.int(3); n > 0; n--) {
    const key = random.pick(keys);
    const op = random.int(5);
    if (op === 0) delete result[key];
    else if (op === 1) {
      withKey(result, random.pick(HOSTILE_KEYS), hostileValue(random));
    } else if (op === 2) result[key] = hostileValue(random);
    else result[key] = nearValid(random, valid[key]);
  }
  return { json: result };
}

// ---- one fuzzer per route ----------------------------------------------------

const LIST_KEYS = [
  'role',
  'status',
  'entityRef',
  'createdBefore',
  'sort',
  'order',
  'cursor',
  'limit',
];
const validList = {
  role: 'approver',
  status: 'pending',
  entityRef: 'dataproduct:default/benefit-decisions',
  limit: '5',
};

function createBody(random: Random): Record<string, unknown> {
  const valid: Record<string, unknown> = requestBody();
  switch (random.int(3)) {
    case 0:
      return { ...valid, outputPort: 'counts_v1', legalBasis: undefined };
    case 1:
      return {
        ...valid,
        entityRef: 'dataproduct:default/sick-leave',
        outputPort: 'cases_v1',
        legalBasis: { registerId: 'demo', activityId: 'health' },
        endsAt: days(10).toISOString(),
      };
    default:
      return valid;
  }
}

const CREATE_KEYS = [
  'entityRef',
  'outputPort',
  'subjectRef',
  'purpose',
  'legalBasis',
  'endsAt',
  'acceptTerms',
];

function legalBasisChange(random: Random, valid: Record<string, unknown>) {
  const legalBasis = { registerId: 'demo', activityId: 'follow-up' };
  const key = random.pick(['registerId', 'activityId'] as const);
  return {
    json: {
      ...valid,
      legalBasis: {
        ...legalBasis,
        [key]: random.chance(0.5)
          ? nearValid(random, legalBasis[key])
          : hostileValue(random),
      },
    },
  };
}

function decisionItem(random: Random, pool: Pool) {
  const item: Record<string, unknown> = {
    id: random.pick(pool.pending).id,
    action: random.pick(['approve', 'reject']),
    reason: 'Bulk decision',
  };
  if (random.chance(0.6)) {
    const key = random.pick(['id', 'action', 'reason', 'endsAt']);
    item[key] = random.chance(0.5)
      ? nearValid(random, item[key])
      : hostileValue(random);
  }
  if (random.chance(0.1)) {
    withKey(item, random.pick(HOSTILE_KEYS), hostileValue(random));
  }
  return item;
}

const fuzzers: Record<string, (random: Random, pool: Pool) => Case> = {
  'GET /openapi.json': random => ({
    method: 'get',
    path: '/openapi.json',
    query: query(random, {}, ['q', 'limit']),
    who: who(random, 'other'),
  }),
  'GET /legal-bases': random => ({
    method: 'get',
    path: '/legal-bases',
    query: query(random, { q: 'B123' }, ['q']),
    who: who(random, 'owner'),
  }),
  'GET /legal-bases/:registerId/:activityId': random => ({
    method: 'get',
    path: `/legal-bases/${pathSegment(random, 'demo')}/${pathSegment(
      random,
      'follow-up',
    )}`,
    who: who(random, 'service'),
  }),
  'POST /requests': random => {
    const valid = createBody(random);
    const surface = random.int(5);
    return {
      method: 'post',
      path: '/requests',
      who: who(random, 'fresh'),
      // One thing wrong at a time, so that it is what reaches the store.
      idempotencyKey:
        surface === 0
          ? headerSafe(
              random.chance(0.5)
                ? hostileString(random)
                : 'k'.repeat(random.pick([255, 256, 4000])),
            )
          : undefined,
      body:
        [() => ({ json: valid }), () => legalBasisChange(random, valid)][
          surface
        ]?.() ?? body(random, valid, CREATE_KEYS),
    };
  },
  'GET /requests': random => ({
    method: 'get',
    path: '/requests',
    query: query(random, validList, LIST_KEYS),
    who: who(random, 'owner'),
  }),
  'GET /requests/count': random => ({
    method: 'get',
    path: '/requests/count',
    query: query(random, { role: 'approver', status: 'pending' }, LIST_KEYS),
    who: who(random, 'owner'),
  }),
  'GET /grants': random => ({
    method: 'get',
    path: '/grants',
    query: query(random, { entityRef: validList.entityRef }, LIST_KEYS),
    who: who(random, 'requester'),
  }),
  'GET /metrics': random => ({
    method: 'get',
    path: '/metrics',
    query: query(
      random,
      {
        from: '2026-01-01',
        to: '2026-04-01T00:00:00Z',
        groupBy: 'owner',
        owner: 'group:default/team-benefits',
        classification: 'personal',
      },
      [
        'from',
        'to',
        'groupBy',
        'entityRef',
        'owner',
        'domain',
        'classification',
      ],
    ),
    who: who(random, 'other'),
  }),
  'GET /reports/personal-data-access': random => ({
    method: 'get',
    path: '/reports/personal-data-access',
    query: query(random, { at: '2026-01-01', format: 'json', limit: '5' }, [
      'at',
      'format',
      'cursor',
      'limit',
    ]),
    who: who(random, 'other'),
  }),
  'GET /lineage': random => ({
    method: 'get',
    path: '/lineage',
    query: query(random, { entityRef: 'group:default/team-analytics' }, [
      'entityRef',
    ]),
    who: who(random, 'service'),
  }),
  'GET /requests/:id': (random, pool) => {
    const { segment, requester } = target(random, pool, 'pending');
    return {
      method: 'get',
      path: `/requests/${segment}`,
      who: who(random, 'requester'),
      requester,
    };
  },
  'POST /requests/:id/approve': (random, pool) => ({
    method: 'post',
    path: `/requests/${target(random, pool, 'pending').segment}/approve`,
    who: who(random, 'owner'),
    body: body(random, { reason: 'Fine', endsAt: days(7).toISOString() }, [
      'reason',
      'endsAt',
    ]),
  }),
  'POST /requests/:id/reject': (random, pool) => ({
    method: 'post',
    path: `/requests/${target(random, pool, 'pending').segment}/reject`,
    who: who(random, 'owner'),
    body: body(random, { reason: 'Use the counts' }, ['reason']),
  }),
  'POST /requests/:id/revoke': (random, pool) => ({
    method: 'post',
    path: `/requests/${target(random, pool, 'approved').segment}/revoke`,
    who: who(random, 'owner'),
    body: body(random, { reason: 'Project ended' }, ['reason']),
  }),
  'POST /requests/:id/cancel': (random, pool) => {
    const { segment, requester } = target(random, pool, 'pending');
    return {
      method: 'post',
      path: `/requests/${segment}/cancel`,
      who: who(random, 'requester'),
      requester,
      body: body(random, { reason: 'Not needed' }, ['reason']),
    };
  },
  'POST /requests/:id/provisioning/retry': (random, pool) => ({
    method: 'post',
    path: `/requests/${
      target(random, pool, random.chance(0.5) ? 'approved' : 'pending').segment
    }/provisioning/retry`,
    who: who(random, 'owner'),
    body: random.chance(0.5)
      ? undefined
      : body(random, {}, ['reason', ...HOSTILE_KEYS.slice(0, 2)]),
  }),
  'POST /requests/decisions': (random, pool) => {
    const decisions = Array.from({ length: 1 + random.int(3) }, () =>
      decisionItem(random, pool),
    );
    return {
      method: 'post',
      path: '/requests/decisions',
      who: who(random, 'owner'),
      body: random.chance(0.7)
        ? { json: { decisions } }
        : body(random, { decisions }, ['decisions']),
    };
  },
};

it('has a fuzzer for every route the router serves', () => {
  expect(Object.keys(fuzzers).sort()).toEqual(
    routesOf(createRouter({} as RouterContext)),
  );
});

// ---- the run -----------------------------------------------------------------

/** The plugin's tables, each as sorted JSON rows. */
async function snapshot(knex: Knex, tables: string[]): Promise<string> {
  const parts: string[] = [];
  for (const table of tables) {
    const rows = await knex(table).select();
    parts.push(
      `${table}:${rows
        .map(row => JSON.stringify(row))
        .sort()
        .join('\n')}`,
    );
  }
  return parts.join('\n\n');
}

async function pluginTables(knex: Knex): Promise<string[]> {
  const rows: { name: string }[] =
    knex.client.config.client === 'pg'
      ? await knex('information_schema.tables')
          .select('table_name as name')
          .whereRaw('table_schema = current_schema()')
      : await knex('sqlite_master').select('name').where({ type: 'table' });
  return rows
    .map(r => r.name)
    .filter(name => name.startsWith('access_request'))
    .sort();
}

function describeCase(n: number, c: Case) {
  const sent =
    c.body && 'json' in c.body ? JSON.stringify(c.body.json) : c.body?.raw;
  const text = `#${n} ${c.method.toUpperCase()} ${c.path}${
    c.query ? `?${c.query}` : ''
  } as ${JSON.stringify(c.who)}${
    c.idempotencyKey !== undefined
      ? ` key=${JSON.stringify(c.idempotencyKey)}`
      : ''
  } ${sent ?? ''}`;
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

describe.each(databaseIds)('fuzzing on %s', databaseId => {
  let http: Awaited<ReturnType<typeof startDataProductsBackend>>['http'];
  let knex: Knex;
  let stop: () => Promise<void>;
  let people = 0;

  beforeAll(async () => {
    const started = await startDataProductsBackend(databases, databaseId);
    http = started.http;
    knex = started.knex;
    stop = () => started.backend.stop();
  });

  afterAll(() => stop?.());

  const user = (ref: string) => ({
    Authorization: mockCredentials.user.header(ref),
  });

  async function newPending(): Promise<Target> {
    people += 1;
    const requester = `user:default/fuzz-pool-${people}`;
    const res = await http
      .post(`${API}/requests`)
      .set(user(requester))
      .send(requestBody());
    expect(res.status).toBe(201);
    return { id: res.body.id, requester };
  }

  /** Drops decided requests from the pool and tops it up. */
  async function refill(pool: Pool) {
    const ids = [...pool.pending, ...pool.approved].map(t => t.id);
    const status = new Map<string, string>(
      (
        await knex('access_requests').whereIn('id', ids).select('id', 'status')
      ).map(r => [r.id, r.status]),
    );
    pool.pending = pool.pending.filter(t => status.get(t.id) === 'pending');
    pool.approved = pool.approved.filter(t => status.get(t.id) === 'approved');
    while (pool.pending.length < 4) pool.pending.push(await newPending());
    while (pool.approved.length < 2) {
      const approved = await newPending();
      const res = await http
        .post(`${API}/requests/${approved.id}/approve`)
        .set(user(OLAV))
        .send({});
      expect(res.status).toBe(200);
      pool.approved.push(approved);
    }
  }

  function headersOf(c: Case): Record<string, string> {
    const headers: Record<string, string> = {};
    if (typeof c.who === 'object') headers.Authorization = c.who.garbage;
    else if (c.who === 'service')
      headers.Authorization = mockCredentials.service.header();
    else if (c.who === 'nobody')
      headers.Authorization = mockCredentials.none.header();
    else {
      people += 1;
      const ref = {
        owner: OLAV,
        requester: c.requester ?? OLAV,
        fresh: `user:default/fuzz-${people}`,
        other: 'user:default/outsider',
      }[c.who];
      Object.assign(headers, user(ref));
    }
    if (c.idempotencyKey !== undefined)
      headers['Idempotency-Key'] = c.idempotencyKey;
    return headers;
  }

  async function send(c: Case) {
    const url = `${API}${c.path}${c.query !== undefined ? `?${c.query}` : ''}`;
    const req = (c.method === 'get' ? http.get(url) : http.post(url)).set(
      headersOf(c),
    );
    if (!c.body) return req;
    if ('raw' in c.body)
      return req.set('Content-Type', c.body.type).send(c.body.raw);
    const json = JSON.stringify(c.body.json);
    return json === undefined
      ? req
      : req.set('Content-Type', 'application/json').send(json);
  }

  it(`answers ${CASES_PER_ROUTE} hostile calls per route with no 5xx; rejected calls and reads change nothing`, async () => {
    const random = new Random(SEED);
    const routes = Object.keys(fuzzers).sort();
    const tables = await pluginTables(knex);
    expect(tables.length).toBeGreaterThan(0);
    const pool: Pool = { pending: [], approved: [] };
    await refill(pool);
    let before = await snapshot(knex, tables);
    const failures: string[] = [];
    const statuses = new Map<number, number>();

    for (let n = 0; n < routes.length * CASES_PER_ROUTE; n++) {
      const c = fuzzers[routes[n % routes.length]](random, pool);
      const res = await send(c);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const items: { ok: boolean; status?: number }[] =
        res.status === 200 && Array.isArray(res.body?.results)
          ? res.body.results
          : [];
      if (res.status >= 500 || items.some(i => (i.status ?? 0) >= 500)) {
        failures.push(
          `${describeCase(n, c)} → ${res.status} ${JSON.stringify(
            res.body,
          ).slice(0, 300)}`,
        );
      }
      const after = await snapshot(knex, tables);
      const rejected =
        (res.status >= 400 && res.status < 500) ||
        (items.length > 0 && items.every(i => !i.ok));
      if ((rejected || c.method === 'get') && after !== before) {
        failures.push(
          `${describeCase(n, c)} → ${res.status} but changed the tables`,
        );
      }
      if (res.status < 300 && c.method === 'post') {
        await refill(pool);
        before = await snapshot(knex, tables);
      } else {
        before = after;
      }
    }

    // Most cases must be refused, and some let through: otherwise the
    // fuzzer only knocks on the door or never reaches the database.
    const refused = [...statuses]
      .filter(([s]) => s >= 400 && s < 500)
      .reduce((sum, [, count]) => sum + count, 0);
    expect(refused).toBeGreaterThan(routes.length * CASES_PER_ROUTE * 0.5);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  });
});
