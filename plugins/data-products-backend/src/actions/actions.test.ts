import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import { ADA, days, EVE, OLAV, requestBody } from '../__testUtils__/fixtures';
import { as, startDataProductsBackend } from '../__testUtils__/startBackend';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const ACTIONS = '/api/data-products/.backstage/actions/v1/actions';

describe.each(databaseIds)('the assistant actions on %s', databaseId => {
  let http: Awaited<ReturnType<typeof startDataProductsBackend>>['http'];
  let stop: () => Promise<void>;
  const events: Array<{ eventId: string; meta?: object }> = [];

  beforeAll(async () => {
    const auditor = mockServices.auditor.mock({
      createEvent: async options => {
        events.push(options);
        return { success: async () => {}, fail: async () => {} };
      },
    });
    const started = await startDataProductsBackend(
      databases,
      databaseId,
      undefined,
      { features: [auditor.factory] },
    );
    http = started.http;
    stop = () => started.backend.stop();
  });
  afterAll(() => stop?.());

  const invoke = (name: string, input: object, headers = as.user(ADA)) =>
    http
      .post(`${ACTIONS}/data-products:${name}/invoke`)
      .set(headers)
      .send(input);

  it('lists the actions with their schemas and no deciding action', async () => {
    const res = await http.get(ACTIONS).set(as.user(ADA));
    expect(res.status).toBe(200);
    const byName = Object.fromEntries(
      res.body.actions.map((a: any) => [a.name, a]),
    );
    expect(Object.keys(byName).sort()).toEqual([
      'find-data-products',
      'get-processing-activities',
      'list-decisions-waiting',
      'list-my-requests',
      'request-access',
    ]);
    for (const action of res.body.actions) {
      expect(action.name).not.toMatch(
        /approve|reject|revoke|cancel|decide|opinion/,
      );
      expect(action.description.length).toBeGreaterThan(100);
      expect(action.schema.input.type).toBe('object');
      expect(action.attributes.destructive).toBe(false);
    }
    expect(byName['request-access'].attributes).toEqual({
      readOnly: false,
      destructive: false,
      idempotent: false,
    });
    expect(byName['request-access'].schema.input.required).toEqual(
      expect.arrayContaining(['entityRef', 'outputPort', 'purpose']),
    );
    for (const name of ['find-data-products', 'list-my-requests']) {
      expect(byName[name].attributes.readOnly).toBe(true);
    }
  });

  it('finds data products by words and by the marketplace filters', async () => {
    const byText = await invoke('find-data-products', { text: 'sick' });
    expect(byText.status).toBe(200);
    expect(byText.body.output.items.map((p: any) => p.entityRef)).toEqual([
      'dataproduct:default/sick-leave',
    ]);
    expect(byText.body.output.items[0].outputPorts[0]).toMatchObject({
      name: 'cases_v1',
      personalData: true,
      specialCategories: true,
      approval: 'required',
      legalBasisRequired: true,
    });

    const auto = await invoke('find-data-products', { accessMode: ['auto'] });
    expect(auto.body.output.items.map((p: any) => p.entityRef)).toEqual([
      'dataproduct:default/benefit-decisions',
    ]);
    const special = await invoke('find-data-products', {
      personalData: ['special'],
    });
    expect(special.body.output.items.map((p: any) => p.entityRef)).toEqual([
      'dataproduct:default/sick-leave',
    ]);
    const none = await invoke('find-data-products', {
      personalData: ['none'],
    });
    expect(none.body.output).toMatchObject({ items: [], totalItems: 0 });

    const paged = await invoke('find-data-products', { limit: 1 });
    expect(paged.body.output.totalItems).toBe(2);
    const next = await invoke('find-data-products', {
      limit: 1,
      cursor: paged.body.output.nextCursor,
    });
    expect(next.body.output.items[0].entityRef).toBe(
      'dataproduct:default/sick-leave',
    );
  });

  it('looks up processing activities by number, words or id', async () => {
    const byNumber = await invoke('get-processing-activities', {
      text: 'B123',
    });
    expect(byNumber.status).toBe(200);
    expect(byNumber.body.output.items.map((a: any) => a.id)).toEqual([
      'follow-up',
    ]);
    const byId = await invoke('get-processing-activities', {
      registerId: 'demo',
      activityId: 'health',
    });
    expect(byId.body.output.items[0]).toMatchObject({
      number: 'B230',
      art9Basis: 'ART92H',
    });
    const nothing = await invoke('get-processing-activities', {});
    expect(nothing.status).toBe(400);
    expect(nothing.body.error.message).toMatch(/Give text/);
  });

  it('refuses a request without a legal basis with the form’s own field error', async () => {
    const { legalBasis: _none, ...body } = requestBody();
    const form = await http
      .post('/api/data-products/requests')
      .set(as.user(ADA))
      .send(body);
    expect(form.status).toBe(400);

    const action = await invoke('request-access', body);
    expect(action.status).toBe(400);
    expect(action.body.error.message).toBe(form.body.error.message);
    expect(action.body.error.message).toMatch(/legalBasis/);

    const tooLate = await invoke('request-access', {
      ...requestBody(),
      endsAt: days(400).toISOString(),
    });
    expect(tooLate.status).toBe(400);
    expect(tooLate.body.error.message).toMatch(/^endsAt /);
  });

  it('files a request for the person, marked as filed by an assistant and audited like the form', async () => {
    events.length = 0;
    const res = await invoke('request-access', {
      ...requestBody(),
      outputPort: 'decisions_v1',
    });
    expect(res.status).toBe(200);
    const request = res.body.output.request;
    expect(request).toMatchObject({
      requesterRef: ADA,
      subjectRef: ADA,
      status: 'pending',
      channel: 'assistant',
      legalBasis: { id: 'follow-up' },
    });
    expect(events).toEqual([
      expect.objectContaining({
        eventId: 'access-request-create',
        severityLevel: 'medium',
        meta: expect.objectContaining({
          entityRef: 'dataproduct:default/benefit-decisions',
          channel: 'assistant',
          actorRef: ADA,
        }),
      }),
    ]);
    const read = await http
      .get(`/api/data-products/requests/${request.id}`)
      .set(as.user(ADA));
    expect(read.body.channel).toBe('assistant');

    // The same access again, while this one is open: refused as the form is.
    const again = await invoke('request-access', requestBody());
    expect(again.status).toBe(409);

    // Filed in the portal, a request says so.
    const portal = await http
      .post('/api/data-products/requests')
      .set(as.user(EVE))
      .send(requestBody());
    expect(portal.body.channel).toBe('portal');
  });

  it('lists the person’s requests and finds no one else’s', async () => {
    const mine = await invoke('list-my-requests', {});
    expect(mine.status).toBe(200);
    const ids = mine.body.output.items.map((r: any) => r.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(
      mine.body.output.items.every((r: any) => r.requesterRef === ADA),
    ).toBe(true);

    const one = await invoke('list-my-requests', { requestId: ids[0] });
    expect(one.body.output.request).toMatchObject({ id: ids[0] });
    expect(one.body.output.request.audit).toHaveLength(1);

    const someoneElses = await invoke(
      'list-my-requests',
      { requestId: ids[0] },
      as.user(EVE),
    );
    expect(someoneElses.status).toBe(404);
    const evesOwn = await invoke('list-my-requests', {}, as.user(EVE));
    expect(evesOwn.body.output.items.map((r: any) => r.id)).not.toContain(
      ids[0],
    );

    const badId = await invoke('list-my-requests', { requestId: 'nope' });
    expect(badId.status).toBe(400);
  });

  it('lists the decisions waiting for an owner, and none for a consumer', async () => {
    const waiting = await invoke('list-decisions-waiting', {}, as.user(OLAV));
    expect(waiting.status).toBe(200);
    const items = waiting.body.output.items;
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(items.every((r: any) => r.status === 'pending')).toBe(true);
    expect(items.map((r: any) => r.requesterRef)).toEqual(
      expect.arrayContaining([ADA, EVE]),
    );
    const forAda = await invoke('list-decisions-waiting', {});
    expect(forAda.body.output.items).toEqual([]);
  });

  it('refuses a service acting for no one, and anonymous callers', async () => {
    for (const [name, input] of [
      ['find-data-products', {}],
      ['get-processing-activities', { text: 'B123' }],
      ['request-access', requestBody()],
      ['list-my-requests', {}],
      ['list-decisions-waiting', {}],
    ] as const) {
      const res = await invoke(name, input, as.service());
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/user token/);
    }
    const anonymous = await invoke(
      'list-my-requests',
      {},
      {
        Authorization: mockCredentials.none.header(),
      },
    );
    expect(anonymous.status).toBe(401);
  });

  it('rejects input that does not fit the schema before acting', async () => {
    const res = await invoke('request-access', { entityRef: 42 });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/Invalid input/);
  });
});
