import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { registerMswTestHooks } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  PersonalDataAccessReport,
  PersonalDataAccessRow,
} from '@datamesh-governance/plugin-data-products-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { useLocation } from 'react-router-dom';
import {
  ADA,
  API,
  DECISIONS,
  OLAV,
} from '../decisions/__testUtils__/accessRequests';
import { renderWithClient } from '../decisions/__testUtils__/renderWithClient';
import { PersonalDataAccessReportPageContent } from './PersonalDataAccessReportPage';

// Real rendering and typing on a shared machine take a while.
jest.setTimeout(30_000);

const server = setupServer();
registerMswTestHooks(server);

const LEO = 'user:default/leo.legal';

function aRow(
  overrides: Partial<PersonalDataAccessRow> = {},
): PersonalDataAccessRow {
  return {
    requestId: 'req-1',
    entityRef: DECISIONS,
    outputPort: 'decisions_v1',
    subjectRef: ADA,
    requesterRef: ADA,
    purpose: 'Follow-up statistics for young job seekers',
    activity: {
      registerId: 'demo',
      activityId: 'activity-123',
      number: 'B123',
      name: 'Follow-up of young job seekers',
      art6Basis: 'ART61E',
      art9Basis: 'ART92H',
      nationalLaw: 'Social Security Act § 21-4',
      link: 'https://register.example/activities/B123',
    },
    approvedAt: '2026-03-02T10:00:00.000Z',
    approvedBy: OLAV,
    endsAt: '2026-06-01T00:00:00.000Z',
    provisioning: {
      state: 'applied',
      operation: 'grant',
      attempts: 1,
      updatedAt: '2026-03-02T10:01:00.000Z',
    },
    ...overrides,
  };
}

const report = (
  items: PersonalDataAccessRow[],
  nextCursor?: string,
): PersonalDataAccessReport => ({
  at: '2026-04-01T00:00:00.000Z',
  items,
  nextCursor,
  activities: items.length
    ? [
        {
          registerId: 'demo',
          activityId: 'activity-123',
          name: 'Follow-up of young job seekers',
          ports: [{ entityRef: DECISIONS, outputPort: 'decisions_v1' }],
        },
      ]
    : [],
});

/** Serves the report's JSON pages in turn and its CSV; records each query. */
function serveReport(...pages: PersonalDataAccessReport[]) {
  const queries: Record<string, string>[] = [];
  server.use(
    http.get(`${API}/reports/personal-data-access`, ({ request }) => {
      const query = Object.fromEntries(new URL(request.url).searchParams);
      queries.push(query);
      if (query.format === 'csv') {
        return new HttpResponse(
          'requestId,subject\r\nreq-1,user:default/ada.analyst\r\n',
          {
            headers: { 'Content-Type': 'text/csv' },
          },
        );
      }
      const json = queries.filter(q => q.format !== 'csv');
      return HttpResponse.json(
        pages[Math.min(json.length - 1, pages.length - 1)],
      );
    }),
  );
  return queries;
}

function CurrentQuery() {
  return <output aria-label="query">{useLocation().search}</output>;
}

const renderReport = (
  options: {
    query?: string;
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
  } = {},
) =>
  renderWithClient(
    <>
      <PersonalDataAccessReportPageContent />
      <CurrentQuery />
    </>,
    {
      user: LEO,
      routeEntries: [
        `/data-products/reports/personal-data-access${options.query ?? ''}`,
      ],
      permission: options.permission,
    },
  );

describe('PersonalDataAccessReportPage', () => {
  it('lists the grants in force now with subject, activity and its bases, approval and provisioning', async () => {
    const queries = serveReport(report([aRow()]));
    await renderReport();
    const table = await screen.findByRole('table', {
      name: 'Grants to personal data',
    });
    const row = within(table).getAllByRole('row')[1];
    expect(within(row).getAllByText('ada.analyst')).toHaveLength(2);
    expect(
      within(row).getByRole('link', {
        name: /^B123 Follow-up of young job seekers/,
      }),
    ).toHaveAttribute('href', 'https://register.example/activities/B123');
    expect(within(row).getByText('Art. 6: ART61E')).toBeInTheDocument();
    expect(within(row).getByText('Art. 9: ART92H')).toBeInTheDocument();
    expect(
      within(row).getByText('Law: Social Security Act § 21-4'),
    ).toBeInTheDocument();
    expect(within(row).getByText('olav.owner')).toBeInTheDocument();
    expect(within(row).getByText('Applied')).toBeInTheDocument();
    // Today is "now": no date is sent.
    expect(queries).toEqual([{ format: 'json' }]);

    const activities = screen.getByRole('list', {
      name: 'Processing activities and their ports',
    });
    expect(
      within(activities).getByText('Follow-up of young job seekers'),
    ).toBeInTheDocument();
    expect(within(activities).getByText(/decisions_v1/)).toBeInTheDocument();
  });

  it('asks for a past date picked in the date field and keeps it in the URL', async () => {
    const queries = serveReport(report([aRow()]), report([]));
    await renderReport();
    await screen.findByRole('table', { name: 'Grants to personal data' });
    fireEvent.change(screen.getByLabelText('Grants in force on'), {
      target: { value: '2026-04-01' },
    });
    await waitFor(() =>
      expect(screen.getByLabelText('query')).toHaveTextContent(
        '?at=2026-04-01',
      ),
    );
    await waitFor(() =>
      expect(queries).toContainEqual({ at: '2026-04-01', format: 'json' }),
    );
    expect(
      await screen.findByText('Nobody could read personal data at this date'),
    ).toBeInTheDocument();
  });

  it('pages with "Load more"', async () => {
    const queries = serveReport(
      report([aRow({ requestId: 'req-1' })], 'cursor-2'),
      report([
        aRow({ requestId: 'req-2', subjectRef: 'user:default/bo.business' }),
      ]),
    );
    await renderReport({ query: '?at=2026-04-01' });
    await screen.findByRole('table', { name: 'Grants to personal data' });
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('bo.business')).toBeInTheDocument();
    expect(screen.getAllByRole('row')).toHaveLength(3);
    expect(queries[1]).toEqual({
      at: '2026-04-01',
      cursor: 'cursor-2',
      format: 'json',
    });
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it("downloads the backend's CSV for the date shown, with the user's token", async () => {
    const queries = serveReport(report([aRow()]));
    const saved: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: jest.fn((blob: Blob) => {
        saved.push(blob);
        return 'blob:report';
      }),
      revokeObjectURL: jest.fn(),
    });
    await renderReport({ query: '?at=2026-04-01' });
    await screen.findByRole('table', { name: 'Grants to personal data' });
    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(queries).toContainEqual({ at: '2026-04-01', format: 'csv' });
    expect(await saved[0].text()).toContain('req-1,user:default/ada.analyst');
  });

  it('tells a user the backend refuses that they are not allowed to read the report', async () => {
    server.use(
      http.get(`${API}/reports/personal-data-access`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotAllowedError', message: 'Unauthorized' },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );
    await renderReport();
    expect(
      await screen.findByText(/You are not allowed to read this report/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('does not ask the backend when the permission framework already says no', async () => {
    const queries = serveReport(report([aRow()]));
    await renderReport({ permission: AuthorizeResult.DENY });
    expect(
      await screen.findByText(/You are not allowed to read this report/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Download CSV' })).toBeNull();
    expect(queries).toEqual([]);
  });
});
