import { EntityProvider } from '@backstage/plugin-catalog-react';
import { registerMswTestHooks } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AccessRequest } from '@datamesh-governance/plugin-data-products-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { benefitDecisions } from '../testEntities';
import {
  ADA,
  aRequest,
  API,
  BO,
  daysFromNow,
  OLAV,
} from '../decisions/__testUtils__/accessRequests';
import { renderWithClient } from '../decisions/__testUtils__/renderWithClient';
import { RequestsTab } from './RequestsTab';

// Real rendering and typing on a shared machine take a while.
jest.setTimeout(30_000);

const server = setupServer();
registerMswTestHooks(server);

const TEAM_BENEFITS = 'group:default/team-benefits';

/** Serves the three lists of the tab; records every call. */
function serveLists(lists: {
  pending?: AccessRequest[];
  decided?: AccessRequest[];
  grants?: AccessRequest[];
}) {
  const calls: URL[] = [];
  server.use(
    http.get(`${API}/requests`, ({ request }) => {
      const url = new URL(request.url);
      calls.push(url);
      const items =
        url.searchParams.get('status') === 'pending'
          ? lists.pending ?? []
          : [...(lists.pending ?? []), ...(lists.decided ?? [])];
      return HttpResponse.json({ items });
    }),
    http.get(`${API}/grants`, () =>
      HttpResponse.json({ items: lists.grants ?? [] }),
    ),
  );
  return calls;
}

/** Captures the body of POST /requests/:id/<action>. */
function captureDecision(action: string, answer: Partial<AccessRequest>) {
  const bodies: unknown[] = [];
  server.use(
    http.post(`${API}/requests/:id/${action}`, async ({ request, params }) => {
      bodies.push({ id: params.id, body: await request.json() });
      return HttpResponse.json(aRequest({ id: String(params.id), ...answer }));
    }),
  );
  return bodies;
}

const renderTab = (user: string, ownershipEntityRefs: string[]) =>
  renderWithClient(
    <EntityProvider entity={benefitDecisions}>
      <RequestsTab />
    </EntityProvider>,
    { user, ownershipEntityRefs },
  );

const asOlav = () => renderTab(OLAV, [OLAV, TEAM_BENEFITS]);

