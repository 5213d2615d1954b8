import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AccessMetrics } from '@datamesh-governance/plugin-data-products-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { useLocation } from 'react-router-dom';
import { API, OLAV } from '../decisions/__testUtils__/accessRequests';
import { renderWithClient } from '../decisions/__testUtils__/renderWithClient';
import { benefitDecisions } from '../testEntities';
import { decided, figures, metrics } from './__testUtils__/metrics';
import { InsightsPageContent } from './InsightsPage';

// Real rendering and typing on a shared machine take a while.
jest.setTimeout(30_000);

const server = setupServer();
registerMswTestHooks(server);

const DECISIONS = 'dataproduct:default/benefit-decisions';
const PAYMENTS = 'dataproduct:default/benefit-payments';
const VACANCIES = 'dataproduct:default/vacancies';

/** Serves GET /metrics by grouping; records each query. */
function serveMetrics(answers: {
  month: AccessMetrics;
  product: AccessMetrics;
}) {
  const queries: Record<string, string>[] = [];
  server.use(
    http.get(`${API}/metrics`, ({ request }) => {
      const query = Object.fromEntries(new URL(request.url).searchParams);
      queries.push(query);
      return HttpResponse.json(answers[query.groupBy as 'month' | 'product']);
    }),
  );
  return queries;
}

const busyQuarter = () => ({
  month: metrics(
    'month',
    [
      { key: '2026-01', figures: decided(4, 1, 4, 5) },
      { key: '2026-02', figures: decided(3, 0, 2, 30) },
      { key: '2026-03', figures: figures() },
    ],
    figures({
      ...decided(7, 1, 6, 12),
      open: 2,
      oldestOpenCreatedAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
    }),
  ),
  product: metrics('product', [
    { key: DECISIONS, figures: decided(4, 1, 4, 5) },
    { key: PAYMENTS, figures: decided(2, 1, 2, 30) },
    { key: VACANCIES, figures: figures({ created: 1, open: 1 }) },
  ]),
});

/** Shows the app's current query so tests can read what the page wrote. */
function CurrentQuery() {
  return <output aria-label="query">{useLocation().search}</output>;
}

const renderPage = (
  query = '',
  permission:
    | AuthorizeResult.ALLOW
    | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) =>
  renderWithClient(
    <>
      <InsightsPageContent />
      <CurrentQuery />
    </>,
    {
      user: OLAV,
      catalogEntities: [benefitDecisions],
      routeEntries: [`/data-products/insights${query}`],
      permission,
    },
  );

const filters = () =>
  within(screen.getByRole('search', { name: 'Insights filters' }));

