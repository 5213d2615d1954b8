import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import { ADA, requestBody } from '../__testUtils__/fixtures';
import { as, startDataProductsBackend } from '../__testUtils__/startBackend';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const API = '/api/data-products';

/**
 * A 400 for bad input lists each problem with where it is (a JSON pointer
 * into the request), so that a form shows it next to its field without
 * reading the message.
 */
describe.each(databaseIds)('issues of a 400 on %s', databaseId => {
  let http: Awaited<ReturnType<typeof startDataProductsBackend>>['http'];
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const started = await startDataProductsBackend(databases, databaseId);
    http = started.http;
    stop = () => started.backend.stop();
  });
  afterAll(() => stop?.());

  it('lists every field of the body at fault, nested ones by their path', async () => {
    const res = await http
      .post(`${API}/requests`)
      .set(as.user(ADA))
      .send({
        ...requestBody(),
        purpose: 'p'.repeat(2001),
        legalBasis: { registerId: 'demo', activityId: 'follow\u0000up' },
        requesterRef: 'user:default/olav',
      });
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.issues).toEqual(
      expect.arrayContaining([
        {
          path: '/body/purpose',
          message: 'must be at most 2000 characters',
        },
        {
          path: '/body/legalBasis/activityId',
          message:
            'must not contain control characters such as NUL, tab or line breaks',
        },
        { path: '/body/requesterRef', message: 'unknown field' },
      ]),
    );
    expect(res.body.error.issues).toHaveLength(3);
    // The message still says it all, for people and logs.
    expect(res.body.error.message).toMatch(
      /^Invalid access request: .*purpose: must be at most 2000 characters/,
    );
  });

  it("lists the field a rule of the service finds at fault, e.g. an end date past the port's limit", async () => {
    const res = await http
      .post(`${API}/requests`)
      .set(as.user(ADA))
      .send({
        ...requestBody(),
        endsAt: new Date(Date.now() + 200 * 86_400_000).toISOString(),
      });
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toEqual([
      {
        path: '/body/endsAt',
        message: expect.stringMatching(/^must be .* or earlier/),
      },
    ]);
    expect(res.body.error.message).toMatch(/^endsAt must be .* or earlier/);
  });

  it.each([
    ['a query parameter', 'get', '/requests?limit=500', '/query/limit'],
    ['a path parameter', 'get', '/requests/not-an-id', '/params/id'],
    [
      'a path parameter of a lookup',
      'get',
      '/legal-bases/demo/follow%00up',
      '/params/activityId',
    ],
    [
      'a reason',
      'post',
      `/requests/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/reject`,
      '/body/reason',
    ],
  ])('names %s', async (_, method, path, pointer) => {
    const call =
      method === 'get'
        ? http.get(`${API}${path}`)
        : http.post(`${API}${path}`).send({ reason: '' });
    const res = await call.set(as.user(ADA));
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i: any) => i.path)).toEqual([pointer]);
  });

  it('names a bad Idempotency-Key header', async () => {
    const res = await http
      .post(`${API}/requests`)
      .set({ ...as.user(ADA), 'Idempotency-Key': 'key\twith-tab' })
      .send(requestBody());
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toEqual([
      {
        path: '/headers/Idempotency-Key',
        message: 'must be printable ASCII, without control characters',
      },
    ]);
  });
});
