import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  AccessRequest,
  BulkDecisionResult,
} from '@datamesh-governance/plugin-data-products-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  ADA,
  aRequest,
  API,
  BO,
  OLAV,
  PAYMENTS,
} from '../decisions/__testUtils__/accessRequests';
import { renderWithClient } from '../decisions/__testUtils__/renderWithClient';
import { AccessInboxPage } from './AccessInboxPage';

// Real rendering and typing on a shared machine take a while.
jest.setTimeout(30_000);

const server = setupServer();
registerMswTestHooks(server);

/** Serves GET /requests from `pages` in turn; records each query. */
function serveRequests(
  ...pages: { items: AccessRequest[]; nextCursor?: string }[]
) {
  const queries: Record<string, string>[] = [];
  server.use(
    http.get(`${API}/requests`, ({ request }) => {
      queries.push(Object.fromEntries(new URL(request.url).searchParams));
      return HttpResponse.json(
        pages[Math.min(queries.length - 1, pages.length - 1)],
      );
    }),
  );
  return queries;
}

const renderInbox = (user = OLAV) =>
  renderWithClient(<AccessInboxPage />, {
    user,
    ownershipEntityRefs: [user, 'group:default/team-benefits'],
  });

describe('AccessInboxPage', () => {
  it('lists the pending requests across products by default', async () => {
    const queries = serveRequests({ items: [aRequest()] });
    await renderInbox();
    expect(
      await screen.findByRole('table', { name: 'Requests to review' }),
    ).toBeInTheDocument();
    expect(queries[0]).toEqual({
      role: 'approver',
      status: 'pending',
      sort: 'createdAt',
      order: 'desc',
    });
  });

  it('approves several at once and says per item what happened', async () => {
    const requests = [
      aRequest({ requesterRef: ADA }),
      aRequest({ requesterRef: BO, subjectRef: BO }),
      aRequest({
        requesterRef: ADA,
        entityRef: PAYMENTS,
        outputPort: 'payments_v1',
      }),
    ];
    const queries = serveRequests(
      { items: requests },
      { items: [requests[1]] },
    );
    const bodies: unknown[] = [];
    server.use(
      http.post(`${API}/requests/decisions`, async ({ request }) => {
        bodies.push(await request.json());
        const results: BulkDecisionResult[] = [
          {
            id: requests[0].id,
            ok: true,
            request: { ...requests[0], status: 'approved' },
          },
          {
            id: requests[1].id,
            ok: false,
            status: 409,
            error: 'The request is already rejected',
          },
          {
            id: requests[2].id,
            ok: true,
            request: { ...requests[2], status: 'approved' },
          },
        ];
        return HttpResponse.json({ results });
      }),
    );
    await renderInbox();
    for (const name of [
      'Select request of ada.analyst for benefit-decisions/decisions_v1',
      'Select request of bo.business for benefit-decisions/decisions_v1',
      'Select request of ada.analyst for benefit-payments/payments_v1',
    ]) {
      await userEvent.click(await screen.findByRole('checkbox', { name }));
    }
    const bar = screen.getByRole('toolbar', { name: 'Bulk decisions' });
    expect(within(bar).getByText('3 selected')).toBeInTheDocument();
    await userEvent.click(
      within(bar).getByRole('button', { name: 'Approve selected' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Approve 3 requests',
    });
    expect(within(dialog).queryByLabelText(/End access earlier/)).toBeNull();
    await userEvent.type(
      within(dialog).getByLabelText(/Reason/),
      'Covered by B123',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve' }),
    );

    const results = await screen.findByRole('list', {
      name: 'Bulk decision results',
    });
    expect(bodies).toEqual([
      {
        decisions: requests.map(r => ({
          id: r.id,
          action: 'approve',
          reason: 'Covered by B123',
        })),
      },
    ]);
    const failed = within(results).getByRole('listitem', {
      name: 'request of bo.business for benefit-decisions/decisions_v1',
    });
    expect(failed).toHaveTextContent(
      'Not decided: The request is already rejected (someone decided it first)',
    );
    for (const name of [
      'request of ada.analyst for benefit-decisions/decisions_v1',
      'request of ada.analyst for benefit-payments/payments_v1',
    ]) {
      const item = within(results).getByRole('listitem', { name });
      expect(within(item).getByText('approved')).toBeInTheDocument();
      expect(item).not.toHaveTextContent('Not decided');
    }
    expect(
      screen.getByText(/2 of 3 decided; 1 not decided/),
    ).toBeInTheDocument();
    // The list is reloaded from the first page and the selection cleared.
    await waitFor(() => expect(queries).toHaveLength(2));
    expect(queries[1].cursor).toBeUndefined();
    expect(
      screen.queryByRole('toolbar', { name: 'Bulk decisions' }),
    ).toBeNull();
  });

  it('rejects several at once only with a reason', async () => {
    const requests = [aRequest(), aRequest({ entityRef: PAYMENTS })];
    serveRequests({ items: requests }, { items: [] });
    const bodies: any[] = [];
    server.use(
      http.post(`${API}/requests/decisions`, async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json({
          results: requests.map(r => ({
            id: r.id,
            ok: true,
            request: { ...r, status: 'rejected' },
          })),
        });
      }),
    );
    await renderInbox();
    await userEvent.click(
      await screen.findByRole('checkbox', { name: 'Select all on this page' }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Reject selected' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Reject 2 requests',
    });
    const confirm = within(dialog).getByRole('button', { name: 'Reject' });
    expect(confirm).toBeDisabled();
    await userEvent.type(
      within(dialog).getByLabelText(/Reason/),
      'Not covered',
    );
    await userEvent.click(confirm);
    await waitFor(() =>
      expect(bodies[0].decisions).toEqual(
        requests.map(r => ({
          id: r.id,
          action: 'reject',
          reason: 'Not covered',
        })),
      ),
    );
    expect(await screen.findByText(/2 of 2 decided/)).toBeInTheDocument();
  });

  it('loads the next page with the cursor of the first', async () => {
    const first = [aRequest(), aRequest()];
    const second = [
      aRequest({ entityRef: PAYMENTS, outputPort: 'payments_v1' }),
    ];
    const queries = serveRequests(
      { items: first, nextCursor: 'cursor-after-2' },
      { items: second },
    );
    await renderInbox();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Load more' }),
    );
    expect(
      await screen.findByRole('row', {
        name: /request of ada.analyst for benefit-payments\/payments_v1/,
      }),
    ).toBeInTheDocument();
    expect(queries[1]).toEqual({ ...queries[0], cursor: 'cursor-after-2' });
    // Both pages stay on screen; no more pages, no button.
    const table = screen.getByRole('table', { name: 'Requests to review' });
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 3);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('asks the API for requests older than the chosen age', async () => {
    const queries = serveRequests({ items: [aRequest()] }, { items: [] });
    await renderInbox();
    await screen.findByRole('table', { name: 'Requests to review' });
    await userEvent.click(screen.getByRole('button', { name: /Any age/ }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Older than 7 days' }),
    );
    await waitFor(() => expect(queries).toHaveLength(2));
    const createdBefore = Date.parse(queries[1].createdBefore);
    expect(Date.now() - createdBefore).toBeGreaterThanOrEqual(7 * 86_400_000);
    expect(Date.now() - createdBefore).toBeLessThan(7 * 86_400_000 + 60_000);
    expect(
      await screen.findByText(/No request matches these filters/),
    ).toBeInTheDocument();
  });

  it('says so when nothing waits', async () => {
    serveRequests({ items: [] });
    await renderInbox();
    expect(
      await screen.findByText('Nothing waits for you'),
    ).toBeInTheDocument();
  });

  it('shows my requests with the decision reason, or where to start', async () => {
    const queries = serveRequests({ items: [] });
    await renderInbox(ADA);
    await userEvent.click(screen.getByRole('tab', { name: 'My requests' }));
    expect(
      await screen.findByText('You have not requested access yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Find a data product').closest('a'),
    ).toHaveAttribute('href', '/catalog?filters[kind]=dataproduct');
    expect(queries[queries.length - 1]).toEqual({ role: 'requester' });
  });

  it('lists my requests with status and decision reason', async () => {
    serveRequests({
      items: [
        aRequest({
          status: 'rejected',
          decidedBy: OLAV,
          decisionReason: 'B123 does not cover payments',
        }),
      ],
    });
    await renderInbox(ADA);
    await userEvent.click(screen.getByRole('tab', { name: 'My requests' }));
    const table = await screen.findByRole('table', { name: 'My requests' });
    expect(within(table).getByText('rejected')).toBeInTheDocument();
    expect(
      within(table).getByText('B123 does not cover payments'),
    ).toBeInTheDocument();
  });

  it('shows my grants ending soonest first and emphasises close ends', async () => {
    const queries = serveRequests({
      items: [
        aRequest({
          status: 'approved',
          endsAt: new Date(Date.now() + 5.5 * 86_400_000).toISOString(),
        }),
        aRequest({
          status: 'approved',
          entityRef: PAYMENTS,
          endsAt: new Date(Date.now() + 40.5 * 86_400_000).toISOString(),
        }),
      ],
    });
    await renderInbox(ADA);
    await userEvent.click(screen.getByRole('tab', { name: 'My grants' }));
    const table = await screen.findByRole('table', { name: 'My grants' });
    expect(queries[queries.length - 1]).toEqual({
      role: 'requester',
      status: 'approved',
      sort: 'endsAt',
      order: 'asc',
    });
    expect(within(table).getByText('expires in 5 days')).toHaveStyle({
      fontWeight: 'bold',
    });
    expect(within(table).getByText('expires in 40 days')).not.toHaveStyle({
      fontWeight: 'bold',
    });
  });

  it('tells a person without grants what grants will look like', async () => {
    serveRequests({ items: [] });
    await renderInbox(ADA);
    await userEvent.click(screen.getByRole('tab', { name: 'My grants' }));
    expect(
      await screen.findByText('You have no access yet'),
    ).toBeInTheDocument();
  });
});