/** The product names of the table's rows, top to bottom. */
function productOrder() {
  const table = screen.getByRole('table', { name: 'Figures per data product' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row => within(row).getAllByRole('cell')[0].textContent);
}

describe('InsightsPage', () => {
  it('asks for the period and filters in the URL, by month and by product, with the end day included', async () => {
    const queries = serveMetrics(busyQuarter());
    await renderPage(
      '?from=2026-01-01&to=2026-03-31&owner=group%3Adefault%2Fteam-benefits',
    );
    await screen.findByRole('table', { name: 'Figures per data product' });
    expect(queries).toEqual(
      expect.arrayContaining([
        {
          from: '2026-01-01',
          to: '2026-04-01',
          groupBy: 'month',
          owner: 'group:default/team-benefits',
        },
        {
          from: '2026-01-01',
          to: '2026-04-01',
          groupBy: 'product',
          owner: 'group:default/team-benefits',
        },
      ]),
    );
    const tiles = screen.getByLabelText('Figures for the period');
    expect(within(tiles).getByText('Open now').nextSibling).toHaveTextContent(
      '2',
    );
    expect(
      within(tiles).getByText('Rejection share').nextSibling,
    ).toHaveTextContent('17 %');
    expect(
      within(tiles).getByText('Median time to decision').nextSibling,
    ).toHaveTextContent('12 h');
    expect(
      within(tiles).getByText('Oldest open waiting').nextSibling,
    ).toHaveTextContent('3 d');
  });

  it('puts a chosen filter in the URL and loads its figures', async () => {
    const queries = serveMetrics(busyQuarter());
    await renderPage('?from=2026-01-01&to=2026-03-31');
    await screen.findByRole('table', { name: 'Figures per data product' });

    await userEvent.click(
      filters().getByRole('button', { name: /Classification/ }),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'personal' }),
    );
    await waitFor(() =>
      expect(screen.getByLabelText('query')).toHaveTextContent(
        '?from=2026-01-01&to=2026-03-31&classification=personal',
      ),
    );
    await waitFor(() =>
      expect(queries).toContainEqual(
        expect.objectContaining({
          groupBy: 'product',
          classification: 'personal',
        }),
      ),
    );

    await userEvent.click(
      filters().getByRole('button', { name: /Data product/ }),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'Benefit decisions' }),
    );
    await waitFor(() =>
      expect(screen.getByLabelText('query')).toHaveTextContent(
        `product=${encodeURIComponent(DECISIONS)}`,
      ),
    );
    await waitFor(() =>
      expect(queries).toContainEqual(
        expect.objectContaining({ groupBy: 'month', entityRef: DECISIONS }),
      ),
    );
  });

  it('sorts the product table by any column; products without a value come last', async () => {
    serveMetrics(busyQuarter());
    await renderPage();
    await screen.findByRole('table', { name: 'Figures per data product' });
    // By requests, most first.
    expect(productOrder()).toEqual([
      'benefit-decisions',
      'benefit-payments',
      'vacancies',
    ]);

    await userEvent.click(
      screen.getByRole('button', { name: 'Rejection share' }),
    );
    // Highest share first: payments 50 %, decisions 25 %, vacancies none.
    expect(productOrder()).toEqual([
      'benefit-payments',
      'benefit-decisions',
      'vacancies',
    ]);
    await userEvent.click(
      screen.getByRole('button', { name: 'Rejection share' }),
    );
    expect(productOrder()).toEqual([
      'benefit-decisions',
      'benefit-payments',
      'vacancies',
    ]);

    await userEvent.click(screen.getByRole('button', { name: 'Open now' }));
    expect(productOrder()[0]).toBe('vacancies');
  });

  it('links each product row to the product page', async () => {
    serveMetrics(busyQuarter());
    await renderPage();
    const table = await screen.findByRole('table', {
      name: 'Figures per data product',
    });
    expect(
      within(table).getByRole('link', { name: 'benefit-decisions' }),
    ).toHaveAttribute('href', '/catalog/default/dataproduct/benefit-decisions');
  });

  it('downloads the table as CSV in the order shown', async () => {
    serveMetrics(busyQuarter());
    const saved: Blob[] = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      saved.push(blob);
      return 'blob:insights';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    await renderPage('?from=2026-01-01&to=2026-03-31');
    await screen.findByRole('table', { name: 'Figures per data product' });
    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));

    expect(saved).toHaveLength(1);
    const lines = (await saved[0].text()).split('\r\n');
    expect(lines[0]).toBe(
      'Data product,Requests,Decided,Approved,Rejected,Rejection share (%),Median time to decision (hours),90th percentile time to decision (hours),Open now,Oldest open since',
    );
    expect(lines[1]).toBe(`${DECISIONS},4,4,3,1,25,5,10,0,`);
    expect(lines).toHaveLength(5);
  });

  it('says so when nothing happened in the period', async () => {
    serveMetrics({
      month: metrics('month', [{ key: '2026-01', figures: figures() }]),
      product: metrics('product', []),
    });
    await renderPage();
    expect(
      await screen.findByText('No access requests in this period'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows what went wrong when the figures cannot be loaded', async () => {
    server.use(
      http.get(`${API}/metrics`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message: 'The period is longer than three years',
            },
          },
          { status: 400 },
        ),
      ),
    );
    await renderPage();
    expect(
      (await screen.findAllByText(/The period is longer than three years/))
        .length,
    ).toBeGreaterThan(0);
  });

  it('links the Art. 30 report only for those allowed to read it', async () => {
    serveMetrics(busyQuarter());
    const allowed = await renderPage();
    expect(
      await screen.findByRole('link', { name: /Art. 30 report/ }),
    ).toHaveAttribute('href', '/data-products/reports/personal-data-access');
    allowed.unmount();

    await renderPage('', AuthorizeResult.DENY);
    await screen.findByRole('table', { name: 'Figures per data product' });
    expect(screen.queryByRole('link', { name: /Art. 30 report/ })).toBeNull();
  });
});
