import { createServiceFactory } from '@backstage/backend-plugin-api';
import { notificationService } from '@backstage/plugin-notifications-node';
import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import { NotificationRecorder } from '../__testUtils__/notificationRecorder';
import { as, startGovernanceBackend } from '../__testUtils__/startBackend';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const FORUM = 'group:default/governance-forum';
const ADA = 'user:default/ada.analyst';

/**
 * The plugin as installed: its scheduled tasks, run through the scheduler,
 * with the repository's own decisions and the demo data products, tell
 * through the plugin's notification service (recorded here: the boundary).
 */
describe.each(databaseIds)('the notice tasks on %s', databaseId => {
  it('are global, tell the forum and the owners once, and feed the Governance tab', async () => {
    const recorder = new NotificationRecorder();
    const { scheduler, http } = await startGovernanceBackend({
      databases,
      databaseId,
      config: { governance: { forum: { group: FORUM } } },
      features: [
        createServiceFactory({
          service: notificationService,
          deps: {},
          factory: () => recorder,
        }),
      ],
    });

    const tasks = await scheduler.getScheduledTasks();
    expect(
      tasks
        .filter(t => t.id !== 'governance-adr-refresh')
        .map(t => [t.id, t.scope])
        .sort(),
    ).toEqual([
      ['governance-forum-notices', 'global'],
      ['governance-policy-sweep', 'global'],
      ['governance-proposer-digest', 'global'],
    ]);

    await scheduler.triggerTask('governance-forum-notices');
    await scheduler.triggerTask('governance-forum-notices');
    expect(recorder.summary()).toEqual([
      { to: FORUM, title: 'Proposed: Data products publish a freshness SLA' },
    ]);

    await scheduler.triggerTask('governance-policy-sweep');
    const failing = recorder.sent.slice(1);
    expect(failing.length).toBeGreaterThan(0);
    for (const notice of failing) {
      expect(notice.payload.topic).toBe('governance:policy-failing');
      expect(notice.recipients).toEqual({
        type: 'entity',
        entityRef: [expect.stringMatching(/^group:default\/team-/)],
      });
      // The proposed freshness rule is not enforced: nobody is told of it.
      expect(notice.payload.title).not.toContain('freshness');
    }
    await scheduler.triggerTask('governance-policy-sweep');
    expect(recorder.sent).toHaveLength(1 + failing.length);

    // The product named first shows since when it fails on its Governance tab.
    const link = failing[0].payload.link!;
    const [, namespace, kind, name] = link.match(
      /^\/catalog\/([^/]+)\/([^/]+)\/([^/]+)\/governance$/,
    )!;
    const checks = await http
      .get(`/api/governance/checks`)
      .query({ entityRef: `${kind}:${namespace}/${name}` })
      .set(as.user(ADA));
    expect(checks.status).toBe(200);
    const enforcedFailures = checks.body.items.filter(
      (c: { passed: boolean; enforcement: string }) =>
        !c.passed && c.enforcement === 'enforced',
    );
    expect(enforcedFailures.length).toBeGreaterThan(0);
    for (const check of enforcedFailures) {
      expect(Date.parse(check.failingSince)).toBeGreaterThan(
        Date.now() - 60_000,
      );
    }
  });
});
