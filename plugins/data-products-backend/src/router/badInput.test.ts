import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import { ADA, OLAV, requestBody } from '../__testUtils__/fixtures';
import { as, startDataProductsBackend } from '../__testUtils__/startBackend';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const API = '/api/data-products';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const cursorOf = (value: unknown) =>
  Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Input that PostgreSQL cannot store or compare (NUL, over-long values,
 * numbers out of bigint's range) and ids that are not ids: each is a 400
 * that says what is wrong, on every engine, and never reaches a query.
 */
describe.each(databaseIds)('bad input on %s', databaseId => {
  let http: Awaited<ReturnType<typeof startDataProductsBackend>>['http'];
  let stop: () => Promise<void>;
  let pendingId: string;
  let n = 0;

  beforeAll(async () => {
    const started = await startDataProductsBackend(databases, databaseId);
    http = started.http;
    stop = () => started.backend.stop();
    // Two requests of Ada's: one pending, and one so that her list has a next page.
    const [pending, counts] = [
      await http.post(`${API}/requests`).set(as.user(ADA)).send(requestBody()),
      await http
        .post(`${API}/requests`)
        .set(as.user(ADA))
        .send({
          ...requestBody(),
          outputPort: 'counts_v1',
          legalBasis: undefined,
        }),
    ];
    if (pending.status !== 201 || counts.status !== 201) {
      throw new Error(`Set-up failed: ${pending.status}, ${counts.status}`);
    }
    pendingId = pending.body.id;
  });

  afterAll(() => stop?.());

  /** A fresh requester each time, so that no case meets an open request. */
  const create = (change: object, headers: object = {}) => {
    n += 1;
    return http
      .post(`${API}/requests`)
      .set({ ...as.user(`user:default/bad-input-${n}`), ...headers })
      .send({ ...requestBody(), ...change });
  };

  describe('creating a request', () => {
    it.each([
      [
        'NUL in purpose',
        { purpose: 'Yearly report\u0000 statistics' },
        /purpose: must not contain NUL/,
      ],
      [
        'a purpose of 2001 characters',
        { purpose: 'p'.repeat(2001) },
        /purpose: must be at most 2000 characters/,
      ],
      [
        'NUL in outputPort',
        { outputPort: 'decisions_v1\u0000' },
        /outputPort: must not contain control characters/,
      ],
      [
        'an outputPort of 256 characters',
        { outputPort: 'o'.repeat(256) },
        /outputPort: must be at most 255 characters/,
      ],
      [
        'NUL in entityRef',
        { entityRef: 'dataproduct:default/benefit\u0000' },
        /entityRef: must be an entity ref/,
      ],
      [
        'an entityRef of 320 characters',
        { entityRef: `dataproduct:default/${'n'.repeat(300)}` },
        /entityRef: must be at most 255 characters/,
      ],
      [
        'NUL in subjectRef',
        { subjectRef: 'user:default/a\u0000' },
        /subjectRef: must be an entity ref/,
      ],
      [
        'NUL in legalBasis.activityId',
        { legalBasis: { registerId: 'demo', activityId: 'follow-up\u0000' } },
        /legalBasis.activityId: must not contain control characters/,
      ],
      [
        'NUL in legalBasis.registerId',
        { legalBasis: { registerId: 'demo\u0000', activityId: 'follow-up' } },
        /legalBasis.registerId: must not contain control characters/,
      ],
    ])('refuses %s with a 400 that says why', async (_, change, message) => {
      const res = await create(change);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
    });

    it.each([
      ['longer than its column', 'k'.repeat(256), /at most 255 characters/],
      ['with a tab', 'key\twith-tab', /printable ASCII/],
      ['with a non-ASCII character', 'clé', /printable ASCII/],
    ])('refuses an Idempotency-Key %s', async (_, key, message) => {
      const res = await create({}, { 'Idempotency-Key': key });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(
        /^Invalid Idempotency-Key header: /,
      );
      expect(res.body.error.message).toMatch(message);
    });

    it('still takes a key of 255 printable characters', async () => {
      const res = await create({}, { 'Idempotency-Key': 'k'.repeat(255) });
      expect(res.status).toBe(201);
    });
  });

  describe('ids', () => {
    const routes: [string, string, object | undefined][] = [
      ['GET', '', undefined],
      ['POST', '/approve', {}],
      ['POST', '/reject', { reason: 'no' }],
      ['POST', '/revoke', { reason: 'no' }],
      ['POST', '/cancel', {}],
    ];
    const send = (method: string, path: string, body?: object) =>
      method === 'GET'
        ? http.get(path).set(as.user(OLAV))
        : http.post(path).set(as.user(OLAV)).send(body);

    it.each(
      routes.flatMap(([method, suffix, body]) =>
        [
          ['NUL', '%00'],
          ['not-a-uuid', 'not-a-uuid'],
          ['<id>NUL', `${UNKNOWN_ID}%00`],
          ['<300 characters>', 'x'.repeat(300)],
          ['ünïcødé', encodeURIComponent('ünïcødé')],
        ].map(
          ([label, id]) =>
            [
              `${method} /requests/${label}${suffix}`,
              method,
              id,
              suffix,
              body,
            ] as const,
        ),
      ),
    )(
      '%s is a 400 that says it is no id',
      async (_, method, id, suffix, body) => {
        const res = await send(method, `${API}/requests/${id}${suffix}`, body);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(/is not an access request id$/);
      },
    );

    it.each(routes)(
      '%s /requests/<well-formed unknown id>%s is a 404',
      async (method, suffix, body) => {
        const res = await send(
          method,
          `${API}/requests/${UNKNOWN_ID}${suffix}`,
          body,
        );
        expect(res.status).toBe(404);
      },
    );

    it('fails only the bad items of a bulk decision, each with a 400', async () => {
      const res = await http
        .post(`${API}/requests/decisions`)
        .set(as.user(OLAV))
        .send({
          decisions: [
            { id: `${pendingId}\u0000`, action: 'approve' },
            { id: 'no-such-request', action: 'reject', reason: 'no' },
            { id: 'y'.repeat(1000), action: 'approve' },
            { id: UNKNOWN_ID, action: 'approve' },
          ],
        });
      expect(res.status).toBe(200);
      expect(res.body.results.map((r: any) => [r.ok, r.status])).toEqual([
        [false, 400],
        [false, 400],
        [false, 400],
        [false, 404],
      ]);
      expect(res.body.results[0].error).toBe(
        `${JSON.stringify(`${pendingId}\u0000`)} is not an access request id`,
      );
      expect(res.body.results[2].error).toMatch(/^"y{60}…" is not/);
    });
  });

  describe('reasons', () => {
    it.each([
      ['approve', OLAV],
      ['reject', OLAV],
      ['revoke', OLAV],
      ['cancel', ADA],
    ])(
      '%s refuses a reason with NUL and leaves the request pending',
      async (action, who) => {
        const res = await http
          .post(`${API}/requests/${pendingId}/${action}`)
          .set(as.user(who))
          .send({ reason: 'Not\u0000 now' });
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(/reason: must not contain NUL/);
        const read = await http
          .get(`${API}/requests/${pendingId}`)
          .set(as.user(ADA));
        expect(read.body.status).toBe('pending');
      },
    );

    it('refuses a reason over 2000 characters', async () => {
      const res = await http
        .post(`${API}/requests/${pendingId}/reject`)
        .set(as.user(OLAV))
        .send({ reason: 'r'.repeat(2001) });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(
        /reason: must be at most 2000 characters/,
      );
    });
  });

  describe('cursors', () => {
    const id = UNKNOWN_ID;
    it.each([
      ['a fraction', cursorOf({ value: 1.5, id })],
      ['a huge number', cursorOf({ value: 1e300, id })],
      ['a huge negative number', cursorOf({ value: -1e300, id })],
      ['beyond a Date', cursorOf({ value: 8.64e15 + 1, id })],
      ['NaN as text', cursorOf({ value: 'NaN', id })],
      ['null', cursorOf({ value: null, id })],
      ['NUL in the id', cursorOf({ value: 1, id: `${id}\u0000` })],
      ['an id that is no id', cursorOf({ value: 1, id: 'x' })],
      ['extra fields', cursorOf({ value: 1, id, role: 'admin' })],
      ['a JSON array', cursorOf([1, id])],
      ['a JSON string', cursorOf('cursor')],
      ['not base64url', '!!!*'],
      ['base64 but not JSON', Buffer.from('nope').toString('base64url')],
    ])('refuses %s on /requests and /grants', async (_, cursor) => {
      for (const path of ['requests', 'grants']) {
        const res = await http
          .get(`${API}/${path}`)
          .query({ cursor })
          .set(as.user(ADA));
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(
          /cursor is not one this API handed out/,
        );
      }
    });

    it('takes the cursor it hands out', async () => {
      const first = await http.get(`${API}/requests?limit=1`).set(as.user(ADA));
      expect(first.body.nextCursor).toBeDefined();
      const next = await http
        .get(`${API}/requests`)
        .query({ limit: 1, cursor: first.body.nextCursor })
        .set(as.user(ADA));
      expect(next.status).toBe(200);
    });

    it('refuses NUL in the entityRef of a list', async () => {
      const res = await http
        .get(`${API}/requests`)
        .query({ entityRef: 'dataproduct:default/x\u0000' })
        .set(as.user(ADA));
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(
        /entityRef: must be an entity ref/,
      );
    });
  });

  describe('legal bases', () => {
    it.each([
      ['?q=<NUL>', '?q=B1%00', /q: must not contain NUL/],
      [
        '?q=<201 characters>',
        `?q=${'q'.repeat(201)}`,
        /q: must be at most 200 characters/,
      ],
      [
        '/demo/<NUL>',
        '/demo/follow%00up',
        /activityId: must not contain control characters/,
      ],
      [
        '/<NUL>/follow-up',
        '/de%00mo/follow-up',
        /registerId: must not contain control characters/,
      ],
      [
        '/demo/<256 characters>',
        `/demo/${'a'.repeat(256)}`,
        /activityId: must be at most 255 characters/,
      ],
    ])(
      'GET /legal-bases%s is a 400 that says why',
      async (_, path, message) => {
        const res = await http
          .get(`${API}/legal-bases${path}`)
          .set(as.user(ADA));
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(message);
      },
    );
  });
});
