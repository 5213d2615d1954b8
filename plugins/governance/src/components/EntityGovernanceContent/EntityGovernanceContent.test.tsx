import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { EntityCheck } from '@datamesh-governance/plugin-governance-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  benefitDecisionsChecks,
  maxDurationAdr,
} from '../../__testUtils__/fixtures';
import {
  governanceBaseUrl,
  renderGovernance,
} from '../../__testUtils__/renderGovernance';
import { EntityGovernanceContent } from './EntityGovernanceContent';

const server = setupServer();
registerMswTestHooks(server);

const benefitDecisions: Entity = {
  apiVersion: 'datamesh/v1alpha1',
  kind: 'DataProduct',
  metadata: { name: 'benefit-decisions', namespace: 'default' },
  spec: { owner: 'group:team-benefits' },
};

function serveChecks(checks: EntityCheck[]) {
  const asked: string[] = [];
  server.use(
    http.get(`${governanceBaseUrl}/checks`, ({ request }) => {
      asked.push(new URL(request.url).searchParams.get('entityRef') ?? '');
      return HttpResponse.json({ items: checks });
    }),
  );
  return asked;
}

async function render() {
  await renderGovernance(
    <EntityProvider entity={benefitDecisions}>
      <EntityGovernanceContent />
    </EntityProvider>,
  );
}

describe('EntityGovernanceContent', () => {
  it("lists the data product's checks, failures first, in words and with the ADR behind each", async () => {
    const asked = serveChecks(benefitDecisionsChecks);
    await render();

    const list = await screen.findByRole('list', { name: 'Policy checks' });
    expect(asked).toEqual(['dataproduct:default/benefit-decisions']);
    expect(screen.getByText('Fails 1 of 2 policies')).toBeInTheDocument();
    const [first, second] = within(list).getAllByRole('listitem');
    expect(
      within(first).getByText('Personal data access is time-limited'),
    ).toBeInTheDocument();
    expect(within(first).getByText('Failed')).toBeInTheDocument();
    expect(
      within(first).getByText('decisions_v1 allows P365D'),
    ).toBeInTheDocument();
    expect(
      within(first).getByRole('link', { name: maxDurationAdr.title }),
    ).toHaveAttribute('href', `/governance/adrs/${maxDurationAdr.id}`);
    expect(within(second).getByText('Passed')).toBeInTheDocument();
    expect(
      within(second).getByText('Personal data requires a legal basis'),
    ).toBeInTheDocument();
  });

  it('says so when no policy applies', async () => {
    serveChecks([]);
    await render();

    expect(
      await screen.findByText('No policies apply to this data product'),
    ).toBeInTheDocument();
  });
});