describe('RequestsTab', () => {
  it('lists pending requests for this product with requester, legal basis and age', async () => {
    const calls = serveLists({ pending: [aRequest()] });
    await asOlav();
    const queue = await screen.findByRole('table', {
      name: 'Requests waiting for a decision',
    });
    expect(within(queue).getAllByText('ada.analyst')).toHaveLength(2);
    expect(
      within(queue).getByRole('link', {
        name: /^B123 Follow-up of young job seekers/,
      }),
    ).toHaveAttribute('href', 'https://register.example/activities/B123');
    expect(within(queue).getByText('Art. 6: ART61E')).toBeInTheDocument();
    expect(within(queue).getByText('Art. 9: ART92H')).toBeInTheDocument();
    expect(within(queue).getByText('3 days ago')).toBeInTheDocument();
    const pendingQuery = calls.find(
      u => u.searchParams.get('status') === 'pending',
    )!;
    expect(Object.fromEntries(pendingQuery.searchParams)).toEqual({
      role: 'approver',
      entityRef: 'dataproduct:default/benefit-decisions',
      status: 'pending',
      sort: 'createdAt',
      order: 'asc',
    });
  });

  it('approves with a shortened end date and refreshes the queue', async () => {
    const request = aRequest({ endsAt: daysFromNow(60) });
    const calls = serveLists({ pending: [request] });
    const bodies = captureDecision('approve', { status: 'approved' });
    await asOlav();
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Approve request of ada.analyst for benefit-decisions/decisions_v1',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    const endDate = within(dialog).getByLabelText(/End access earlier/);
    const shorter = daysFromNow(30);

    // Later than asked is refused in the form, before any call.
    fireEvent.change(endDate, {
      target: { value: daysFromNow(61).slice(0, 10) },
    });
    expect(
      within(dialog).getByText(/can only shorten access/),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByRole('button', { name: 'Approve' }),
    ).toBeDisabled();

    fireEvent.change(endDate, { target: { value: shorter.slice(0, 10) } });
    await userEvent.type(
      within(dialog).getByLabelText(/Reason/),
      'Covered by B123',
    );
    const before = calls.length;
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve' }),
    );

    await waitFor(() =>
      expect(bodies).toEqual([
        {
          id: request.id,
          body: { reason: 'Covered by B123', endsAt: shorter },
        },
      ]),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(calls.length).toBeGreaterThan(before));
  });

  it('needs a reason to reject', async () => {
    const request = aRequest();
    serveLists({ pending: [request] });
    const bodies = captureDecision('reject', { status: 'rejected' });
    await asOlav();
    await userEvent.click(
      await screen.findByRole('button', { name: /^Reject request of/ }),
    );
    const dialog = await screen.findByRole('dialog');
    const confirm = within(dialog).getByRole('button', { name: 'Reject' });
    expect(confirm).toBeDisabled();
    await userEvent.type(within(dialog).getByLabelText(/Reason/), '   ');
    expect(confirm).toBeDisabled();
    await userEvent.type(
      within(dialog).getByLabelText(/Reason/),
      'B123 does not cover payments',
    );
    expect(confirm).toBeEnabled();
    await userEvent.click(confirm);
    await waitFor(() =>
      expect(bodies).toEqual([
        { id: request.id, body: { reason: 'B123 does not cover payments' } },
      ]),
    );
  });

  it('shows the API refusal in the dialog and keeps it open', async () => {
    serveLists({ pending: [aRequest()] });
    server.use(
      http.post(`${API}/requests/:id/approve`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'ConflictError',
              message: 'The request is already rejected',
            },
            response: { statusCode: 409 },
          },
          { status: 409 },
        ),
      ),
    );
    await asOlav();
    await userEvent.click(
      await screen.findByRole('button', { name: /^Approve request of/ }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve' }),
    );
    expect(
      await within(dialog).findByText(/already rejected/),
    ).toBeInTheDocument();
  });

  it('revokes a grant only with a reason', async () => {
    // Five and a half days, so that the whole days left are 5 at any hour.
    const grant = aRequest({
      status: 'approved',
      endsAt: new Date(Date.now() + 5.5 * 86_400_000).toISOString(),
    });
    serveLists({ decided: [grant], grants: [grant] });
    const bodies = captureDecision('revoke', { status: 'revoked' });
    await asOlav();
    const grants = await screen.findByRole('table', { name: 'Active grants' });
    expect(within(grants).getByText('expires in 5 days')).toBeInTheDocument();
    await userEvent.click(
      within(grants).getByRole('button', { name: /^Revoke request of/ }),
    );
    const dialog = await screen.findByRole('dialog');
    const confirm = within(dialog).getByRole('button', { name: 'Revoke' });
    expect(confirm).toBeDisabled();
    await userEvent.type(
      within(dialog).getByLabelText(/Reason/),
      'The project ended',
    );
    await userEvent.click(confirm);
    await waitFor(() =>
      expect(bodies).toEqual([
        { id: grant.id, body: { reason: 'The project ended' } },
      ]),
    );
  });

  it("shows the decision and a later revocation in their own columns, and a cancellation as the requester's", async () => {
    const revoked = aRequest({
      status: 'revoked',
      decidedBy: OLAV,
      decisionReason: 'Covered by B123',
      closedBy: BO,
      closingReason: 'The project ended',
    });
    const cancelled = aRequest({
      status: 'cancelled',
      closedBy: ADA,
      closingReason: 'Wrong port',
    });
    const rejected = aRequest({
      status: 'rejected',
      decidedBy: OLAV,
      decisionReason: 'B123 does not cover payments',
    });
    serveLists({ decided: [revoked, cancelled, rejected] });
    await asOlav();
    const decided = await screen.findByRole('table', {
      name: 'Decided requests',
    });
    expect(
      within(decided)
        .getAllByRole('columnheader')
        .map(h => h.textContent),
    ).toEqual([
      'Requester',
      'Access for',
      'Port',
      'Status',
      'Provisioning',
      'Decision',
      'Ended',
      'Until',
      'Actions',
    ]);
    const cells = (row: HTMLElement) =>
      within(row)
        .getAllByRole('cell')
        .map(cell => cell.textContent);
    const [revokedRow, cancelledRow, rejectedRow] = within(decided)
      .getAllByRole('row')
      .slice(1);
    expect(cells(revokedRow).slice(5, 7)).toEqual([
      'Approved by olav.ownerCovered by B123',
      'Revoked by bo.businessThe project ended',
    ]);
    expect(cells(cancelledRow).slice(5, 7)).toEqual([
      'Cancelled by the requesterWrong port',
      '—',
    ]);
    expect(cells(rejectedRow).slice(5, 7)).toEqual([
      'Rejected by olav.ownerB123 does not cover payments',
      '—',
    ]);
    expect(within(decided).queryByText(/Decided by/)).toBeNull();
    // Each decided row opens its history: the product's access history.
    expect(
      within(decided).getAllByRole('button', { name: /^History of request/ }),
    ).toHaveLength(3);
  });

  it("opens a request's history by clicking its row, and closes it without reopening", async () => {
    const revoked = aRequest({ status: 'revoked', decidedBy: OLAV });
    serveLists({ decided: [revoked] });
    server.use(
      http.get(`${API}/requests/:id`, () =>
        HttpResponse.json({ ...revoked, audit: [] }),
      ),
    );
    await asOlav();
    const decided = await screen.findByRole('table', {
      name: 'Decided requests',
    });
    const [row] = within(decided).getAllByRole('row').slice(1);
    await userEvent.click(within(row).getByText('decisions_v1'));
    const drawer = await screen.findByRole('dialog');
    expect(
      await within(drawer).findByText('No events recorded for this request.'),
    ).toBeInTheDocument();
    expect(drawer).toContainElement(document.activeElement as HTMLElement);
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(
      within(row).getByRole('button', { name: /^History of request/ }),
    ).toHaveFocus();

    // A click on the backdrop reaches the row through the portal: it closes.
    await userEvent.click(within(row).getByText('decisions_v1'));
    await screen.findByRole('dialog');
    await userEvent.click(document.querySelector('.MuiBackdrop-root')!);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await new Promise(resolve => setTimeout(resolve, 300));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('does not let an owner decide on a request they made', async () => {
    const own = aRequest({ requesterRef: BO, subjectRef: BO });
    serveLists({ pending: [own] });
    await renderTab(BO, [BO, TEAM_BENEFITS]);
    const approve = await screen.findByRole('button', {
      name: 'Approve request of bo.business for benefit-decisions/decisions_v1',
    });
    await waitFor(() => expect(approve).toBeDisabled());
    expect(
      screen.getByRole('button', { name: /^Reject request of bo.business/ }),
    ).toBeDisabled();
    await userEvent.hover(approve.parentElement!);
    expect(
      await screen.findByText('You asked for this; another owner decides'),
    ).toBeInTheDocument();
  });

  it('says who decides when the viewer decides nothing here', async () => {
    serveLists({});
    await renderTab(ADA, [ADA, 'group:default/team-analytics']);
    expect(
      await screen.findByText(
        /decided by its owners \(team-benefits\) and approvers/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('Waiting for a decision'),
    ).not.toBeInTheDocument();
  });

  it('tells an owner that nothing waits', async () => {
    serveLists({});
    await asOlav();
    expect(
      await screen.findByText('Nothing waits for a decision on this product.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No request has been decided yet.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Nobody has access to this product yet.'),
    ).toBeInTheDocument();
  });

  it('shows a failing list as an error, not as empty', async () => {
    server.use(
      http.get(`${API}/requests`, () =>
        HttpResponse.json(
          { error: { name: 'Error', message: 'database down' } },
          { status: 500 },
        ),
      ),
      http.get(`${API}/grants`, () => HttpResponse.json({ items: [] })),
    );
    await asOlav();
    expect(
      (await screen.findAllByText(/database down/)).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByText(/Nothing waits/)).not.toBeInTheDocument();
  });
});
