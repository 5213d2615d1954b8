import { Entity } from '@backstage/catalog-model';
import { identityApiRef } from '@backstage/core-plugin-api';
import { catalogApiRef, EntityProvider } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  mockApis,
  MockFetchApi,
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import type {
  AccessRequest,
  DataProductEntityV1alpha1,
} from '@datamesh-governance/plugin-data-products-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { DataProductsClient, dataProductsApiRef } from '../../api';
import { AccessTab } from './AccessTab';
import {
  accessRequest,
  ADA,
  b123,
  benefitDecisions,
  OLAV,
  register,
  sickLeaveCases,
} from './testData';

// Forms with many fields render slowly on a busy CI machine.
jest.setTimeout(30_000);

const base = 'http://example.com/api/data-products';
const server = setupServer();
registerMswTestHooks(server);

const analyticsService: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'job-seeker-analytics',
    namespace: 'default',
    title: 'Job seeker analytics',
  },
  spec: { type: 'service', owner: 'group:default/team-analytics' },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/team-analytics' }],
};

type Post = { body: any; idempotencyKey: string | null };

/**
 * The data-products backend as msw serves it: the viewer's requests, grants,
 * the register, and what the form posts.
 */
function backend(
  options: {
    requests?: AccessRequest[];
    grants?: AccessRequest[];
    create?: (body: any) => Response;
  } = {},
) {
  let requests = options.requests ?? [];
  const seen = {
    posts: [] as Post[],
    searches: [] as string[],
    listQueries: [] as URLSearchParams[],
    cancelled: [] as string[],
  };
  server.use(
    http.get(`${base}/requests`, ({ request }) => {
      seen.listQueries.push(new URL(request.url).searchParams);
      return HttpResponse.json({ items: requests });
    }),
    http.get(`${base}/grants`, () =>
      HttpResponse.json({ items: options.grants ?? [] }),
    ),
    http.get(`${base}/legal-bases`, ({ request }) => {
      const q = new URL(request.url).searchParams.get('q') ?? '';
      seen.searches.push(q);
      const items = register.filter(
        a =>
          a.number.startsWith(q.toUpperCase()) ||
          a.name.toLowerCase().includes(q.toLowerCase()),
      );
      return HttpResponse.json({ items });
    }),
    http.post(`${base}/requests`, async ({ request }) => {
      const body = (await request.json()) as any;
      seen.posts.push({
        body,
        idempotencyKey: request.headers.get('Idempotency-Key'),
      });
      if (options.create) return options.create(body);
      const created = accessRequest({
        id: `r-${seen.posts.length + 10}`,
        outputPort: body.outputPort,
        subjectRef: body.subjectRef,
        endsAt: `${body.endsAt}T00:00:00.000Z`,
        createdAt: new Date().toISOString(),
        status:
          body.outputPort === 'decision_counts_v1' ? 'approved' : 'pending',
      });
      requests = [created, ...requests];
      return HttpResponse.json(created, { status: 201 });
    }),
    http.post(`${base}/requests/:id/cancel`, ({ params }) => {
      const id = String(params.id);
      seen.cancelled.push(id);
      requests = requests.map(r =>
        r.id === id ? { ...r, status: 'cancelled' as const } : r,
      );
      return HttpResponse.json(requests.find(r => r.id === id));
    }),
  );
  return seen;
}

function inputError(
  status: number,
  message: string,
  issues?: { path: string; message: string }[],
) {
  return HttpResponse.json(
    {
      error: {
        name: status === 409 ? 'ConflictError' : 'InputError',
        message,
        issues,
      },
      request: { method: 'POST', url: '/api/data-products/requests' },
      response: { statusCode: status },
    },
    { status },
  );
}

async function renderTab(
  entity: DataProductEntityV1alpha1 = benefitDecisions,
  identity = {
    userEntityRef: ADA,
    ownershipEntityRefs: [ADA, 'group:default/team-analytics'],
  },
) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [
          dataProductsApiRef,
          new DataProductsClient({
            discoveryApi: mockApis.discovery(),
            fetchApi: new MockFetchApi(),
          }),
        ],
        [catalogApiRef, catalogApiMock({ entities: [analyticsService] })],
        [identityApiRef, mockApis.identity(identity)],
      ]}
    >
      <EntityProvider entity={entity}>
        <AccessTab />
      </EntityProvider>
    </TestApiProvider>,
  );
}

