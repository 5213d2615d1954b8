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

  it('shows since when an enforced policy fails, and a proposed one as would fail if accepted, not failed', async () => {
    const [legalBasis, maxDuration] = benefitDecisionsChecks;
    serveChecks([
      legalBasis,
      { ...maxDuration, failingSince: '2026-11-20T08:30:00.000Z' },
      {
        policyId: 'freshness-sla',
        entityRef: 'dataproduct:default/benefit-decisions',
        passed: false,
        message: 'add an sla entry with property: freshness',
        policy: {
          id: 'freshness-sla',
          title: 'Output ports publish a freshness SLA',
          description: 'Each output port declares a freshness SLA.',
        },
        adrs: [
          {
            id: 'decisions--0008',
            title: 'Freshness SLAs',
            status: 'proposed',
          },
        ],
        enforcement: 'proposed',
      },
    ]);
    await render();

    const list = await screen.findByRole('list', { name: 'Policy checks' });
    expect(
      screen.getByText(
        'Fails 1 of 2 policies; 1 proposed policy would fail if accepted',
      ),
    ).toBeInTheDocument();
    const [failed, wouldFail, passed] = within(list).getAllByRole('listitem');
    expect(
      within(failed).getByText('Failing since 2026-11-20'),
    ).toBeInTheDocument();
    expect(
      within(wouldFail).getByText('Output ports publish a freshness SLA'),
    ).toBeInTheDocument();
    expect(
      within(wouldFail).getByText('Would fail if accepted'),
    ).toBeInTheDocument();
    expect(within(wouldFail).queryByText(/Fail(ed|ing)/)).toBeNull();
    expect(within(wouldFail).getByText(/Proposed in/)).toBeInTheDocument();
    expect(within(passed).getByText('Passed')).toBeInTheDocument();
  });

  it('says when the decision behind a policy has been superseded or deprecated', async () => {
    const [legalBasis, maxDuration] = benefitDecisionsChecks;
    serveChecks([
      {
        ...legalBasis,
        adrs: [
          { id: 'decisions--0002', title: 'Old rule', status: 'superseded' },
        ],
      },
      {
        ...maxDuration,
        adrs: [
          {
            id: maxDurationAdr.id,
            title: maxDurationAdr.title,
            status: 'deprecated',
          },
        ],
      },
    ]);
    await render();

    const list = await screen.findByRole('list', { name: 'Policy checks' });
    const [failed, passed] = within(list).getAllByRole('listitem');
    expect(passed).toHaveTextContent('Decided in Old rule (superseded)');
    expect(failed).toHaveTextContent(
      `Decided in ${maxDurationAdr.title} (deprecated)`,
    );
  });

  it('says so when no policy applies', async () => {
    serveChecks([]);
    await render();

    expect(
      await screen.findByText('No policies apply to this data product'),
    ).toBeInTheDocument();
  });
});
