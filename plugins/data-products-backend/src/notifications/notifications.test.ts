import {
  BackendFeature,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import {
  NotificationService,
  notificationService,
} from '@backstage/plugin-notifications-node';
import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import {
  ADA,
  BO,
  days,
  EVE,
  OLAV,
  requestBody,
} from '../__testUtils__/fixtures';
import { as } from '../__testUtils__/startBackend';
import { AccessRequestStore } from '../database/AccessRequestStore';
import { AccessRequestChanges } from '../service/changes';
import { sweepEndingSoon } from './endingSoon';
import { notifyChanges } from './notifyChanges';
import { eventually } from '../__testUtils__/eventually';
import { NOTIFICATION_TOPICS } from './topics';
import { startWithNotifications } from './__testUtils__/startWithNotifications';

jest.setTimeout(60_000);

const databases = createTestDatabases();

/** The deciding group with its members, for the notifications' recipient resolver. */
const teamBenefits: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-benefits', namespace: 'default' },
  spec: { type: 'team', children: [] },
  relations: [
    { type: 'hasMember', targetRef: OLAV },
    { type: 'hasMember', targetRef: BO },
  ],
};

/** The data-products plugin's own notification service, as its listeners get it. */
function probe(found: { notifications?: NotificationService }): BackendFeature {
  return createBackendModule({
    pluginId: 'data-products',
    moduleId: 'notification-probe',
    register(reg) {
      reg.registerInit({
        deps: { notifications: notificationService },
        async init({ notifications }) {
          found.notifications = notifications;
        },
      });
    },
  });
}

type Stored = {
  user: string;
  origin: string;
  payload: {
    title: string;
    description?: string;
    link?: string;
    topic?: string;
    scope?: string;
  };
};

