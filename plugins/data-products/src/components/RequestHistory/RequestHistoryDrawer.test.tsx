import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  AccessRequest,
  AccessRequestAuditEntry,
} from '@datamesh-governance/plugin-data-products-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  ADA,
  aRequest,
  API,
  OLAV,
} from '../decisions/__testUtils__/accessRequests';
import { renderWithClient } from '../decisions/__testUtils__/renderWithClient';
import { HistoryButton } from './HistoryButton';
import { SYSTEM_ACTOR } from './requestTimeline';

jest.setTimeout(30_000);

const server = setupServer();
registerMswTestHooks(server);

const BEN = 'user:default/ben.boss';

let auditId = 0;
function entry(
  action: AccessRequestAuditEntry['action'],
  actorRef: string,
  at: string,
  toStatus: AccessRequestAuditEntry['toStatus'],
): AccessRequestAuditEntry {
  auditId += 1;
  return { id: auditId, requestId: 'x', action, actorRef, toStatus, at };
}

/** Answers GET /requests/:id with `request` and `audit`; counts the calls. */
function serveHistory(
  request: AccessRequest,
  audit: AccessRequestAuditEntry[],
) {
  const calls: string[] = [];
  server.use(
    http.get(`${API}/requests/:id`, ({ params }) => {
      calls.push(String(params.id));
      return HttpResponse.json({ ...request, audit });
    }),
  );
  return calls;
}

const openHistory = async (request: AccessRequest) => {
  await renderWithClient(<HistoryButton request={request} />, { user: OLAV });
  const button = screen.getByRole('button', {
    name: 'History of request of ada.analyst for benefit-decisions/decisions_v1',
  });
  await userEvent.click(button);
  return { button, drawer: await screen.findByRole('dialog') };
};

/** The timeline's events as their text, in the order shown. */
const eventsIn = async (drawer: HTMLElement) => {
  const timeline = await within(drawer).findByRole('list', {
    name: 'Timeline',
  });
  return within(timeline)
    .getAllByRole('listitem')
    .map(item => item.textContent);
};

describe('HistoryButton', () => {
  it('shows an approval and a later revocation as two events, each with its actor and reason, in order', async () => {
    // Given in reverse to show the timeline sorts by time, not by answer order.
    const request = aRequest({
      status: 'revoked',
      decidedBy: OLAV,
      decisionReason: 'Covered by B123',
      closedBy: BEN,
      closingReason: 'The project ended',
    });
    const calls = serveHistory(request, [
      entry('revoke', BEN, '2026-03-05T10:00:00Z', 'revoked'),
      entry('unprovision', SYSTEM_ACTOR, '2026-03-05T10:01:00Z', 'revoked'),
      entry('approve', OLAV, '2026-03-02T09:00:00Z', 'approved'),
      entry('create', ADA, '2026-03-01T08:00:00Z', 'pending'),
    ]);
    const { button, drawer } = await openHistory(request);

    expect(drawer).toHaveAccessibleName(
      'History of request of ada.analyst for benefit-decisions/decisions_v1',
    );
    expect(drawer).toContainElement(document.activeElement as HTMLElement);
    expect(
      within(drawer).getByText('Follow-up statistics for young job seekers'),
    ).toBeInTheDocument();

    const events = await eventsIn(drawer);
    expect(events).toHaveLength(4);
    expect(events[0]).toMatch(/^Requestedby ada\.analyst/);
    expect(events[1]).toMatch(
      /^Approvedby olav\.owner.*Reason: Covered by B123$/,
    );
    expect(events[2]).toMatch(
      /^Revokedby ben\.boss.*Reason: The project ended$/,
    );
    expect(events[3]).toMatch(
      /^Access removed where the data livesby the portal/,
    );
    expect(events[1]).not.toMatch(/project ended/);
    expect(calls).toEqual([request.id]);

    await userEvent.click(
      within(drawer).getByRole('button', { name: 'Close history' }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(button).toHaveFocus();
  });

  it('says a cancelled request was cancelled by the requester, not decided', async () => {
    const request = aRequest({
      status: 'cancelled',
      closedBy: ADA,
      closingReason: 'Asked for the wrong port',
    });
    serveHistory(request, [
      entry('create', ADA, '2026-03-01T08:00:00Z', 'pending'),
      entry('cancel', ADA, '2026-03-01T09:00:00Z', 'cancelled'),
    ]);
    const { drawer } = await openHistory(request);
    const events = await eventsIn(drawer);
    expect(events[1]).toMatch(
      /^Cancelled by the requesterby ada\.analyst.*Reason: Asked for the wrong port$/,
    );
    expect(within(drawer).queryByText(/Decided/)).toBeNull();
  });

  it('shows a failing load as an error and loads again on request', async () => {
    let fail = true;
    const request = aRequest();
    server.use(
      http.get(`${API}/requests/:id`, () =>
        fail
          ? HttpResponse.json(
              { error: { name: 'Error', message: 'database down' } },
              { status: 500 },
            )
          : HttpResponse.json({
              ...request,
              audit: [entry('create', ADA, '2026-03-01T08:00:00Z', 'pending')],
            }),
      ),
    );
    const { drawer } = await openHistory(request);
    expect(
      (await within(drawer).findAllByText(/database down/)).length,
    ).toBeGreaterThan(0);
    // The facts the list already had stay readable.
    expect(within(drawer).getByText('decisions_v1')).toBeInTheDocument();
    fail = false;
    await userEvent.click(
      within(drawer).getByRole('button', { name: 'Try again' }),
    );
    expect(await eventsIn(drawer)).toHaveLength(1);
  });
});
