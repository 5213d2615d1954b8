import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import { ADA, OLAV, requestBody } from '../__testUtils__/fixtures';
import { as, startDataProductsBackend } from '../__testUtils__/startBackend';
import { NOTIFICATION_TOPICS } from '../notifications/topics';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databaseIds)('what a decision sets off, on %s', databaseId => {
  it('answers before the notification goes out, and a stopping backend waits for it', async () => {
    // The notifications service holds every decision's notice until released.
    let release = () => {};
    const held = new Promise<void>(resolve => {
      release = resolve;
    });
    const delivered: NotificationSendOptions[] = [];
    const started: NotificationSendOptions[] = [];
    const notifications = createServiceFactory({
      service: notificationService,
      deps: {},
      factory: () => ({
        send: async notice => {
          if (notice.payload.topic !== NOTIFICATION_TOPICS.decision) return;
          started.push(notice);
          await held;
          delivered.push(notice);
        },
      }),
    });
    const { backend, http } = await startDataProductsBackend(
      databases,
      databaseId,
      undefined,
      { features: [notifications] },
    );
    let stopped = false;
    try {
      const created = await http
        .post('/api/data-products/requests')
        .set(as.user(ADA))
        .send(requestBody());
      expect(created.status).toBe(201);

      const approved = await http
        .post(`/api/data-products/requests/${created.body.id}/approve`)
        .set(as.user(OLAV))
        .send({});

      expect(approved.status).toBe(200);
      expect(approved.body.status).toBe('approved');
      expect(started).toHaveLength(1);
      expect(delivered).toEqual([]);

      const stopping = backend.stop().then(() => {
        stopped = true;
      });
      await new Promise(resolve => setTimeout(resolve, 200));
      expect(stopped).toBe(false);
      release();
      await stopping;
      expect(delivered.map(n => n.recipients)).toEqual([
        expect.objectContaining({ entityRef: ADA }),
      ]);
    } finally {
      release();
      if (!stopped) await backend.stop();
    }
  });
});
