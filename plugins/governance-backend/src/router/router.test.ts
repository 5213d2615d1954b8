import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import { as, startGovernanceBackend } from '../__testUtils__/startBackend';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const LEO = 'user:default/leo.legal';
const ADA = 'user:default/ada.analyst';
const PROPOSED = 'decisions--0008-data-products-publish-a-freshness-sla';
const ACCEPTED =
  'decisions--0005-access-to-personal-data-lasts-at-most-180-days';

describe.each(databaseIds)('the governance API on %s', databaseId => {
  let http: Awaited<ReturnType<typeof startGovernanceBackend>>['http'];
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const started = await startGovernanceBackend({ databases, databaseId });
    http = started.http;
    stop = () => started.backend.stop();
  });
  afterAll(() => stop?.());

  const put = (who: string, adrId: string, body: object) =>
    http
      .put(`/api/governance/adrs/${adrId}/opinions/mine`)
      .set(as.user(who))
      .send(body);

  describe('ADRs', () => {
    it("lists the repository's own decisions, sorted by file name", async () => {
      const res = await http.get('/api/governance/adrs').set(as.user(ADA));
      expect(res.status).toBe(200);
      expect(res.body.sources).toEqual([
        expect.objectContaining({
          id: 'decisions',
          kind: 'location',
          ok: true,
        }),
      ]);
      expect(res.body.problems).toEqual([]);
      const ids = res.body.items.map((a: any) => a.id);
      expect(ids[0]).toBe(
        'decisions--0001-record-governance-decisions-as-adrs',
      );
      expect(ids).toEqual([...ids].sort());
      expect(ids).toContain(PROPOSED);
      expect(res.body.items[0].markdown).toBeUndefined();
    });

    it('gives one ADR with its Markdown, and 404 for an unknown one', async () => {
      const res = await http
        .get(`/api/governance/adrs/${ACCEPTED}`)
        .set(as.service());
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'accepted',
        policies: [
          {
            id: 'personal-data-max-duration',
            params: { maxDuration: 'P180D' },
          },
        ],
      });
      expect(res.body.markdown).toMatch(/^# Access to personal data/);
      const unknown = await http
        .get('/api/governance/adrs/decisions--nope')
        .set(as.user(ADA));
      expect(unknown.status).toBe(404);
    });

    it('refuses callers without credentials', async () => {
      for (const path of ['/adrs', `/adrs/${PROPOSED}/opinions`, '/policies']) {
        const res = await http.get(`/api/governance${path}`).set(as.nobody());
        expect(res.status).toBe(401);
      }
    });
  });

  describe('opinions', () => {
    it('keeps one current opinion per person and the history of changes', async () => {
      const first = await put(LEO, PROPOSED, {
        stance: 'concern',
        perspective: 'legal',
        comment: 'Streams should state latency instead.',
      });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        adrId: PROPOSED,
        authorRef: LEO,
        revision: 1,
      });

      expect(
        (
          await put(ADA, PROPOSED, {
            stance: 'support',
            perspective: 'consumer',
            comment: 'We were burnt by monthly data.',
          })
        ).status,
      ).toBe(201);

      const changed = await put(LEO, PROPOSED, {
        stance: 'support',
        perspective: 'legal',
        comment: 'Fine if streams may state latency too.',
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ revision: 2, stance: 'support' });

      const summary = await http
        .get(`/api/governance/adrs/${PROPOSED}/opinions`)
        .set(as.user(ADA));
      expect(summary.status).toBe(200);
      expect(summary.body.open).toBe(true);
      expect(summary.body.items).toHaveLength(2);
      expect(summary.body.items[0].authorRef).toBe(LEO);
      expect(summary.body.counts.legal).toEqual({
        support: 1,
        concern: 0,
        object: 0,
      });
      expect(summary.body.counts.consumer.support).toBe(1);
      expect(summary.body.counts.business).toEqual({
        support: 0,
        concern: 0,
        object: 0,
      });

      const history = await http
        .get(`/api/governance/adrs/${PROPOSED}/opinions/history`)
        .set(as.user(ADA));
      expect(
        history.body.items.map((r: any) => [r.authorRef, r.revision, r.stance]),
      ).toEqual([
        [LEO, 1, 'concern'],
        [ADA, 1, 'support'],
        [LEO, 2, 'support'],
      ]);
    });

    it('takes the author from credentials and refuses one in the body', async () => {
      const res = await put(ADA, PROPOSED, {
        stance: 'object',
        perspective: 'consumer',
        comment: 'As someone else',
        author: LEO,
      });
      expect(res.status).toBe(400);
      expect(res.body.error.issues).toEqual([
        { path: '/body/author', message: 'unknown field author' },
      ]);
      expect(res.body.error.message).toMatch(/unknown field author/);
    });

    it('lists every field at fault in the body of a 400', async () => {
      const wrong = await put(ADA, PROPOSED, {
        stance: 'maybe',
        perspective: 'everyone',
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.name).toBe('InputError');
      expect(wrong.body.error.issues).toEqual(
        expect.arrayContaining([
          {
            path: '/body/stance',
            message: expect.stringMatching(/support, concern, object/),
          },
          { path: '/body/perspective', message: expect.any(String) },
          { path: '/body/comment', message: expect.any(String) },
        ]),
      );
      expect(wrong.body.error.message).toMatch(/\/body\/stance: /);
      // What the contract cannot say, the shared schema adds, in the same shape.
      const blank = await put(ADA, PROPOSED, {
        stance: 'support',
        perspective: 'consumer',
        comment: ' ',
      });
      expect(blank.status).toBe(400);
      expect(blank.body.error.issues).toEqual([
        { path: '/body/comment', message: 'say briefly why' },
      ]);
    });

    it('refuses text PostgreSQL cannot store or that is not valid Unicode, and stores nothing', async () => {
      const before = await http
        .get(`/api/governance/adrs/${PROPOSED}/opinions/history`)
        .set(as.user(ADA));
      for (const [comment, message] of [
        ['a\u0000b', /remove control characters \(such as NUL\)/],
        ['bell\u0007', /remove control characters/],
        ['half \ud800 a pair', /not valid Unicode text/],
      ] as const) {
        const res = await put(ADA, PROPOSED, {
          stance: 'support',
          perspective: 'consumer',
          comment,
        });
        expect(res.status).toBe(400);
        expect(res.body.error.issues).toEqual([
          { path: '/body/comment', message: expect.stringMatching(message) },
        ]);
      }
      const after = await http
        .get(`/api/governance/adrs/${PROPOSED}/opinions/history`)
        .set(as.user(ADA));
      expect(after.body).toEqual(before.body);
    });

    it('takes opinions on proposed ADRs only, from users only', async () => {
      const body = { stance: 'support', perspective: 'legal', comment: 'Yes' };
      const closed = await put(LEO, ACCEPTED, body);
      expect(closed.status).toBe(409);
      expect(closed.body.error.message).toMatch(
        /is accepted; only proposed ADRs take opinions/,
      );
      expect((await put(LEO, 'decisions--nope', body)).status).toBe(404);
      const service = await http
        .put(`/api/governance/adrs/${PROPOSED}/opinions/mine`)
        .set(as.service())
        .send(body);
      expect(service.status).toBe(403);
      const nobody = await http
        .put(`/api/governance/adrs/${PROPOSED}/opinions/mine`)
        .set(as.nobody())
        .send(body);
      expect(nobody.status).toBe(401);
      const summary = await http
        .get(`/api/governance/adrs/${ACCEPTED}/opinions`)
        .set(as.user(LEO));
      expect(summary.body).toMatchObject({ items: [], open: false });
    });
  });

  describe('policies and checks on the demo data products', () => {
    const failingOf = (items: any[], id: string) =>
      items
        .find(p => p.id === id)
        .failing.map((f: any) => f.entityRef)
        .sort();

    it('reports compliance per policy with the parameters of the accepted ADR', async () => {
      const res = await http.get('/api/governance/policies').set(as.user(ADA));
      expect(res.status).toBe(200);
      const items = res.body.items;
      expect(items.map((p: any) => p.id)).toEqual([
        'personal-data-legal-basis',
        'output-ports-classified',
        'personal-data-max-duration',
        'no-broad-subjects-on-sensitive-ports',
        'owner-and-lifecycle',
        'freshness-sla',
      ]);
      const maxDuration = items.find(
        (p: any) => p.id === 'personal-data-max-duration',
      );
      // Superseded 0004 allowed P365D; accepted 0005 allows P180D.
      expect(maxDuration.adrs.map((a: any) => a.status)).toEqual([
        'accepted',
        'superseded',
      ]);
      expect(maxDuration).toMatchObject({ total: 6, compliant: 5 });
      // What a proposal form offers: the parameters the check takes.
      expect(maxDuration.parameters).toEqual([
        expect.objectContaining({ name: 'maxDuration', default: 'P180D' }),
      ]);
      expect(
        items.find((p: any) => p.id === 'freshness-sla'),
      ).not.toHaveProperty('parameters');
      expect(maxDuration.failing).toEqual([
        {
          entityRef: 'dataproduct:default/unemployment-history',
          title: 'Unemployment history (proposed)',
          message:
            'periods_v1: access.maxDuration P365D is longer than the allowed P180D',
        },
      ]);
      expect(failingOf(items, 'freshness-sla')).toEqual([
        'dataproduct:default/benefit-applications-stream',
        'dataproduct:default/unemployment-history',
      ]);
      expect(items.find((p: any) => p.id === 'freshness-sla').adrs).toEqual([
        expect.objectContaining({ id: PROPOSED, status: 'proposed' }),
      ]);
      for (const id of [
        'personal-data-legal-basis',
        'output-ports-classified',
        'no-broad-subjects-on-sensitive-ports',
        'owner-and-lifecycle',
      ]) {
        expect(failingOf(items, id)).toEqual([]);
      }
      expect(
        items.find((p: any) => p.id === 'no-broad-subjects-on-sensitive-ports'),
      ).toMatchObject({ total: 1, compliant: 1 });
      expect(
        items.find((p: any) => p.id === 'owner-and-lifecycle'),
      ).toMatchObject({ total: 10, compliant: 10 });
    });

    it('keeps the policies one ADR names with ?adrId=', async () => {
      const res = await http
        .get(`/api/governance/policies?adrId=${ACCEPTED}`)
        .set(as.user(ADA));
      expect(res.body.items.map((p: any) => p.id)).toEqual([
        'personal-data-max-duration',
      ]);
      const unknown = await http
        .get('/api/governance/policies?adrId=decisions--nope')
        .set(as.user(ADA));
      expect(unknown.status).toBe(404);
    });

    it("gives one data product's checks", async () => {
      const res = await http
        .get(
          '/api/governance/checks?entityRef=dataproduct:default/unemployment-history',
        )
        .set(as.user(ADA));
      expect(res.status).toBe(200);
      const byPolicy = Object.fromEntries(
        res.body.items.map((c: any) => [c.policyId, c.passed]),
      );
      expect(byPolicy).toEqual({
        'personal-data-legal-basis': true,
        'output-ports-classified': true,
        'personal-data-max-duration': false,
        'owner-and-lifecycle': true,
        'freshness-sla': false,
      });
      const check = res.body.items.find(
        (c: any) => c.policyId === 'personal-data-max-duration',
      );
      expect(check).toMatchObject({
        entityRef: 'dataproduct:default/unemployment-history',
        policy: { title: 'Access to personal data is time-limited' },
        adrs: [{ id: ACCEPTED, status: 'accepted' }, expect.anything()],
      });

      const sickLeave = await http
        .get('/api/governance/checks?entityRef=dataproduct:sick-leave-cases')
        .set(as.user(ADA));
      expect(sickLeave.body.items.every((c: any) => c.passed === true)).toBe(
        true,
      );
      expect(sickLeave.body.items).toHaveLength(6);
    });

    it('says what is wrong with an adrId before looking it up', async () => {
      for (const path of [
        '/adrs/decisions--a%00b',
        `/adrs/${'a'.repeat(256)}/opinions`,
        '/adrs/%F0%9F%A6%84/opinions/history',
        '/policies?adrId=..%2Fetc',
      ]) {
        const res = await http.get(`/api/governance${path}`).set(as.user(ADA));
        expect([path, res.status]).toEqual([path, 400]);
        expect(res.body.error.issues).toEqual([
          {
            path: expect.stringMatching(/^\/(params|query)\/adrId$/),
            message: expect.stringMatching(
              /must match pattern|must NOT have more than 255 characters/,
            ),
          },
        ]);
      }
    });

    it('says what is wrong with the entityRef', async () => {
      const missing = await http
        .get('/api/governance/checks')
        .set(as.user(ADA));
      expect(missing.status).toBe(400);
      expect(missing.body.error.issues).toEqual([
        {
          path: '/query/entityRef',
          message: "must have required property 'entityRef'",
        },
      ]);
      const unknown = await http
        .get('/api/governance/checks?entityRef=dataproduct:default/nope')
        .set(as.user(ADA));
      expect(unknown.status).toBe(404);
      const withNul = await http
        .get('/api/governance/checks?entityRef=dataproduct:default/a%00b')
        .set(as.user(ADA));
      expect(withNul.status).toBe(400);
      expect(withNul.body.error.issues).toEqual([
        { path: '/query/entityRef', message: expect.any(String) },
      ]);
      const long = await http
        .get(`/api/governance/checks?entityRef=${'a'.repeat(1001)}`)
        .set(as.user(ADA));
      expect(long.status).toBe(400);
      expect(long.body.error.issues).toEqual([
        {
          path: '/query/entityRef',
          message: 'must NOT have more than 1000 characters',
        },
      ]);
      const twice = await http
        .get('/api/governance/checks?entityRef=a&entityRef=b')
        .set(as.user(ADA));
      expect(twice.status).toBe(400);
      const unknownParameter = await http
        .get('/api/governance/policies?adrid=x')
        .set(as.user(ADA));
      expect(unknownParameter.body.error.issues).toEqual([
        { path: '/query/adrid', message: "Unknown query parameter 'adrid'" },
      ]);
    });
  });
});