async function openForm(port: string) {
  await userEvent.click(
    await screen.findByRole('button', { name: `Request access to ${port}` }),
  );
  return within(
    screen.getByRole('form', { name: `Request access to ${port}` }),
  );
}

async function pickB123(form: ReturnType<typeof within>) {
  await userEvent.type(
    form.getByRole('textbox', { name: /Legal basis: processing activity/ }),
    'B12',
  );
  await userEvent.click(
    await screen.findByRole(
      'option',
      { name: /B123 Follow-up/ },
      { timeout: 3000 },
    ),
  );
}

async function fillValidRequest(form: ReturnType<typeof within>) {
  await userEvent.click(form.getByRole('textbox', { name: /Purpose/ }));
  await userEvent.paste('Follow-up statistics for young job seekers');
  await userEvent.click(
    form.getByRole('checkbox', { name: 'I accept the terms of use' }),
  );
}

describe('AccessTab', () => {
  describe('the request form', () => {
    it('asks for a legal basis only on personal ports, and an Art. 9(2) basis only on special-category ports', async () => {
      backend();
      await renderTab();

      const counts = await openForm('decision_counts_v1');
      expect(
        counts.queryByRole('textbox', { name: /Legal basis/ }),
      ).not.toBeInTheDocument();
      expect(counts.queryByLabelText(/Art\. 9\(2\) basis/)).toBeNull();
      expect(
        counts.getByText(/This port sets no terms of its own/),
      ).toBeInTheDocument();
      expect(counts.getByRole('button', { name: 'Get access' })).toBeEnabled();

      const decisions = await openForm('decisions_v1');
      expect(
        decisions.getByRole('textbox', { name: /Legal basis/ }),
      ).toBeInTheDocument();
      expect(decisions.queryByLabelText(/Art\. 9\(2\) basis/)).toBeNull();
      expect(
        decisions.getByText(/do not re-identify or pass on individual rows/),
      ).toBeInTheDocument();
    });

    it('moves focus into the form when it opens, to its first field', async () => {
      backend();
      await renderTab();
      const form = await openForm('decisions_v1');
      expect(form.getByRole('button', { name: /Access for/ })).toHaveFocus();
    });

    it('reads the Art. 9(2) basis of a special-category port from the picked activity', async () => {
      backend();
      await renderTab(sickLeaveCases);
      const form = await openForm('cases_v1');
      const art9 = form.getByLabelText(/Art\. 9\(2\) basis/);
      expect(art9).toHaveValue('');

      await pickB123(form);
      expect(art9).toHaveValue('None');
      expect(
        form.getByText('B123 names no Art. 9(2) basis'),
      ).toBeInTheDocument();

      await fillValidRequest(form);
      await userEvent.click(form.getByRole('button', { name: 'Send request' }));
      expect(
        form.getByText(
          /^Cannot be B123 .*: the port cases_v1 holds special categories .* and B123 has no Art\. 9\(2\) basis$/,
        ),
      ).toBeInTheDocument();

      await userEvent.clear(form.getByRole('textbox', { name: /Legal basis/ }));
      await userEvent.type(
        form.getByRole('textbox', { name: /Legal basis/ }),
        'sick',
      );
      await userEvent.click(
        await screen.findByRole(
          'option',
          { name: /B230 Sick-leave/ },
          { timeout: 3000 },
        ),
      );
      expect(art9).toHaveValue('Art. 9(2)(h) health or social care (ART92H)');
    });

    it('offers only the subjects the port allows: me, my groups, the services I own', async () => {
      const seen = backend();
      await renderTab();
      const form = await openForm('decisions_v1');
      await userEvent.click(form.getByRole('button', { name: /Access for/ }));
      const options = within(screen.getByRole('listbox'))
        .getAllByRole('option')
        .map(o => o.textContent);
      expect(options).toEqual([
        'Me (ada.analyst)',
        'Group team-analytics',
        'Service Job seeker analytics',
      ]);
      await userEvent.click(
        screen.getByRole('option', { name: 'Service Job seeker analytics' }),
      );
      await pickB123(form);
      await fillValidRequest(form);
      await userEvent.click(form.getByRole('button', { name: 'Send request' }));
      await waitFor(() => expect(seen.posts).toHaveLength(1));
      expect(seen.posts[0].body.subjectRef).toBe(
        'component:default/job-seeker-analytics',
      );
    });

    it('shows what is wrong next to each field before sending anything', async () => {
      const seen = backend();
      await renderTab();
      const form = await openForm('decisions_v1');
      await userEvent.type(
        form.getByRole('textbox', { name: /Purpose/ }),
        'stats',
      );
      fireEvent.change(form.getByLabelText(/Access ends on/), {
        target: { value: '2099-01-01' },
      });
      await userEvent.click(form.getByRole('button', { name: 'Send request' }));

      expect(
        form.getByText('Say in a sentence what you will use the data for'),
      ).toBeInTheDocument();
      expect(
        form.getByText('The terms of use of the port must be accepted'),
      ).toBeInTheDocument();
      expect(
        form.getByText(
          /^Must be \d{4}-\d{2}-\d{2} or earlier: access to decisions_v1 lasts at most P90D$/,
        ),
      ).toBeInTheDocument();
      expect(
        form.getByText(
          /^Is required: the port decisions_v1 holds personal data; pick the processing activity/,
        ),
      ).toBeInTheDocument();
      expect(seen.posts).toHaveLength(0);
    });

    it('looks up the register as one types and sends the picked activity with an Idempotency-Key', async () => {
      const seen = backend();
      await renderTab();
      const form = await openForm('decisions_v1');

      await userEvent.type(
        form.getByRole('textbox', { name: /Legal basis/ }),
        'B12',
      );
      const option = await screen.findByRole(
        'option',
        { name: /B123 Follow-up/ },
        { timeout: 3000 },
      );
      expect(option).toHaveTextContent(
        'Art. 6(1)(e) public task · COMPLETED · valid 2021-01-01 – 2099-12-31',
      );
      // Debounced: one search for what was typed, not one per key.
      expect(seen.searches).toEqual(['B12']);

      await userEvent.click(option);
      const summary = within(
        screen.getByRole('region', { name: 'Picked processing activity' }),
      );
      expect(
        summary.getByRole('link', { name: /B123 Follow-up/ }),
      ).toHaveAttribute('href', b123.link);
      expect(
        summary.getByText('National law: Labour Market Act § 14'),
      ).toBeInTheDocument();

      await fillValidRequest(form);
      await userEvent.click(form.getByRole('button', { name: 'Send request' }));

      expect(
        await screen.findByText(/waiting for the owners to decide/),
      ).toBeInTheDocument();
      expect(seen.posts).toHaveLength(1);
      expect(seen.posts[0].body).toMatchObject({
        entityRef: 'dataproduct:default/benefit-decisions',
        outputPort: 'decisions_v1',
        subjectRef: ADA,
        purpose: 'Follow-up statistics for young job seekers',
        acceptTerms: true,
        legalBasis: { registerId: 'demo', activityId: b123.id },
      });
      expect(seen.posts[0].body.endsAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(seen.posts[0].idempotencyKey).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      // The new request shows in the list without a reload.
      expect(
        await screen.findByRole('row', { name: 'decisions_v1 pending' }),
      ).toBeInTheDocument();
    });

    it('lists activities that are not in force, disabled with the reason', async () => {
      backend();
      await renderTab();
      const form = await openForm('decisions_v1');
      await userEvent.type(
        form.getByRole('textbox', { name: /Legal basis/ }),
        'B3',
      );
      const draft = await screen.findByRole(
        'option',
        { name: /B311/ },
        { timeout: 3000 },
      );
      expect(draft).toHaveAttribute('aria-disabled', 'true');
      expect(draft).toHaveTextContent(
        'Cannot be used: it is IN_PROGRESS, not in force',
      );
    });

    it('grants an automatic port at once and says so', async () => {
      const seen = backend();
      await renderTab();
      const form = await openForm('decision_counts_v1');
      await fillValidRequest(form);
      await userEvent.click(form.getByRole('button', { name: 'Get access' }));
      expect(
        await screen.findByText(/Access to decision_counts_v1 granted until/),
      ).toBeInTheDocument();
      expect(seen.posts[0].body.legalBasis).toBeUndefined();
    });

    it("shows each issue of the backend's 400 next to its field", async () => {
      backend({
        create: () =>
          inputError(400, 'Invalid access request: two problems', [
            { path: '/body/purpose', message: 'must not contain NUL' },
            {
              path: '/body/legalBasis/activityId',
              message: 'must be at most 255 characters',
            },
          ]),
      });
      await renderTab();
      const form = await openForm('decisions_v1');
      await pickB123(form);
      await fillValidRequest(form);
      await userEvent.click(form.getByRole('button', { name: 'Send request' }));

      expect(await form.findByText('Must not contain NUL')).toBeInTheDocument();
      expect(form.getByRole('textbox', { name: /Purpose/ })).toHaveAttribute(
        'aria-invalid',
        'true',
      );
      expect(
        form.getByText('Must be at most 255 characters'),
      ).toBeInTheDocument();
      expect(
        form.getByRole('textbox', { name: /Legal basis/ }),
      ).toHaveAttribute('aria-invalid', 'true');
    });

    it("shows the backend's 400 next to the field it concerns and keeps what was typed", async () => {
      const seen = backend({
        create: () =>
          inputError(
            400,
            'endsAt must be 2026-12-28 or earlier: access to decisions_v1 lasts at most P30D',
          ),
      });
      await renderTab();
      const form = await openForm('decisions_v1');
      await pickB123(form);
      await fillValidRequest(form);
      await userEvent.click(form.getByRole('button', { name: 'Send request' }));

      expect(
        await form.findByText(
          'Must be 2026-12-28 or earlier: access to decisions_v1 lasts at most P30D',
        ),
      ).toBeInTheDocument();
      const endsAt = form.getByLabelText(/Access ends on/);
      expect(endsAt).toHaveAttribute('aria-invalid', 'true');
      expect(form.getByRole('textbox', { name: /Purpose/ })).toHaveValue(
        'Follow-up statistics for young job seekers',
      );
      expect(form.getByRole('textbox', { name: /Legal basis/ })).toHaveValue(
        'B123 Follow-up of young unemployed people',
      );
      expect(
        form.getByRole('checkbox', { name: 'I accept the terms of use' }),
      ).toBeChecked();

      // Sending again after a fix reuses the key of this form fill.
      fireEvent.change(endsAt, { target: { value: '2026-12-20' } });
      await userEvent.click(form.getByRole('button', { name: 'Send request' }));
      await waitFor(() => expect(seen.posts).toHaveLength(2));
      expect(seen.posts[1].idempotencyKey).toBe(seen.posts[0].idempotencyKey);
    });

    it('shows a pending request for a port in place of asking again for the same subject', async () => {
      backend({
        requests: [
          accessRequest({
            entityRef: 'dataproduct:default/sick-leave-cases',
            outputPort: 'cases_v1',
          }),
        ],
      });
      await renderTab(sickLeaveCases);
      expect(
        await screen.findByText(
          /Your request for Me \(ada.analyst\) of .+ is waiting for the owners/,
        ),
      ).toBeInTheDocument();
      // cases_v1 is for people only: nobody is left to ask for.
      expect(
        screen.queryByRole('button', { name: 'Request access to cases_v1' }),
      ).not.toBeInTheDocument();
    });

    it('offers the other subjects when one has a request pending', async () => {
      backend({ requests: [accessRequest()] });
      await renderTab();
      await screen.findByText(/Your request for Me \(ada.analyst\)/);
      const form = await openForm('decisions_v1');
      expect(
        form.getByRole('button', { name: /Access for/ }),
      ).toHaveTextContent('Group team-analytics');
      await userEvent.click(form.getByRole('button', { name: /Access for/ }));
      expect(
        await screen.findByRole('option', {
          name: /Me \(ada.analyst\) \(request pending\)/,
        }),
      ).toHaveAttribute('aria-disabled', 'true');
    });

    it('says what to do when an open request exists already', async () => {
      backend({
        create: () =>
          inputError(
            409,
            'You already have an open request for decisions_v1 of dataproduct:default/benefit-decisions for user:default/ada.analyst (r-1, pending); cancel it or wait for its decision',
          ),
      });
      await renderTab();
      const form = await openForm('decisions_v1');
      await pickB123(form);
      await fillValidRequest(form);
      await userEvent.click(form.getByRole('button', { name: 'Send request' }));
      expect(await form.findByRole('alert')).toHaveTextContent(
        'You already have an open request for decisions_v1 of benefit-decisions for you: cancel it or wait for the owners\' decision. You find it under "Your access to this product" above.',
      );
    });
  });

  describe('your access to this product', () => {
    it('lists my requests with the reason of a rejection, and cancels a pending one after confirmation', async () => {
      const seen = backend({
        requests: [
          accessRequest({ id: 'r-pending' }),
          accessRequest({
            id: 'r-rejected',
            outputPort: 'decision_counts_v1',
            status: 'rejected',
            decisionReason: 'B123 does not cover statistics on counties',
            decidedBy: OLAV,
          }),
        ],
      });
      await renderTab();

      // The rejection is over: it waits behind "Past requests".
      await screen.findByRole('row', { name: 'decisions_v1 pending' });
      expect(
        screen.queryByRole('row', { name: 'decision_counts_v1 rejected' }),
      ).toBeNull();
      await userEvent.click(
        screen.getByRole('button', { name: 'Past requests (1)' }),
      );
      const rejected = await screen.findByRole('row', {
        name: 'decision_counts_v1 rejected',
      });
      expect(rejected).toHaveTextContent(
        'B123 does not cover statistics on counties',
      );
      expect(
        within(rejected).queryByRole('button', { name: /Cancel/ }),
      ).toBeNull();
      expect(seen.listQueries[0].get('role')).toBe('requester');
      expect(seen.listQueries[0].get('entityRef')).toBe(
        'dataproduct:default/benefit-decisions',
      );

      const pending = screen.getByRole('row', { name: 'decisions_v1 pending' });
      await userEvent.click(
        within(pending).getByRole('button', {
          name: 'Cancel request for decisions_v1',
        }),
      );
      const dialog = screen.getByRole('dialog');
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Keep it' }),
      );
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      expect(seen.cancelled).toEqual([]);

      await userEvent.click(
        within(pending).getByRole('button', {
          name: 'Cancel request for decisions_v1',
        }),
      );
      await userEvent.click(
        within(screen.getByRole('dialog')).getByRole('button', {
          name: 'Cancel request',
        }),
      );
      // The cancelled request joins the past ones.
      const past = await screen.findByRole('table', {
        name: 'Your past requests for this product',
      });
      expect(
        await within(past).findByRole('row', {
          name: 'decisions_v1 cancelled',
        }),
      ).toBeInTheDocument();
      expect(
        screen.getByRole('button', { name: 'Past requests (2)' }),
      ).toHaveAttribute('aria-expanded', 'true');
      expect(seen.cancelled).toEqual(['r-pending']);
    });

    it('shows current access first and past requests collapsed behind a keyboard-operable disclosure', async () => {
      backend({
        requests: [
          accessRequest({
            id: 'r-rejected',
            status: 'rejected',
            createdAt: '2026-11-05T10:00:00.000Z',
            decisionReason: 'Use the counts',
          }),
          accessRequest({
            id: 'r-approved',
            outputPort: 'decision_counts_v1',
            status: 'approved',
            createdAt: '2026-10-01T10:00:00.000Z',
          }),
          accessRequest({
            id: 'r-revoked',
            status: 'revoked',
            createdAt: '2026-06-01T10:00:00.000Z',
          }),
          accessRequest({
            id: 'r-expired',
            status: 'approved',
            endsAt: '2026-01-01T00:00:00.000Z',
            createdAt: '2025-10-01T10:00:00.000Z',
          }),
        ],
      });
      await renderTab();

      const current = await screen.findByRole('table', {
        name: 'Your access to this product',
      });
      // Only what is in force or open, though the rejection is newer.
      expect(
        within(current)
          .getAllByRole('row')
          .slice(1)
          .map(r => r.getAttribute('aria-label')),
      ).toEqual(['decision_counts_v1 approved']);

      const disclosure = screen.getByRole('button', {
        name: 'Past requests (3)',
      });
      expect(disclosure).toHaveAttribute('aria-expanded', 'false');
      expect(
        screen.queryByRole('table', {
          name: 'Your past requests for this product',
        }),
      ).toBeNull();
      // The request buttons come after the one current row, not after the past.
      expect(
        screen.getByRole('button', { name: 'Request access to decisions_v1' }),
      ).toBeInTheDocument();

      disclosure.focus();
      await userEvent.keyboard('{Enter}');
      expect(disclosure).toHaveAttribute('aria-expanded', 'true');
      const past = screen.getByRole('table', {
        name: 'Your past requests for this product',
      });
      expect(disclosure).toHaveAttribute(
        'aria-controls',
        past.parentElement!.id,
      );
      expect(
        within(past)
          .getAllByRole('row')
          .slice(1)
          .map(r => r.getAttribute('aria-label')),
      ).toEqual([
        'decisions_v1 rejected',
        'decisions_v1 revoked',
        'decisions_v1 expired',
      ]);

      await userEvent.keyboard(' ');
      expect(disclosure).toHaveAttribute('aria-expanded', 'false');
      expect(
        screen.queryByRole('table', {
          name: 'Your past requests for this product',
        }),
      ).toBeNull();
    });

    it('shows the latest three current rows, and all of them on demand', async () => {
      backend({
        grants: ['a', 'b', 'c', 'd', 'e'].map((id, i) =>
          accessRequest({
            id: `r-${id}`,
            status: 'approved',
            outputPort: `port_${id}`,
            subjectRef: 'group:default/team-analytics',
            requesterRef: 'user:default/someone.else',
            createdAt: `2026-11-0${i + 1}T10:00:00.000Z`,
          }),
        ),
      });
      await renderTab();
      const current = await screen.findByRole('table', {
        name: 'Your access to this product',
      });
      const shown = () =>
        within(current)
          .getAllByRole('row')
          .slice(1)
          .map(r => r.getAttribute('aria-label'));
      expect(shown()).toEqual([
        'port_e approved',
        'port_d approved',
        'port_c approved',
      ]);
      expect(
        screen.queryByRole('button', { name: /^Past requests/ }),
      ).toBeNull();

      await userEvent.click(screen.getByRole('button', { name: 'Show all 5' }));
      expect(shown()).toHaveLength(5);
      expect(
        screen.getByRole('button', { name: 'Show the latest 3' }),
      ).toHaveAttribute('aria-expanded', 'true');
    });

    it('says there is no access now when all requests are over', async () => {
      backend({
        requests: [accessRequest({ id: 'r-cancelled', status: 'cancelled' })],
      });
      await renderTab();
      expect(
        await screen.findByText(/You have no access to this product now/),
      ).toBeInTheDocument();
      expect(
        screen.getByRole('button', { name: 'Past requests (1)' }),
      ).toBeInTheDocument();
    });

    it('shows grants to my groups that someone else asked for', async () => {
      backend({
        grants: [
          accessRequest({
            id: 'r-team',
            status: 'approved',
            subjectRef: 'group:default/team-analytics',
            requesterRef: 'user:default/someone.else',
          }),
          accessRequest({
            id: 'r-other',
            status: 'approved',
            subjectRef: 'user:default/someone.else',
            requesterRef: 'user:default/someone.else',
          }),
        ],
      });
      await renderTab();
      const row = await screen.findByRole('row', {
        name: 'decisions_v1 approved',
      });
      expect(row).toHaveTextContent('team-analytics');
      expect(screen.queryByText('someone.else')).toBeNull();
    });

    it('tells a newcomer where to start', async () => {
      backend();
      await renderTab();
      expect(
        await screen.findByText(
          /You have no requests for this product yet — request access to a port below/,
        ),
      ).toBeInTheDocument();
      expect(screen.queryByText(/You own this product/)).toBeNull();
    });

    it('tells an owner they own the product', async () => {
      backend();
      await renderTab(benefitDecisions, {
        userEntityRef: OLAV,
        ownershipEntityRefs: [OLAV, 'group:default/team-benefits'],
      });
      expect(
        await screen.findByText(/You own this product/),
      ).toBeInTheDocument();
    });

    it('shows a failing backend as an error, not as an empty list', async () => {
      backend();
      server.use(
        http.get(`${base}/requests`, () =>
          HttpResponse.json(
            {
              error: { name: 'Error', message: 'The database is down' },
              response: { statusCode: 500 },
            },
            { status: 500 },
          ),
        ),
      );
      await renderTab();
      expect(
        await screen.findByText(/Request failed with 500/),
      ).toBeInTheDocument();
      expect(screen.getAllByText(/The database is down/)).not.toHaveLength(0);
      expect(screen.queryByText(/You have no requests/)).toBeNull();
    });
  });
});
