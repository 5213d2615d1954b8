import { createBackendModule } from '@backstage/backend-plugin-api';
import { eventsServiceRef, EventParams } from '@backstage/plugin-events-node';
import { ACCESS_REQUESTS_SIGNAL_CHANNEL } from '@datamesh-governance/plugin-data-products-common';
import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import {
  ADA,
  OLAV,
  requestBody,
  TEAM_BENEFITS,
} from '../__testUtils__/fixtures';
import { as, startDataProductsBackend } from '../__testUtils__/startBackend';
import { eventually } from '../__testUtils__/eventually';

jest.setTimeout(60_000);

const databases = createTestDatabases();

/**
 * What the plugin's signals service published: the real one puts signals on
 * the events bus, where the signals backend picks them up for the browsers.
 */
function signalsHeard(heard: unknown[]) {
  return createBackendModule({
    pluginId: 'data-products',
    moduleId: 'signal-probe',
    register(reg) {
      reg.registerInit({
        deps: { events: eventsServiceRef },
        async init({ events }) {
          await events.subscribe({
            id: 'signal-probe',
            topics: ['signals'],
            onEvent: async (event: EventParams) => {
              heard.push(event.eventPayload);
            },
          });
        },
      });
    },
  });
}

describe.each(databaseIds)('signals on %s', databaseId => {
  it('signals each change to the requester, the subject and the deciders, naming only the request', async () => {
    const heard: any[] = [];
    const { backend, http } = await startDataProductsBackend(
      databases,
      databaseId,
      undefined,
      { features: [signalsHeard(heard)] },
    );
    try {
      const created = await http
        .post('/api/data-products/requests')
        .set(as.user(ADA))
        .send({ ...requestBody(), subjectRef: 'group:default/team-analytics' });
      expect(created.status).toBe(201);
      const id = created.body.id;
      const approved = await http
        .post(`/api/data-products/requests/${id}/approve`)
        .set(as.user(OLAV))
        .send({});
      expect(approved.status).toBe(200);

      // A decision is signalled after its answer.
      const ours = await eventually(
        async () =>
          heard.filter(s => s.channel === ACCESS_REQUESTS_SIGNAL_CHANNEL),
        signals => signals.length >= 2,
      );
      expect(ours.map(s => s.message)).toEqual([
        { requestId: id, change: 'create', status: 'pending' },
        { requestId: id, change: 'approve', status: 'approved' },
      ]);
      for (const signal of ours) {
        expect(signal.recipients.type).toBe('user');
        expect([...signal.recipients.entityRef].sort()).toEqual(
          [ADA, 'group:default/team-analytics', TEAM_BENEFITS].sort(),
        );
      }
    } finally {
      await backend.stop();
    }
  });
});