describe.each(databaseIds)('notifications on %s', databaseId => {
  async function start() {
    const found: { notifications?: NotificationService } = {};
    const started = await startWithNotifications(databases, databaseId, {
      entities: [teamBenefits],
      features: [probe(found)],
    });
    const { http } = started;
    /** What the notifications backend stored for `user`, read as that user. */
    const inbox = async (user: string): Promise<Stored[]> => {
      const res = await http
        .get('/api/notifications/notifications')
        .set(as.user(user));
      expect(res.status).toBe(200);
      return res.body.notifications;
    };
    const ask = async (user: string, extra: object = {}) => {
      const res = await http
        .post('/api/data-products/requests')
        .set(as.user(user))
        .send({ ...requestBody(), ...extra });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const decide = async (
      user: string,
      id: string,
      action: string,
      body: object,
    ) => {
      const res = await http
        .post(`/api/data-products/requests/${id}/${action}`)
        .set(as.user(user))
        .send(body);
      expect(res.status).toBe(200);
    };
    return {
      ...started,
      notifications: found.notifications!,
      inbox,
      ask,
      decide,
    };
  }

  it('tells the deciders of a new request, but not the requester among them', async () => {
    const { backend, inbox, ask } = await start();
    try {
      // Bo asks, and is also in the deciding group.
      const id = await ask(BO, { subjectRef: BO });
      const [forOlav] = await inbox(OLAV);
      expect(forOlav).toMatchObject({
        user: OLAV,
        origin: 'plugin:data-products',
        payload: {
          title:
            'Access request waits for you: benefit-decisions / decisions_v1',
          link: '/catalog/default/dataproduct/benefit-decisions/requests',
          topic: NOTIFICATION_TOPICS.accessRequest,
          scope: `${id}:request`,
        },
      });
      expect(forOlav.payload.description).toContain(
        'Statistics on decisions for the yearly report',
      );
      expect(await inbox(BO)).toEqual([]);
      expect(await inbox(EVE)).toEqual([]);
    } finally {
      await backend.stop();
    }
  });

  it('tells the requester of a decision with its reason, and of a revocation', async () => {
    const { backend, inbox, ask, decide } = await start();
    try {
      const approved = await ask(ADA);
      await decide(OLAV, approved, 'approve', { reason: 'Fits the register' });
      await decide(OLAV, approved, 'revoke', { reason: 'Project ended' });
      const rejected = await ask(ADA, {
        outputPort: 'decisions_v1',
        endsAt: days(20).toISOString(),
        subjectRef: 'group:default/team-analytics',
      });
      await decide(OLAV, rejected, 'reject', { reason: 'Use the counts port' });

      // Told after the answers: read until all three have arrived.
      const told = await eventually(
        () => inbox(ADA),
        stored => stored.length >= 3,
      );
      const byScope = Object.fromEntries(
        told.map(n => [n.payload.scope, n.payload]),
      );
      expect(byScope[`${approved}:decision`]).toMatchObject({
        title: 'Access approved: benefit-decisions / decisions_v1',
        topic: NOTIFICATION_TOPICS.decision,
        link: '/catalog/default/dataproduct/benefit-decisions/access',
      });
      expect(byScope[`${approved}:decision`].description).toMatch(
        /^Approved by user:default\/olav for user:default\/ada until .*\. Reason: Fits the register$/,
      );
      expect(byScope[`${approved}:revocation`]).toMatchObject({
        title: 'Access revoked: benefit-decisions / decisions_v1',
        topic: NOTIFICATION_TOPICS.revocation,
        description:
          'Revoked by user:default/olav for user:default/ada. Reason: Project ended',
      });
      expect(byScope[`${rejected}:decision`]).toMatchObject({
        title: 'Access rejected: benefit-decisions / decisions_v1',
        description:
          'Rejected by user:default/olav. Reason: Use the counts port',
      });
      // The decider is not told of their own decisions.
      const olavs = (await inbox(OLAV)).map(n => n.payload.topic);
      expect(olavs).not.toContain(NOTIFICATION_TOPICS.decision);
      expect(olavs).not.toContain(NOTIFICATION_TOPICS.revocation);
    } finally {
      await backend.stop();
    }
  });

  it('tells the deciders when applying a grant failed', async () => {
    const { backend, inbox, ask, decide, knex, notifications } = await start();
    try {
      const id = await ask(ADA);
      await decide(OLAV, id, 'approve', {});
      const store = new AccessRequestStore(knex);
      // As the provisioning worker tells it.
      const changes = new AccessRequestChanges();
      changes.listen(notifyChanges(notifications, store));
      await changes.tell({
        kind: 'provisioning-failed',
        request: (await store.get(id))!,
        actorRef: 'plugin:data-products',
        error: 'password authentication failed for user "grants"',
      });
      for (const decider of [OLAV, BO]) {
        const failed = (await inbox(decider)).filter(
          n => n.payload.topic === NOTIFICATION_TOPICS.provisioning,
        );
        expect(failed).toHaveLength(1);
        expect(failed[0].payload).toMatchObject({
          link: '/catalog/default/dataproduct/benefit-decisions/requests',
          description:
            'Access for user:default/ada could not be applied: password authentication failed for user "grants". Retry it on the Requests tab.',
        });
      }
      expect((await inbox(ADA)).map(n => n.payload.topic)).not.toContain(
        NOTIFICATION_TOPICS.provisioning,
      );

      // Taking it back fails too: the same notification, now saying so.
      await decide(OLAV, id, 'revoke', { reason: 'Project ended' });
      await changes.tell({
        kind: 'provisioning-failed',
        request: (await store.get(id))!,
        actorRef: 'plugin:data-products',
        error: 'connection refused',
      });
      const [again, ...more] = (await inbox(OLAV)).filter(
        n => n.payload.topic === NOTIFICATION_TOPICS.provisioning,
      );
      expect(more).toEqual([]);
      expect(again.payload).toMatchObject({
        title: 'Taking back access failed: benefit-decisions / decisions_v1',
        description:
          'Access for user:default/ada could not be taken back: connection refused. Retry it on the Requests tab.',
      });
    } finally {
      await backend.stop();
    }
  });

  it('tells requester and deciders once that a grant ends soon, across sweeps and after a failed send', async () => {
    const { backend, inbox, ask, decide, knex, notifications } = await start();
    try {
      const soon = await ask(ADA, { endsAt: days(3).toISOString() });
      await decide(OLAV, soon, 'approve', {});
      const later = await ask(ADA, {
        subjectRef: 'group:default/team-analytics',
        endsAt: days(20).toISOString(),
      });
      await decide(OLAV, later, 'approve', {});
      const store = new AccessRequestStore(knex);
      const sweep = (sender: NotificationService) =>
        sweepEndingSoon({
          db: knex,
          store,
          notifications: sender,
          windowMs: 7 * 86_400_000,
          logger: mockServices.logger.mock(),
        });

      // Sending fails: nothing is recorded, the next sweep tries again.
      const down: NotificationService = {
        send: async () => {
          throw new Error('notifications are down');
        },
      };
      const logger = mockServices.logger.mock();
      expect(
        await sweepEndingSoon({
          db: knex,
          store,
          notifications: down,
          windowMs: 7 * 86_400_000,
          logger,
        }),
      ).toBe(0);
      expect(logger.warn).toHaveBeenCalledTimes(1);

      // Two replicas sweeping at once tell of the grant once between them.
      const [first, second] = await Promise.all([
        sweep(notifications),
        sweep(notifications),
      ]);
      expect(first + second).toBe(1);
      // A later sweep, as after a restart, sends nothing.
      expect(await sweep(notifications)).toBe(0);

      const endingSoon = async (user: string) =>
        (await inbox(user)).filter(
          n => n.payload.topic === NOTIFICATION_TOPICS.endingSoon,
        );
      const [forAda] = await endingSoon(ADA);
      expect(forAda.payload).toMatchObject({
        title: 'Access ends soon: benefit-decisions / decisions_v1',
        scope: `${soon}:ending-soon`,
        link: '/catalog/default/dataproduct/benefit-decisions/access',
      });
      expect(await endingSoon(ADA)).toHaveLength(1);
      for (const decider of [OLAV, BO]) {
        const told = await endingSoon(decider);
        expect(told).toHaveLength(1);
        expect(told[0].payload.link).toBe(
          '/catalog/default/dataproduct/benefit-decisions/requests',
        );
      }
    } finally {
      await backend.stop();
    }
  });
});
