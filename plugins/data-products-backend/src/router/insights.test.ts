import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  LegalBasisSnapshot,
  reportReadPermission,
} from '@datamesh-governance/plugin-data-products-common';
import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import { ADA, newRequest, OLAV } from '../__testUtils__/fixtures';
import { as, startDataProductsBackend } from '../__testUtils__/startBackend';
import { PastEvents } from '../database/PastEvents';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const API = '/api/data-products';
const LEO = 'user:default/leo';
const DECISIONS = 'dataproduct:default/benefit-decisions';
const SICK_LEAVE = 'dataproduct:default/sick-leave';
const day = (iso: string) => Date.parse(`${iso}T12:00:00Z`);

const followUp: LegalBasisSnapshot = {
  registerId: 'demo',
  id: 'follow-up',
  number: 'B123',
  name: 'Follow-up of young unemployed people',
  purposes: ['Follow-up'],
  art6Basis: 'ART61E',
  nationalLaw: 'NAV Act § 4',
  status: 'COMPLETED',
  link: 'https://register.example/B123',
  capturedAt: '2026-01-01T00:00:00.000Z',
};

/**
 * - revoked: approved 2026-01-10, revoked 2026-02-10 (personal port);
 * - current: approved 2026-03-01, active (special-category port), its
 *   purpose a formula;
 * - public: approved 2026-01-05 on a public port, no legal basis.
 * - waiting: made 2026-03-02, pending.
 * - other: approved 2026-02-01, ended 2026-02-28 (personal port).
 */
async function seed(past: PastEvents) {
  const requester = (n: string) => `user:default/requester-${n}`;
  const revoked = await past.at(day('2026-01-08')).create(
    newRequest({
      requesterRef: requester('a'),
      subjectRef: requester('a'),
      legalBasis: followUp,
      endsAt: '2030-01-01T00:00:00Z',
    }),
  );
  await past.at(day('2026-01-10')).decide(revoked.id, 'approve', OLAV);
  await past.at(day('2026-02-10')).close(revoked.id, 'revoke', OLAV);

  const current = await past.at(day('2026-02-27')).create(
    newRequest({
      entityRef: SICK_LEAVE,
      outputPort: 'cases_v1',
      requesterRef: requester('b'),
      subjectRef: requester('b'),
      purpose: '=HYPERLINK("http://evil.example","click")',
      legalBasis: {
        ...followUp,
        id: 'health',
        number: 'B230',
        name: 'Health follow-up',
        art9Basis: 'ART92H',
      },
      endsAt: '2030-01-01T00:00:00Z',
    }),
  );
  await past.at(day('2026-03-01')).decide(current.id, 'approve', OLAV);
  await past.at(day('2026-03-01') + 60_000).provisioned(current.id);

  const open = await past.at(day('2026-01-04')).create(
    newRequest({
      outputPort: 'counts_v1',
      requesterRef: requester('c'),
      subjectRef: requester('c'),
      endsAt: '2030-01-01T00:00:00Z',
    }),
  );
  await past.at(day('2026-01-05')).decide(open.id, 'approve', OLAV);
  await past.at(day('2026-03-02')).create(
    newRequest({
      requesterRef: requester('d'),
      subjectRef: requester('d'),
      endsAt: '2030-01-01T00:00:00Z',
    }),
  );
  const other = await past.at(day('2026-01-30')).create(
    newRequest({
      requesterRef: requester('e'),
      subjectRef: requester('e'),
      legalBasis: followUp,
      endsAt: '2026-02-28T00:00:00Z',
    }),
  );
  await past.at(day('2026-02-01')).decide(other.id, 'approve', OLAV);
  return { revoked, current, other };
}

