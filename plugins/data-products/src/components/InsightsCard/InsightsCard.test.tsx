import { EntityProvider } from '@backstage/plugin-catalog-react';
import { registerMswTestHooks } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { API, ADA } from '../decisions/__testUtils__/accessRequests';
import { renderWithClient } from '../decisions/__testUtils__/renderWithClient';
import { decided, figures, metrics } from '../Insights/__testUtils__/metrics';
import { benefitDecisions } from '../testEntities';
import { InsightsCard } from './InsightsCard';

jest.setTimeout(30_000);

const server = setupServer();
registerMswTestHooks(server);

const DAY = 86_400_000;

function serve(answer: ReturnType<typeof metrics>) {
  const queries: Record<string, string>[] = [];
  server.use(
    http.get(`${API}/metrics`, ({ request }) => {
      queries.push(Object.fromEntries(new URL(request.url).searchParams));
      return HttpResponse.json(answer);
    }),
  );
  return queries;
}

const renderCard = () =>
  renderWithClient(
    <EntityProvider entity={benefitDecisions}>
      <InsightsCard />
    </EntityProvider>,
    // A consumer, not an owner: the figures name nobody, so everyone sees them.
    { user: ADA },
  );

describe('InsightsCard', () => {
  it("shows the product's own figures of the last 90 days to anyone who sees the product", async () => {
    const queries = serve(
      metrics('month', [{ key: '2026-11', figures: decided(3, 1, 2, 6) }], {
        ...decided(3, 1, 2, 6),
        open: 1,
      }),
    );
    await renderCard();
    const tiles = await screen.findByLabelText(
      'Access figures of the last 90 days',
    );
    expect(tiles).toHaveTextContent('Requests3');
    expect(tiles).toHaveTextContent('Rejection share50 %');
    expect(tiles).toHaveTextContent('Median time to decision6 h');
    expect(tiles).toHaveTextContent('Open now1');

    const query = queries[0];
    expect(query).toMatchObject({
      groupBy: 'month',
      entityRef: 'dataproduct:default/benefit-decisions',
    });
    const days = (Date.parse(query.to) - Date.parse(query.from)) / DAY;
    expect(days).toBe(90);
    expect(screen.getByRole('link', { name: /All insights/ })).toHaveAttribute(
      'href',
      '/data-products/insights?product=dataproduct%3Adefault%2Fbenefit-decisions',
    );
  });

  it('says when nobody asked for access', async () => {
    serve(metrics('month', [], figures()));
    await renderCard();
    expect(
      await screen.findByText('Nobody asked for access in the last 90 days.'),
    ).toBeInTheDocument();
  });
});
