import {
  catalogApiRef,
  entityRouteRef,
  EntityProvider,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { Entity } from '@backstage/catalog-model';
import { screen, within } from '@testing-library/react';
import {
  benefitDecisions,
  decisionService,
  paymentService,
} from '../testEntities';
import { ProducedDataProductsCard } from './ProducedDataProductsCard';

/** A service granted access to benefit-decisions, as the catalog draws it. */
const analyticsWorkbench: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'analytics-workbench', namespace: 'default' },
  spec: { type: 'website', lifecycle: 'production', owner: 'team-analytics' },
  relations: [
    {
      type: 'consumesDataProduct',
      targetRef: 'dataproduct:default/benefit-decisions',
    },
  ],
};

async function renderFor(service: Entity) {
  const catalogApi = catalogApiMock({
    entities: [
      benefitDecisions,
      decisionService,
      paymentService,
      analyticsWorkbench,
    ],
  });
  await renderInTestApp(
    <TestApiProvider apis={[[catalogApiRef, catalogApi]]}>
      <EntityProvider entity={service}>
        <ProducedDataProductsCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('ProducedDataProductsCard', () => {
  it('lists the data products the service produces, with their ports', async () => {
    await renderFor(decisionService);
    expect(
      await screen.findByRole('link', { name: /Benefit decisions/ }),
    ).toHaveAttribute('href', '/catalog/default/dataproduct/benefit-decisions');
    expect(screen.getByText('decisions_v1')).toBeInTheDocument();
    expect(screen.getByText('personal')).toBeInTheDocument();
    expect(screen.getByText('decision_counts_v1')).toBeInTheDocument();
    expect(screen.getByText('active')).toBeInTheDocument();
  });

  it('tells how to link a data product when the service produces none', async () => {
    await renderFor(paymentService);
    expect(
      await screen.findByText(/produces no data products yet/),
    ).toBeInTheDocument();
    expect(screen.getByText('spec.producedBy')).toBeInTheDocument();
    expect(screen.getByText(/holds no access grant/)).toBeInTheDocument();
  });

  it('lists the data products the service reads, from its grants drawn as relations', async () => {
    await renderFor(analyticsWorkbench);
    const reads = (
      await screen.findByRole('heading', {
        name: 'Data products this service reads',
      })
    ).closest('div')!.parentElement!;
    expect(
      within(reads).getByRole('link', { name: /Benefit decisions/ }),
    ).toHaveAttribute('href', '/catalog/default/dataproduct/benefit-decisions');
    expect(within(reads).getByText('decisions_v1')).toBeInTheDocument();
    // It produces nothing: that section says so on its own.
    expect(
      screen.getByText(/produces no data products yet/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/holds no access grant/)).not.toBeInTheDocument();
  });

  it('does not take a product it produces for one it reads', async () => {
    await renderFor(decisionService);
    expect(
      await screen.findByText(/holds no access grant/),
    ).toBeInTheDocument();
  });
});
