import { renderInTestApp } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import { isDataProductSearchResult } from '../../isDataProductSearchResult';
import { DataProductSearchResultListItem } from './DataProductSearchResultListItem';

/** A DataProduct as Backstage's catalog collator indexes it. */
const collatedDocument = {
  title: 'Benefit decisions',
  text: 'Every decision on a benefit application.',
  location: '/catalog/default/dataproduct/benefit-decisions',
  kind: 'DataProduct',
  type: 'source-aligned',
  componentType: 'source-aligned',
  namespace: 'default',
  lifecycle: 'active',
  owner: 'group:team-benefits',
};

const render = (result: object) =>
  renderInTestApp(<DataProductSearchResultListItem result={result as any} />, {
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });

describe('DataProductSearchResultListItem', () => {
  it('shows what the catalog collator indexes: title, text, type, lifecycle and owner', async () => {
    await render(collatedDocument);
    expect(
      screen.getByRole('link', { name: 'Benefit decisions' }),
    ).toHaveAttribute('href', '/catalog/default/dataproduct/benefit-decisions');
    expect(
      screen.getByText('Every decision on a benefit application.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Data product')).toBeInTheDocument();
    expect(screen.getByText('source-aligned')).toBeInTheDocument();
    expect(screen.getByText('active')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /team-benefits/ })).toHaveAttribute(
      'href',
      '/catalog/default/group/team-benefits',
    );
  });

  it('links an owner given without kind, as spec.owner may be', async () => {
    await render({ ...collatedDocument, owner: 'team-benefits' });
    expect(screen.getByRole('link', { name: /team-benefits/ })).toHaveAttribute(
      'href',
      '/catalog/default/group/team-benefits',
    );
  });

  it("shows the ports' chips when the document carries them", async () => {
    await render({
      ...collatedDocument,
      outputPorts: [
        {
          name: 'decisions_v1',
          type: 'table',
          classification: 'personal',
          personalData: { directIdentifiers: true },
          access: { approval: 'required' },
        },
        {
          name: 'cases_v1',
          type: 'table',
          classification: 'sensitive',
          personalData: { specialCategories: true },
        },
      ],
    });
    const port = screen.getByText('decisions_v1').parentElement!;
    expect(within(port).getByText('personal')).toBeInTheDocument();
    expect(within(port).getByText('Personal data')).toBeInTheDocument();
    expect(within(port).getByText('Owner approval')).toBeInTheDocument();
    const special = screen.getByText('cases_v1').parentElement!;
    expect(
      within(special).getByText('Special categories (Art. 9)'),
    ).toBeInTheDocument();
  });
});

describe('isDataProductSearchResult', () => {
  it('takes catalog results of kind DataProduct only', () => {
    expect(
      isDataProductSearchResult({
        type: 'software-catalog',
        document: collatedDocument,
      }),
    ).toBe(true);
    expect(
      isDataProductSearchResult({
        type: 'software-catalog',
        document: { ...collatedDocument, kind: 'Component' },
      }),
    ).toBe(false);
    expect(
      isDataProductSearchResult({
        type: 'governance-adr',
        document: { kind: 'DataProduct' },
      }),
    ).toBe(false);
  });
});
