import { mockServices } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import { adrFile, memoryAdrs } from '../__testUtils__/memoryAdrs';
import { NotificationRecorder } from '../__testUtils__/notificationRecorder';
import { MIGRATIONS_DIRECTORY } from '../database/migrations';
import { OpinionStore } from '../database/OpinionStore';
import { recentOpinions } from '../database/recentOpinions';
import { NoticeLog } from './NoticeLog';
import { notifyForum } from './notifyForum';
import { sendProposerDigests } from './proposerDigest';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const FORUM = 'group:default/governance-forum';
const PIA = 'user:default/pia.platform';
const LEO = 'user:default/leo.legal';
const BO = 'user:default/bo.business';
const ADA = 'user:default/ada.analyst';
const at = (iso: string) => Date.parse(iso);

/** The forum's folder: two proposals (one by Pia, due 2026-12-10), an accepted ADR, and a team's proposal. */
function folders() {
  return memoryAdrs([
    {
      id: 'decisions',
      trust: 'forum',
      files: [
        adrFile(
          '0009-freshness.md',
          {
            status: 'proposed',
            date: '2026-12-01',
            'opinions-due': '2026-12-10',
            proposer: PIA,
            policies: ['freshness-sla'],
          },
          'Data products publish a freshness SLA',
        ),
        adrFile(
          '0010-retention.md',
          { status: 'proposed', date: '2026-12-01', proposer: PIA },
          'Retention is declared',
        ),
        adrFile('0001-adrs.md', { status: 'accepted' }, 'Record decisions'),
      ],
    },
    {
      id: 'payments',
      trust: 'team',
      files: [
        adrFile(
          '0001-team.md',
          { status: 'proposed', 'opinions-due': '2026-12-10', proposer: ADA },
          'A team proposal',
        ),
      ],
    },
  ]);
}

