import { EntityProvider } from '@backstage/plugin-catalog-react';
import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { benefitDecisions } from '../testEntities';
import {
  ADA,
  aRequest,
  API,
  BO,
  OLAV,
} from '../decisions/__testUtils__/accessRequests';
import { renderWithClient } from '../decisions/__testUtils__/renderWithClient';
import { RequestsTab } from './RequestsTab';

// Real rendering on a shared machine takes a while.
jest.setTimeout(30_000);

const server = setupServer();
registerMswTestHooks(server);

describe('Who has access (Requests tab)', () => {
  it('exports every current grant, not only the loaded page, as CSV with formulas escaped', async () => {
    const first = aRequest({
      status: 'approved',
      decidedBy: OLAV,
      decidedAt: '2026-03-02T10:00:00.000Z',
      provisioning: {
        state: 'applied',
        operation: 'grant',
        attempts: 1,
        updatedAt: '2026-03-02T10:01:00.000Z',
      },
    });
    const second = aRequest({
      status: 'approved',
      subjectRef: BO,
      requesterRef: BO,
      purpose: '=HYPERLINK("http://evil.example")',
    });
    const grantQueries: Record<string, string>[] = [];
    server.use(
      http.get(`${API}/requests`, () => HttpResponse.json({ items: [] })),
      http.get(`${API}/grants`, ({ request }) => {
        const query = Object.fromEntries(new URL(request.url).searchParams);
        grantQueries.push(query);
        return HttpResponse.json(
          query.cursor
            ? { items: [second] }
            : { items: [first], nextCursor: 'page-2' },
        );
      }),
    );
    const saved: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: jest.fn((blob: Blob) => {
        saved.push(blob);
        return 'blob:grants';
      }),
      revokeObjectURL: jest.fn(),
    });

    await renderWithClient(
      <EntityProvider entity={benefitDecisions}>
        <RequestsTab />
      </EntityProvider>,
      {
        user: OLAV,
        ownershipEntityRefs: [OLAV, 'group:default/team-benefits'],
      },
    );
    const grants = await screen.findByRole('table', { name: 'Active grants' });
    expect(within(grants).getAllByRole('row')).toHaveLength(2);
    expect(screen.getByText('Who has access')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    const lines = (await saved[0].text()).trim().split('\r\n');
    expect(lines[0]).toBe(
      'Data product,Port,Access for,Requester,Purpose,Processing activity,Art. 6 basis,Art. 9 basis,National law,Approved at,Approved by,Ends at,Provisioning',
    );
    expect(lines[1]).toBe(
      `dataproduct:default/benefit-decisions,decisions_v1,${ADA},${ADA},Follow-up statistics for young job seekers,B123 Follow-up of young job seekers,ART61E,ART92H,,2026-03-02T10:00:00.000Z,${OLAV},${first.endsAt},applied`,
    );
    expect(lines[2]).toContain(`,"'=HYPERLINK(""http://evil.example"")",`);
    expect(lines).toHaveLength(3);
    expect(grantQueries.slice(-2)).toEqual([
      { entityRef: 'dataproduct:default/benefit-decisions', limit: '100' },
      {
        entityRef: 'dataproduct:default/benefit-decisions',
        limit: '100',
        cursor: 'page-2',
      },
    ]);
  });
});
