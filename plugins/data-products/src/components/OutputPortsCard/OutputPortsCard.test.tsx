import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { benefitDecisions, decisionService } from '../testEntities';
import { OutputPortsCard } from './OutputPortsCard';

describe('OutputPortsCard', () => {
  it('shows every port with classification, personal data, SLA, contract and access', async () => {
    await renderInTestApp(
      <EntityProvider entity={benefitDecisions}>
        <OutputPortsCard />
      </EntityProvider>,
    );

    const personal = within(screen.getByTestId('output-port-decisions_v1'));
    expect(personal.getByText('personal')).toBeInTheDocument();
    expect(personal.getByText('table · postgres')).toBeInTheDocument();
    expect(personal.getByText('v1.2.0')).toBeInTheDocument();
    expect(personal.getByText('Direct identifiers')).toBeInTheDocument();
    expect(personal.getByText('Freshness 1 d')).toBeInTheDocument();
    expect(
      personal.getByText('Owner approval, up to 90 days'),
    ).toBeInTheDocument();
    expect(
      personal.getByRole('link', { name: /decisions_v1\.yaml/ }),
    ).toHaveAttribute('href', 'https://schemas.example/decisions_v1.yaml');

    const open = within(screen.getByTestId('output-port-decision_counts_v1'));
    expect(open.getByText('public')).toBeInTheDocument();
    expect(open.getByText('None')).toBeInTheDocument();
    expect(open.getByText('Automatic')).toBeInTheDocument();
    expect(open.getByText('None published')).toBeInTheDocument();
  });

  it('renders nothing on an entity that is not a data product', async () => {
    await renderInTestApp(
      <EntityProvider entity={decisionService}>
        <OutputPortsCard />
      </EntityProvider>,
    );
    expect(screen.queryByText('Output ports')).not.toBeInTheDocument();
  });
});
