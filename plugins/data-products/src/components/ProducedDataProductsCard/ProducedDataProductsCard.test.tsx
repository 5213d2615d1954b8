import {
  catalogApiRef,
  entityRouteRef,
  EntityProvider,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { Entity } from '@backstage/catalog-model';
import { screen } from '@testing-library/react';
import {
  benefitDecisions,
  decisionService,
  paymentService,
} from '../testEntities';
import { ProducedDataProductsCard } from './ProducedDataProductsCard';

async function renderFor(service: Entity) {
  const catalogApi = catalogApiMock({
    entities: [benefitDecisions, decisionService, paymentService],
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
  });
});