describe.each(databaseIds)('insights routes on %s', databaseId => {
  let http: Awaited<ReturnType<typeof startDataProductsBackend>>['http'];
  let stop: () => Promise<void>;
  let ids: { revoked: string; current: string; other: string };

  beforeAll(async () => {
    // Leo is the privacy officer; everyone else is refused the report.
    const permissions = mockServices.permissions.mock({
      authorize: async (requests, options) =>
        requests.map(request => ({
          result:
            'permission' in request &&
            request.permission.name === reportReadPermission.name &&
            (options?.credentials.principal as { userEntityRef?: string })
              ?.userEntityRef !== LEO
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        })),
      authorizeConditional: async requests =>
        requests.map(() => ({ result: AuthorizeResult.ALLOW })),
    });
    const started = await startDataProductsBackend(
      databases,
      databaseId,
      undefined,
      { features: [permissions.factory] },
    );
    http = started.http;
    stop = () => started.backend.stop();
    const seeded = await seed(new PastEvents(started.knex));
    ids = {
      revoked: seeded.revoked.id,
      current: seeded.current.id,
      other: seeded.other.id,
    };
  });
  afterAll(() => stop?.());

  const report = (query: Record<string, string>, who = LEO) =>
    http
      .get(`${API}/reports/personal-data-access`)
      .query(query)
      .set(as.user(who));

  describe('GET /reports/personal-data-access', () => {
    it('shows a grant between its approval and its revocation, with its activity', async () => {
      const res = await report({ at: '2026-01-20' });
      expect(res.status).toBe(200);
      expect(res.body.at).toBe('2026-01-20T23:59:59.999Z');
      expect(res.body.items).toEqual([
        {
          requestId: ids.revoked,
          entityRef: DECISIONS,
          outputPort: 'decisions_v1',
          subjectRef: 'user:default/requester-a',
          requesterRef: 'user:default/requester-a',
          purpose: 'Statistics on decisions for the yearly report',
          activity: {
            registerId: 'demo',
            activityId: 'follow-up',
            number: 'B123',
            name: 'Follow-up of young unemployed people',
            art6Basis: 'ART61E',
            nationalLaw: 'NAV Act § 4',
            link: 'https://register.example/B123',
          },
          approvedAt: '2026-01-10T12:00:00.000Z',
          approvedBy: OLAV,
          endsAt: '2030-01-01T00:00:00.000Z',
          provisioning: expect.objectContaining({ state: 'revoking' }),
        },
      ]);
      expect(res.body.activities).toEqual([
        {
          registerId: 'demo',
          activityId: 'follow-up',
          name: 'Follow-up of young unemployed people',
          ports: [{ entityRef: DECISIONS, outputPort: 'decisions_v1' }],
        },
      ]);
    });

    it('hides it after the revocation and before the approval, and shows later grants only from their approval', async () => {
      const ids_ = async (at: string) =>
        (await report({ at })).body.items.map(
          (i: { requestId: string }) => i.requestId,
        );
      expect(await ids_('2026-02-20')).toEqual([ids.other]);
      expect(await ids_('2026-01-09')).toEqual([]);
      expect(await ids_('2026-01-10T12:00:00Z')).toEqual([ids.revoked]);
      expect(await ids_('2026-02-10T11:59:59Z')).toEqual([
        ids.other,
        ids.revoked,
      ]);
      expect(await ids_('2026-02-10T12:00:00Z')).toEqual([ids.other]);
      // Past its end a grant is gone, swept or not.
      expect(await ids_('2026-02-28')).toEqual([]);
      expect(await ids_('2026-03-05')).toEqual([ids.current]);
      // Today: the port without a legal basis is never in the report.
      const now = await report({});
      expect(now.body.items.map((i: any) => i.requestId)).toEqual([
        ids.current,
      ]);
      expect(now.body.items[0]).toMatchObject({
        activity: { activityId: 'health', art9Basis: 'ART92H' },
        provisioning: { state: 'applied' },
      });
    });

    it('pages with a cursor, newest approval first, activities with the first page', async () => {
      const first = await report({ at: '2026-02-05', limit: '1' });
      expect(first.body.items.map((i: any) => i.requestId)).toEqual([
        ids.other,
      ]);
      expect(first.body.activities).toEqual([
        expect.objectContaining({
          activityId: 'follow-up',
          ports: [{ entityRef: DECISIONS, outputPort: 'decisions_v1' }],
        }),
      ]);
      const second = await report({
        at: '2026-02-05',
        limit: '1',
        cursor: first.body.nextCursor,
      });
      expect(second.body.items.map((i: any) => i.requestId)).toEqual([
        ids.revoked,
      ]);
      expect(second.body.nextCursor).toBeUndefined();
      expect(second.body.activities).toEqual([]);
    });

    it('answers CSV with every row, formulas made plain text', async () => {
      const res = await report({ at: '2026-03-05', format: 'csv' });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="personal-data-access-2026-03-05.csv"',
      );
      const lines = res.text.trim().split('\r\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^"Data product","Output port","Subject"/);
      expect(lines[1]).toContain(
        `"'=HYPERLINK(""http://evil.example"",""click"")"`,
      );
      expect(lines[1]).toContain('"ART92H"');
      expect(lines[1]).not.toMatch(/(^|,)"=/);
    });

    it('refuses everyone without the report permission', async () => {
      const res = await report({}, ADA);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/privacy officers/);
      expect((await report({ format: 'csv' }, ADA)).status).toBe(403);
    });

    it.each([
      [{ at: '2999-01-01' }, /at: must not be in the future/],
      [{ at: 'yesterday' }, /at: give at as an ISO 8601 date/],
      [{ format: 'xlsx' }, /format: must be json or csv/],
      [{ cursor: 'not-a-cursor' }, /cursor is not one this API handed out/],
    ])('is a 400 for %j', async (query, message) => {
      const res = await report(query);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
    });
  });

  describe('GET /metrics', () => {
    const metrics = (query: Record<string, string>) =>
      http.get(`${API}/metrics`).query(query).set(as.user(ADA));

    it('answers every signed-in user by month, naming no requester', async () => {
      const res = await metrics({ from: '2026-01-01', to: '2026-04-01' });
      expect(res.status).toBe(200);
      expect(res.body.totals).toMatchObject({
        created: 5,
        decided: 4,
        approved: 4,
        revoked: 1,
        open: 1,
        timeToDecision: { medianSeconds: 2 * 86400 },
        timeToProvisioned: { medianSeconds: 60, p90Seconds: 60 },
      });
      expect(res.body.groups.map((g: any) => g.key)).toEqual([
        '2026-01',
        '2026-02',
        '2026-03',
      ]);
      expect(JSON.stringify(res.body)).not.toMatch(/requester-/);
    });

    it('filters by owner, classification and product through the catalog, and groups by owner', async () => {
      const sensitive = await metrics({
        from: '2026-01-01',
        to: '2026-04-01',
        groupBy: 'product',
        classification: 'sensitive',
      });
      expect(
        sensitive.body.groups.map((g: any) => [g.key, g.figures.created]),
      ).toEqual([[SICK_LEAVE, 1]]);
      const byOwner = await metrics({
        from: '2026-01-01',
        to: '2026-04-01',
        groupBy: 'owner',
        owner: 'group:team-benefits',
      });
      expect(
        byOwner.body.groups.map((g: any) => [g.key, g.figures.created]),
      ).toEqual([['group:default/team-benefits', 5]]);
      const other = await metrics({
        from: '2026-01-01',
        to: '2026-04-01',
        owner: 'group:default/team-other',
      });
      expect(other.body.totals.created).toBe(0);
      const one = await metrics({
        from: '2026-01-01',
        to: '2026-04-01',
        groupBy: 'product',
        entityRef: SICK_LEAVE,
      });
      expect(one.body.groups.map((g: any) => g.key)).toEqual([SICK_LEAVE]);
    });

    it.each([
      [{ to: '2026-02-01' }, /from: give from as an ISO 8601 date/],
      [{ from: '2026-02-01', to: '2026-01-01' }, /to: must be after from/],
      [
        { from: '2020-01-01', to: '2023-01-02' },
        /to: must be at most 3 years after from/,
      ],
      [
        { from: '2026-01-01', to: '2026-02-01', groupBy: 'week' },
        /groupBy: must be month, product or owner/,
      ],
      [
        { from: '2026-01-01', to: '2026-02-01', owner: 'not a ref' },
        /owner: must be an entity ref/,
      ],
    ])('is a 400 for %j', async (query, message) => {
      const res = await metrics(query);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
    });

    it('is for signed-in users only', async () => {
      const res = await http
        .get(`${API}/metrics`)
        .query({ from: '2026-01-01', to: '2026-02-01' })
        .set(as.service());
      expect(res.status).toBe(403);
    });
  });
});