describe.each(databaseIds)('forum notices on %s', databaseId => {
  let knex: Knex;
  let recorder: NotificationRecorder;
  const logger = mockServices.logger.mock();

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
    recorder = new NotificationRecorder();
  });

  async function runForum(now: number, log = new NoticeLog(knex, () => now)) {
    const { adrs } = folders();
    return notifyForum({
      adrs: (await adrs.index()).items,
      forumGroup: FORUM,
      reminderDaysBefore: 3,
      log,
      notifications: recorder,
      countOpinions: async adrId =>
        (await new OpinionStore(knex).list(adrId)).length,
      logger,
      now,
    });
  }

  it("tells the forum group once of each of the forum's proposals, even when two replicas race", async () => {
    const now = at('2026-12-01T09:00:00Z');
    const sent = await Promise.all([
      runForum(now, new NoticeLog(knex, () => now)),
      runForum(now, new NoticeLog(knex, () => now)),
    ]);
    expect(sent[0] + sent[1]).toBe(2);
    expect(recorder.summary()).toEqual(
      expect.arrayContaining([
        { to: FORUM, title: 'Proposed: Data products publish a freshness SLA' },
        { to: FORUM, title: 'Proposed: Retention is declared' },
      ]),
    );
    expect(recorder.sent).toHaveLength(2);
    expect(recorder.sent[0].payload).toMatchObject({
      link: expect.stringMatching(/^\/governance\/adrs\/decisions--00(09|10)/),
      topic: 'governance:adr-proposed',
    });
    const freshness = recorder.sent.find(n =>
      n.payload.title.includes('freshness'),
    )!;
    expect(freshness.payload.description).toBe(
      `A ground rule is proposed by ${PIA}. Share your opinion on it by 2026-12-10.`,
    );

    // A restart, a later run: nothing again.
    expect(await runForum(now + 3_600_000)).toBe(0);
    expect(recorder.sent).toHaveLength(2);
  });

  it('reminds the forum reminderDaysBefore days before opinions are due, once, with the count so far', async () => {
    await new OpinionStore(knex).record('decisions--0009-freshness', LEO, {
      stance: 'concern',
      perspective: 'legal',
      comment: 'Which unit?',
    });
    await runForum(at('2026-12-06T23:59:59Z'));
    const reminders = () =>
      recorder.sent.filter(n => n.payload.topic === 'governance:opinions-due');
    expect(reminders()).toEqual([]);

    await runForum(at('2026-12-07T00:00:00Z'));
    await runForum(at('2026-12-08T12:00:00Z'));
    expect(reminders()).toHaveLength(1);
    expect(reminders()[0]).toMatchObject({
      recipients: { type: 'entity', entityRef: FORUM },
      payload: {
        title: 'Opinions due 2026-12-10: Data products publish a freshness SLA',
        description:
          'Opinions on this proposal are due on 2026-12-10; 1 opinion has been recorded so far.',
      },
    });
  });

  it('does not remind after the due day, nor of proposals without a due date', async () => {
    await runForum(at('2026-12-11T00:00:00Z'));
    expect(
      recorder.sent.filter(n => n.payload.topic === 'governance:opinions-due'),
    ).toEqual([]);
  });

  it('tries again on the next run when sending failed', async () => {
    recorder.failNext();
    const now = at('2026-12-01T09:00:00Z');
    expect(await runForum(now)).toBe(1);
    expect(await runForum(now)).toBe(1);
    expect(recorder.sent).toHaveLength(2);
  });

  describe('the proposer digest', () => {
    const opinions = () => new OpinionStore(knex);
    async function digest(now: number, log = new NoticeLog(knex, () => now)) {
      const { adrs } = folders();
      return sendProposerDigests({
        adrs: (await adrs.index()).items,
        digestHour: 8,
        log,
        notifications: recorder,
        opinionsBetween: (ids, window) => recentOpinions(knex, ids, window),
        logger,
        now,
      });
    }

    it('sends nothing when there are no new opinions', async () => {
      expect(await digest(at('2026-12-02T09:00:00Z'))).toBe(0);
      // The proposer's own opinion is not news to them.
      await opinions().record(
        'decisions--0009-freshness',
        PIA,
        { stance: 'support', perspective: 'platform', comment: 'Mine.' },
        at('2026-12-02T10:00:00Z'),
      );
      expect(await digest(at('2026-12-03T09:00:00Z'))).toBe(0);
      expect(recorder.sent).toEqual([]);
    });

    it("sends one digest a day of the day's new opinions on all the proposer's proposals", async () => {
      const record = (adr: string, who: string, stance: any, iso: string) =>
        opinions().record(
          adr,
          who,
          {
            stance,
            perspective: who === LEO ? 'legal' : 'business',
            comment: `${stance} from ${who}`,
          },
          at(iso),
        );
      await record(
        'decisions--0009-freshness',
        LEO,
        'concern',
        '2026-12-01T10:00:00Z',
      );
      await record(
        'decisions--0009-freshness',
        LEO,
        'support',
        '2026-12-01T11:00:00Z',
      );
      await record(
        'decisions--0010-retention',
        BO,
        'object',
        '2026-12-01T12:00:00Z',
      );
      // Opinions on a team's proposal are not the forum's business.
      await record(
        'payments--0001-team',
        BO,
        'support',
        '2026-12-01T12:00:00Z',
      );

      // Before 08:00 UTC the day's digest is not due yet.
      expect(await digest(at('2026-12-02T07:59:00Z'))).toBe(0);
      expect(recorder.sent).toEqual([]);

      const [a, b] = await Promise.all([
        digest(at('2026-12-02T08:05:00Z')),
        digest(at('2026-12-02T08:05:00Z')),
      ]);
      expect(a + b).toBe(1);
      expect(await digest(at('2026-12-02T20:00:00Z'))).toBe(0);
      expect(recorder.sent).toHaveLength(1);
      expect(recorder.sent[0]).toEqual({
        recipients: { type: 'entity', entityRef: PIA },
        payload: {
          title: '2 new opinions on your proposals',
          description: [
            'Data products publish a freshness SLA — 1 new: leo.legal (legal, support): support from user:default/leo.legal',
            'Retention is declared — 1 new: bo.business (business, object): object from user:default/bo.business',
          ].join('\n'),
          link: '/governance',
          topic: 'governance:opinions-digest',
          scope: 'opinions-digest:2026-12-02',
          severity: 'low',
        },
      });

      // The next day holds only what came after 08:00 on the 2nd.
      await record(
        'decisions--0009-freshness',
        BO,
        'support',
        '2026-12-02T07:00:00Z',
      );
      expect(await digest(at('2026-12-03T09:00:00Z'))).toBe(0);
      await record(
        'decisions--0009-freshness',
        BO,
        'concern',
        '2026-12-02T09:00:00Z',
      );
      expect(await digest(at('2026-12-03T09:00:00Z'))).toBe(1);
      expect(recorder.sent[1].payload).toMatchObject({
        title: '1 new opinion on your proposals',
        link: '/governance/adrs/decisions--0009-freshness',
        description: expect.stringContaining('bo.business (business, concern)'),
      });
    });
  });
});
