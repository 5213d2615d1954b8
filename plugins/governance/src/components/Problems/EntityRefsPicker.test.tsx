import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EntityRefsPicker } from './EntityRefsPicker';

const product = (name: string, title: string) => ({
  apiVersion: 'datamesh/v1alpha1',
  kind: 'DataProduct',
  metadata: { name, namespace: 'default', title },
  spec: {},
});

it('offers only the matches of what is typed now, not those of an earlier term', async () => {
  const catalog = catalogApiMock({
    entities: [
      product('benefit-decisions', 'Benefit decisions'),
      product('benefit-payments', 'Benefit payments'),
    ],
  });
  // Searches by a term answer when the test says so.
  const held: (() => void)[] = [];
  const query = catalog.queryEntities.bind(catalog);
  catalog.queryEntities = async request => {
    const answer = await query(request);
    if (request && 'fullTextFilter' in request && request.fullTextFilter) {
      await new Promise<void>(resolve => held.push(resolve));
    }
    return answer;
  };
  const picked: string[][] = [];
  await renderInTestApp(
    <TestApiProvider apis={[[catalogApiRef, catalog]]}>
      <EntityRefsPicker value={[]} onChange={refs => picked.push(refs)} />
    </TestApiProvider>,
  );
  const box = screen.getByRole('textbox', {
    name: /Data products and domains/,
  });
  await userEvent.click(box);
  expect(
    await screen.findByRole('option', { name: /Benefit decisions/ }),
  ).toBeInTheDocument();

  await userEvent.type(box, 'payments');

  // The search for "payments" has not answered: nothing is offered yet.
  expect(screen.queryByRole('option')).not.toBeInTheDocument();
  expect(screen.getByText('Loading…')).toBeInTheDocument();
  while (held.length === 0) {
    await new Promise(resolve => setTimeout(resolve, 20));
  }
  held.forEach(answer => answer());
  await userEvent.click(
    await screen.findByRole('option', { name: /Benefit payments/ }),
  );
  expect(picked).toEqual([['dataproduct:default/benefit-payments']]);
});
