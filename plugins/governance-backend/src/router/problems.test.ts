import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import { governancePolicyDecision } from '@datamesh-governance/plugin-governance-node';
import {
  cpSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import { as, startGovernanceBackend } from '../__testUtils__/startBackend';
import { ADR_REFRESH_TASK_ID } from '../plugin';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const ADA = 'user:default/ada.analyst';
const EMMA = 'user:default/emma.employment';
const LEO = 'user:default/leo.legal';
const FORUM = 'group:default/governance-forum';
const PROPOSED = 'decisions--0008-data-products-publish-a-freshness-sla';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const base = '/api/governance';

const problem = {
  title: 'Nobody knows how fresh the applications stream is',
  description: 'Consumers poll it every minute to find out.',
  entityRefs: [
    'dataproduct:default/benefit-applications-stream',
    'domain:default/employment',
  ],
};

/** The permission service deciding with the portal's governance rules; Leo is in the forum. */
const governancePolicy = mockServices.permissions.mock({
  authorize: async (requests, { credentials }) =>
    requests.map(({ permission }) => {
      const ref = (credentials.principal as { userEntityRef?: string })
        .userEntityRef;
      const user: PolicyQueryUser | undefined = ref
        ? {
            credentials: credentials as PolicyQueryUser['credentials'],
            info: {
              userEntityRef: ref,
              ownershipEntityRefs: ref === LEO ? [ref, FORUM] : [ref],
            },
          }
        : undefined;
      const decision = governancePolicyDecision({ permission }, user, {
        forumGroup: FORUM,
      });
      return {
        result:
          decision?.result === AuthorizeResult.ALLOW
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      };
    }),
});

describe.each(databaseIds)('the problems API on %s', databaseId => {
  const events: Array<{
    eventId: string;
    severityLevel?: string;
    meta?: object;
    outcome?: string;
    outcomeMeta?: object;
  }> = [];
  const auditor = mockServices.auditor.mock({
    createEvent: async ({ eventId, severityLevel, meta }) => {
      const event: (typeof events)[number] = { eventId, severityLevel, meta };
      events.push(event);
      return {
        success: async options => {
          event.outcome = 'success';
          event.outcomeMeta = options?.meta;
        },
        fail: async () => {
          event.outcome = 'fail';
        },
      };
    },
  });
  let started: Awaited<ReturnType<typeof startGovernanceBackend>>;
  let folder: string;

  beforeAll(async () => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'governance-problems-'));
    cpSync(
      path.resolve(__dirname, '../../../../governance/decisions'),
      folder,
      {
        recursive: true,
      },
    );
    started = await startGovernanceBackend({
      databases,
      databaseId,
      config: {
        governance: {
          adrs: {
            locations: [{ id: 'decisions', target: folder, forum: true }],
          },
        },
      },
      features: [governancePolicy.factory, auditor.factory],
    });
  });
  afterAll(async () => {
    await started?.backend.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  const http = () => started.http;
  const raise = (who: string, body: object = problem) =>
    http().post(`${base}/problems`).set(as.user(who)).send(body);
  const rows = async () =>
    JSON.stringify(
      await started.knex('governance_problem_events').orderBy('id'),
    );

  it('lets anyone signed in raise a problem, as themselves', async () => {
    const res = await raise(ADA, {
      ...problem,
      entityRefs: [
        ...problem.entityRefs,
        'DataProduct:default/benefit-applications-stream',
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      title: problem.title,
      raisedBy: ADA,
      status: 'open',
      supportCount: 0,
      supportedByMe: false,
      // Refs in lower case, each once.
      entityRefs: problem.entityRefs,
    });
    const read = await http()
      .get(`${base}/problems/${res.body.id}`)
      .set(as.service());
    expect(read.body).toEqual(res.body);
  });

  it.each([
    [
      'a NUL byte in the title',
      { title: 'fresh\u0000ness' },
      /\/body\/title: remove control characters/,
    ],
    [
      'a 10k-character title',
      { title: 'x'.repeat(10_000) },
      /\/body\/title: .*200/,
    ],
    [
      'a ref that is no ref',
      { entityRefs: ['benefit-decisions'] },
      /\/body\/entityRefs\/0: not a data product or domain ref/,
    ],
    [
      'a component ref',
      { entityRefs: ['component:default/x'] },
      /\/body\/entityRefs\/0/,
    ],
    ['an unknown field', { raisedBy: EMMA }, /unknown field raisedBy/],
    [
      'a blank description',
      { description: '   ' },
      /\/body\/description: write a description/,
    ],
  ])(
    'refuses %s with a 400 that says what is wrong, storing nothing',
    async (_name, change, message) => {
      const before = await rows();
      const res = await raise(ADA, { ...problem, ...change });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
      expect(await rows()).toBe(before);
    },
  );

  it('counts one support per person, withdrawable, and says whose it is', async () => {
    const { id } = (await raise(ADA)).body;
    const support = () =>
      http().put(`${base}/problems/${id}/support`).set(as.user(EMMA));
    const [first, second] = await Promise.all([support(), support()]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const mine = await http().get(`${base}/problems/${id}`).set(as.user(EMMA));
    expect(mine.body).toMatchObject({ supportCount: 1, supportedByMe: true });
    const ada = await http().get(`${base}/problems/${id}`).set(as.user(ADA));
    expect(ada.body).toMatchObject({ supportCount: 1, supportedByMe: false });

    const withdrawn = await http()
      .delete(`${base}/problems/${id}/support`)
      .set(as.user(EMMA));
    expect(withdrawn.body).toMatchObject({
      supportCount: 0,
      supportedByMe: false,
    });
  });

  it('lists by support, most first, then newest, a page at a time', async () => {
    const quiet = (await raise(ADA, { ...problem, title: 'Quiet' })).body;
    const loud = (await raise(ADA, { ...problem, title: 'Loud' })).body;
    for (const who of [ADA, EMMA, LEO]) {
      await http().put(`${base}/problems/${loud.id}/support`).set(as.user(who));
    }
    const first = await http()
      .get(`${base}/problems?limit=1`)
      .set(as.user(EMMA));
    expect(first.status).toBe(200);
    expect(
      first.body.items.map((p: any) => [
        p.title,
        p.supportCount,
        p.supportedByMe,
      ]),
    ).toEqual([['Loud', 3, true]]);
    const all: any[] = [...first.body.items];
    let cursor = first.body.nextCursor;
    while (cursor) {
      const page = await http()
        .get(`${base}/problems?limit=2&cursor=${cursor}`)
        .set(as.user(EMMA));
      expect(page.status).toBe(200);
      all.push(...page.body.items);
      cursor = page.body.nextCursor;
    }
    const counts = all.map(p => p.supportCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const zero = all.filter(p => p.supportCount === 0).map(p => p.id);
    expect(zero.indexOf(quiet.id)).toBe(0);

    for (const query of [
      'limit=0',
      'limit=101',
      'cursor=nope',
      'status=pending',
      'order=asc',
    ]) {
      const res = await http()
        .get(`${base}/problems?${query}`)
        .set(as.user(ADA));
      expect([query, res.status]).toEqual([query, 400]);
    }
  });

  it("lets the forum link a problem to an ADR, showing the ADR's current status from its file", async () => {
    const { id } = (await raise(ADA)).body;
    const linked = await http()
      .put(`${base}/problems/${id}/adr`)
      .set(as.user(LEO))
      .send({ adrId: PROPOSED });
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({
      adr: { id: PROPOSED, status: 'proposed', found: true },
      linkedBy: LEO,
    });

    const file = path.join(
      folder,
      '0008-data-products-publish-a-freshness-sla.md',
    );
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        'status: proposed',
        'status: accepted',
      ),
    );
    await started.scheduler.triggerTask(ADR_REFRESH_TASK_ID);
    const read = await http().get(`${base}/problems/${id}`).set(as.user(ADA));
    expect(read.body.adr).toMatchObject({ id: PROPOSED, status: 'accepted' });

    const unknownAdr = await http()
      .put(`${base}/problems/${id}/adr`)
      .set(as.user(LEO))
      .send({ adrId: 'decisions--nope' });
    expect(unknownAdr.status).toBe(400);
    expect(unknownAdr.body.error.issues).toEqual([
      { path: '/body/adrId', message: 'no ADR decisions--nope is known' },
    ]);

    const unlinked = await http()
      .delete(`${base}/problems/${id}/adr`)
      .set(as.user(LEO));
    expect(unlinked.body.adr).toBeUndefined();
  });

  it('lets the forum close a problem with a reason, once, and then takes no support', async () => {
    const { id } = (await raise(ADA)).body;
    const close = (who: string, body: object = { reason: 'Out of scope' }) =>
      http().post(`${base}/problems/${id}/close`).set(as.user(who)).send(body);
    expect((await close(LEO, { reason: '' })).status).toBe(400);
    expect(
      (await close(LEO, { reason: 'x', why: 'y' })).body.error.message,
    ).toMatch(/unknown field why/);
    const closed = await close(LEO);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      status: 'closed',
      closedBy: LEO,
      closeReason: 'Out of scope',
    });
    expect((await close(LEO)).status).toBe(409);
    const support = await http()
      .put(`${base}/problems/${id}/support`)
      .set(as.user(EMMA));
    expect(support.status).toBe(409);
    const closedList = await http()
      .get(`${base}/problems?status=closed`)
      .set(as.user(ADA));
    expect(closedList.body.items.map((p: any) => p.id)).toContain(id);

    const history = await http()
      .get(`${base}/problems/${id}/history`)
      .set(as.user(ADA));
    expect(history.body.items.map((e: any) => [e.action, e.actorRef])).toEqual([
      ['raised', ADA],
      ['closed', LEO],
    ]);
    expect(history.body.items[1].reason).toBe('Out of scope');
  });

  describe('who may do what', () => {
    let id: string;
    beforeAll(async () => {
      id = (await raise(ADA)).body.id;
    });

    const routes = () => ({
      list: http().get(`${base}/problems`),
      get: http().get(`${base}/problems/${id}`),
      history: http().get(`${base}/problems/${id}/history`),
      raise: http().post(`${base}/problems`).send(problem),
      support: http().put(`${base}/problems/${id}/support`),
      withdraw: http().delete(`${base}/problems/${id}/support`),
      link: http().put(`${base}/problems/${id}/adr`).send({ adrId: PROPOSED }),
      unlink: http().delete(`${base}/problems/${id}/adr`),
      close: http()
        .post(`${base}/problems/${id}/close`)
        .send({ reason: 'done' }),
    });
    type Route = keyof ReturnType<typeof routes>;
    const matrix: Record<string, Record<Route, number>> = {
      anonymous: {
        list: 401,
        get: 401,
        history: 401,
        raise: 401,
        support: 401,
        withdraw: 401,
        link: 401,
        unlink: 401,
        close: 401,
      },
      service: {
        list: 200,
        get: 200,
        history: 200,
        raise: 403,
        support: 403,
        withdraw: 403,
        link: 403,
        unlink: 403,
        close: 403,
      },
      ada: {
        list: 200,
        get: 200,
        history: 200,
        raise: 201,
        support: 200,
        withdraw: 200,
        link: 403,
        unlink: 403,
        close: 403,
      },
      // Leo is in the forum; close comes last, so everything before it still applies.
      leo: {
        list: 200,
        get: 200,
        history: 200,
        raise: 201,
        support: 200,
        withdraw: 200,
        link: 200,
        unlink: 200,
        close: 200,
      },
    };
    const headers = {
      anonymous: as.nobody(),
      service: as.service(),
      ada: as.user(ADA),
      leo: as.user(LEO),
    };

    it.each(Object.keys(matrix))('answers %s as the matrix says', async who => {
      const expected = matrix[who];
      const actual: Record<string, number> = {};
      for (const [route, request] of Object.entries(routes())) {
        actual[route] = (
          await request.set(headers[who as keyof typeof headers])
        ).status;
      }
      expect(actual).toEqual(expected);
    });

    it('names the permission a non-forum member lacks', async () => {
      const res = await http()
        .put(`${base}/problems/${id}/adr`)
        .set(as.user(EMMA))
        .send({ adrId: PROPOSED });
      expect(res.body.error.message).toMatch(
        /may not link problems to ADRs \(governance.problem.manage/,
      );
    });

    it('answers 404 for an unknown problem and 400 for what cannot be an id', async () => {
      for (const [method, suffix] of [
        ['get', ''],
        ['get', '/history'],
        ['put', '/support'],
        ['delete', '/support'],
      ] as const) {
        const res = await http()
          [method](`${base}/problems/${UNKNOWN}${suffix}`)
          .set(as.user(ADA));
        expect([suffix, res.status]).toEqual([suffix, 404]);
      }
      const link = await http()
        .put(`${base}/problems/${UNKNOWN}/adr`)
        .set(as.user(LEO))
        .send({ adrId: PROPOSED });
      expect(link.status).toBe(404);
      const bad = await http()
        .get(`${base}/problems/not-a-uuid%00`)
        .set(as.user(ADA));
      expect(bad.status).toBe(400);
    });
  });

  it('audits every change as a medium auditor event, never with the free text', async () => {
    const ours = events.filter(e =>
      e.eventId.startsWith('governance-problem-'),
    );
    const ids = new Set(ours.map(e => e.eventId));
    expect([...ids].sort()).toEqual([
      'governance-problem-adr-link',
      'governance-problem-adr-unlink',
      'governance-problem-close',
      'governance-problem-raise',
      'governance-problem-support',
      'governance-problem-support-withdraw',
    ]);
    expect(ours.every(e => e.severityLevel === 'medium')).toBe(true);
    expect(ours.some(e => e.outcome === 'fail')).toBe(true);
    expect(JSON.stringify(ours)).not.toMatch(
      /poll it every minute|Out of scope/,
    );
  });
});
