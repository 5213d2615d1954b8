import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import {
  ADA,
  BO,
  days,
  EVE,
  OLAV,
  requestBody,
} from '../__testUtils__/fixtures';
import { as, startDataProductsBackend } from '../__testUtils__/startBackend';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const decisionsPort = requestBody();

describe.each(databaseIds)('the data-products API on %s', databaseId => {
  let http: Awaited<ReturnType<typeof startDataProductsBackend>>['http'];
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const started = await startDataProductsBackend(databases, databaseId);
    http = started.http;
    stop = () => started.backend.stop();
  });
  afterAll(() => stop?.());

  const create = (who: string, body: object, headers: object = {}) =>
    http
      .post('/api/data-products/requests')
      .set({ ...as.user(who), ...headers })
      .send(body);
  const decide = (who: string, id: string, action: string, body: object = {}) =>
    http
      .post(`/api/data-products/requests/${id}/${action}`)
      .set(as.user(who))
      .send(body);

  describe('legal bases', () => {
    it('searches the register by number and by words', async () => {
      const byNumber = await http
        .get('/api/data-products/legal-bases?q=B123')
        .set(as.user(ADA));
      expect(byNumber.status).toBe(200);
      expect(byNumber.body.items.map((a: any) => a.number)).toEqual(['B123']);
      const byWords = await http
        .get('/api/data-products/legal-bases?q=young unemployed')
        .set(as.user(ADA));
      expect(byWords.body.items[0]).toMatchObject({
        registerId: 'demo',
        id: 'follow-up',
      });
    });

    it('says what is missing without a query, and 404s an unknown activity', async () => {
      const empty = await http
        .get('/api/data-products/legal-bases')
        .set(as.user(ADA));
      expect(empty.status).toBe(400);
      expect(empty.body.error.message).toMatch(/Give q/);
      const unknown = await http
        .get('/api/data-products/legal-bases/demo/nope')
        .set(as.user(ADA));
      expect(unknown.status).toBe(404);
    });
  });

  describe('asking for access', () => {
    it('files a pending request with the legal basis as pointer and snapshot', async () => {
      const res = await create(ADA, decisionsPort);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        status: 'pending',
        requesterRef: ADA,
        subjectRef: ADA,
        approvalMode: 'required',
        legalBasis: {
          registerId: 'demo',
          id: 'follow-up',
          number: 'B123',
          art6Basis: 'ART61E',
        },
      });
      expect(res.body.legalBasis.capturedAt).toBeDefined();

      const duplicate = await create(ADA, decisionsPort);
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.error.message).toMatch(
        /already have an open request/,
      );
    });

    it('refuses fields that are not its to set (no mass assignment)', async () => {
      const res = await create(EVE, {
        ...decisionsPort,
        requesterRef: OLAV,
        status: 'approved',
      });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(
        /unknown fields requesterRef, status/,
      );
    });

    it.each([
      [{ legalBasis: undefined }, /legalBasis is required/],
      [
        { legalBasis: { registerId: 'demo', activityId: 'nope' } },
        /no processing activity "nope"/,
      ],
      [
        { legalBasis: { registerId: 'demo', activityId: 'draft' } },
        /IN_PROGRESS, not in force/,
      ],
      [
        { legalBasis: { registerId: 'demo', activityId: 'ending-soon' } },
        /valid until .* before the end date/,
      ],
      [{ endsAt: days(100).toISOString() }, /lasts at most P90D/],
      [{ endsAt: days(-1).toISOString() }, /endsAt must be in the future/],
      [{ acceptTerms: false }, /terms of use of the port must be accepted/],
      [{ purpose: 'x' }, /purpose: say in a sentence/],
      [{ outputPort: 'nope' }, /"nope" is not an output port/],
    ])('refuses %j with a clear message', async (change, message) => {
      const res = await create(EVE, { ...decisionsPort, ...change });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
    });

    it('requires an Art. 9(2) basis for special categories', async () => {
      const sickLeave = {
        ...decisionsPort,
        entityRef: 'dataproduct:default/sick-leave',
        outputPort: 'cases_v1',
        endsAt: days(20).toISOString(),
      };
      const without = await create(EVE, sickLeave);
      expect(without.status).toBe(400);
      expect(without.body.error.message).toMatch(
        /special categories .* no Art\. 9\(2\) basis/,
      );
      const withArt9 = await create(EVE, {
        ...sickLeave,
        legalBasis: { registerId: 'demo', activityId: 'health' },
      });
      expect(withArt9.status).toBe(201);
    });

    it('grants an automatic port at once, still audited', async () => {
      const res = await create(ADA, {
        ...decisionsPort,
        outputPort: 'counts_v1',
        legalBasis: undefined,
      });
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('approved');
      const read = await http
        .get(`/api/data-products/requests/${res.body.id}`)
        .set(as.user(ADA));
      expect(read.body.audit.map((a: any) => a.action)).toEqual([
        'create',
        'approve',
      ]);
    });

    it('lets only my groups or services I own be the subject', async () => {
      const forGroup = await create(ADA, {
        ...decisionsPort,
        subjectRef: 'group:default/team-analytics',
      });
      expect(forGroup.status).toBe(201);
      const forService = await create(ADA, {
        ...decisionsPort,
        subjectRef: 'component:default/analytics-workbench',
      });
      expect(forService.status).toBe(201);
      const forOther = await create(EVE, {
        ...decisionsPort,
        subjectRef: 'group:default/team-benefits',
      });
      expect(forOther.status).toBe(400);
      expect(forOther.body.error.message).toMatch(
        /yourself, your groups or the services you own/,
      );
    });

    it('is idempotent with the same key and body, and 422 with another body', async () => {
      const headers = { 'Idempotency-Key': 'ada-1' };
      const body = {
        ...decisionsPort,
        outputPort: 'counts_v1',
        legalBasis: undefined,
      };
      const first = await create(BO, body, headers);
      const second = await create(BO, body, headers);
      expect(first.status).toBe(201);
      expect(second.status).toBe(200);
      expect(second.body.id).toBe(first.body.id);
      const other = await create(
        BO,
        { ...body, purpose: 'Something else entirely, same key' },
        headers,
      );
      expect(other.status).toBe(422);
      expect(other.body.error.message).toMatch(
        /Idempotency-Key was used for a different request body/,
      );
    });
  });

  describe('deciding', () => {
    it('refuses self-approval even when the requester is an owner', async () => {
      const { body: request } = await create(BO, decisionsPort);
      const self = await decide(BO, request.id, 'approve');
      expect(self.status).toBe(403);
      expect(self.body.error.message).toMatch(/your own access request/);
      const owner = await decide(OLAV, request.id, 'approve', {
        reason: 'Fine',
      });
      expect(owner.status).toBe(200);
      expect(owner.body).toMatchObject({
        status: 'approved',
        decidedBy: OLAV,
        decidersAtDecision: ['group:default/team-benefits'],
      });
    });

    it('hides requests from people who may not read them, and refuses services', async () => {
      const { body: request } = await create(EVE, {
        ...decisionsPort,
        outputPort: 'counts_v1',
        legalBasis: undefined,
        purpose: 'Eve looks at counts for planning',
      });
      const other = await decide(ADA, request.id, 'revoke', { reason: 'no' });
      expect(other.status).toBe(404);
      const read = await http
        .get(`/api/data-products/requests/${request.id}`)
        .set(as.user(ADA));
      expect(read.status).toBe(404);
      const service = await http
        .post(`/api/data-products/requests/${request.id}/revoke`)
        .set(as.service())
        .send({ reason: 'automation' });
      expect(service.status).toBe(403);
    });

    it('needs a reason to reject, shortens on approval only, and 409s the loser', async () => {
      const { body: request } = await create(EVE, decisionsPort);
      const noReason = await decide(OLAV, request.id, 'reject', {});
      expect(noReason.status).toBe(400);
      expect(noReason.body.error.message).toMatch(/reason/);
      const longer = await decide(OLAV, request.id, 'approve', {
        endsAt: days(60).toISOString(),
      });
      expect(longer.status).toBe(400);
      const shorter = await decide(OLAV, request.id, 'approve', {
        endsAt: days(7).toISOString(),
      });
      expect(shorter.status).toBe(200);
      expect(new Date(shorter.body.endsAt).getTime()).toBeLessThan(
        days(8).getTime(),
      );
      const again = await decide(OLAV, request.id, 'reject', {
        reason: 'late',
      });
      expect(again.status).toBe(409);
      expect(again.body.error.message).toBe(
        'The request is approved; it cannot be rejected',
      );
    });

    it('decides in bulk, each item on its own', async () => {
      const { body: pending } = await create(BO, {
        ...decisionsPort,
        entityRef: 'dataproduct:default/sick-leave',
        outputPort: 'cases_v1',
        legalBasis: { registerId: 'demo', activityId: 'health' },
        endsAt: days(10).toISOString(),
      });
      const res = await http
        .post('/api/data-products/requests/decisions')
        .set(as.user(OLAV))
        .send({
          decisions: [
            {
              id: pending.id,
              action: 'reject',
              reason: 'Use the aggregated port',
            },
            { id: pending.id, action: 'approve' },
            { id: '00000000-0000-4000-8000-000000000000', action: 'approve' },
          ],
        });
      expect(res.status).toBe(200);
      expect(
        res.body.results.map((r: any) => [r.ok, r.status ?? r.request.status]),
      ).toEqual([
        [true, 'rejected'],
        [false, 409],
        [false, 404],
      ]);
    });

    it('lets only the requester cancel, and keeps the audit trail', async () => {
      const { body: request } = await create(OLAV, {
        ...decisionsPort,
        entityRef: 'dataproduct:default/sick-leave',
        outputPort: 'cases_v1',
        legalBasis: { registerId: 'demo', activityId: 'health' },
        endsAt: days(10).toISOString(),
      });
      const byOther = await http
        .post(`/api/data-products/requests/${request.id}/cancel`)
        .set(as.user(BO))
        .send({});
      expect(byOther.status).toBe(403);
      const bySelf = await http
        .post(`/api/data-products/requests/${request.id}/cancel`)
        .set(as.user(OLAV))
        .send({});
      expect(bySelf.status).toBe(200);
      const read = await http
        .get(`/api/data-products/requests/${request.id}`)
        .set(as.user(OLAV));
      expect(read.body.status).toBe('cancelled');
      expect(
        read.body.audit.map((a: any) => `${a.action}:${a.actorRef}`),
      ).toEqual([`create:${OLAV}`, `cancel:${OLAV}`]);
    });
  });

  describe('lists', () => {
    it('shows owners their queue and consumers their own, never others', async () => {
      const queue = await http
        .get(
          '/api/data-products/requests?role=approver&status=pending&limit=100',
        )
        .set(as.user(OLAV));
      expect(queue.status).toBe(200);
      expect(queue.body.items.length).toBeGreaterThan(0);
      expect(
        queue.body.items.every(
          (r: any) => r.requesterRef !== OLAV && r.status === 'pending',
        ),
      ).toBe(true);

      const eve = await http
        .get('/api/data-products/requests?limit=100')
        .set(as.user(EVE));
      expect(
        eve.body.items.every(
          (r: any) => r.requesterRef === EVE || r.subjectRef === EVE,
        ),
      ).toBe(true);

      const grants = await http
        .get(
          '/api/data-products/grants?entityRef=dataproduct:default/benefit-decisions',
        )
        .set(as.user(ADA));
      expect(grants.body.items.every((r: any) => r.status === 'approved')).toBe(
        true,
      );
    });

    it('refuses sort fields outside the allow-list and limits above 100', async () => {
      const sort = await http
        .get('/api/data-products/requests?sort=purpose')
        .set(as.user(ADA));
      expect(sort.status).toBe(400);
      const limit = await http
        .get('/api/data-products/requests?limit=1000')
        .set(as.user(ADA));
      expect(limit.status).toBe(400);
      expect(limit.body.error.message).toMatch(/limit/);
    });
  });
});
