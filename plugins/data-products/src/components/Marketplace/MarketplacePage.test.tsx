import {
  CatalogApi,
  catalogApiRef,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type {
  DataProductEntityV1alpha1,
  OutputPort,
} from '@datamesh-governance/plugin-data-products-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import { MarketplacePage } from './MarketplacePage';

// Real rendering and typing on a shared machine take a while.
jest.setTimeout(30_000);

function product(
  name: string,
  title: string,
  spec: Partial<DataProductEntityV1alpha1['spec']> & {
    outputPorts: OutputPort[];
  },
): DataProductEntityV1alpha1 {
  return {
    apiVersion: 'datamesh/v1alpha1',
    kind: 'DataProduct',
    metadata: { name, namespace: 'default', title },
    spec: {
      type: 'source-aligned',
      lifecycle: 'active',
      owner: 'group:team-benefits',
      ...spec,
    },
  };
}

/** A slice of the demo organisation's products (examples/data-products.yaml). */
const products = [
  product('benefit-decisions', 'Benefit decisions', {
    domain: 'benefits',
    outputPorts: [
      {
        name: 'decisions_v1',
        type: 'table',
        classification: 'personal',
        personalData: { directIdentifiers: true },
        access: { approval: 'required' },
      },
      {
        name: 'decision_counts_v1',
        type: 'table',
        classification: 'public',
        access: { approval: 'auto' },
      },
    ],
  }),
  product('benefit-applications-stream', 'Benefit applications', {
    domain: 'benefits',
    outputPorts: [
      {
        name: 'applications-received',
        type: 'topic',
        classification: 'internal',
      },
    ],
  }),
  product('vacancies', 'Vacancies', {
    domain: 'employment',
    owner: 'group:team-employment',
    outputPorts: [
      {
        name: 'vacancies_v1',
        type: 'api',
        classification: 'public',
        access: { approval: 'auto' },
      },
    ],
  }),
  product('jobseeker-profiles', 'Jobseeker profiles', {
    domain: 'employment',
    owner: 'group:team-employment',
    outputPorts: [
      {
        name: 'profiles_v2',
        type: 'table',
        classification: 'personal',
        personalData: { directIdentifiers: true },
        access: { approval: 'required' },
      },
    ],
  }),
  product('sick-leave-cases', 'Sick-leave cases', {
    domain: 'follow-up',
    owner: 'group:team-follow-up',
    outputPorts: [
      {
        name: 'cases_v1',
        type: 'table',
        classification: 'sensitive',
        personalData: { directIdentifiers: true, specialCategories: true },
        access: { approval: 'required' },
      },
    ],
  }),
  product('unemployment-history', 'Unemployment history', {
    domain: 'insight',
    lifecycle: 'proposed',
    owner: 'group:team-analytics',
    outputPorts: [
      { name: 'periods_v1', type: 'table', classification: 'personal' },
    ],
  }),
];

function LocationDisplay() {
  const location = useLocation();
  return <div data-testid="location">{location.search}</div>;
}

const query = () =>
  new URLSearchParams(screen.getByTestId('location').textContent ?? '');

async function renderMarketplace(
  url = '/data-products',
  catalogApi: Partial<CatalogApi> = catalogApiMock({ entities: products }),
) {
  await renderInTestApp(
    <TestApiProvider apis={[[catalogApiRef, catalogApi]]}>
      <MarketplacePage />
      <LocationDisplay />
    </TestApiProvider>,
    {
      routeEntries: [url],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

const cardTitles = () => {
  const list = screen.queryByRole('list', { name: 'Data products' });
  return list
    ? within(list)
        .getAllByRole('article')
        .map(card => card.getAttribute('aria-label'))
    : [];
};

/** Opens a facet's list and toggles the options with these labels. */
async function pick(facet: string, ...options: RegExp[]) {
  await userEvent.click(
    screen.getByRole('button', { name: new RegExp(facet) }),
  );
  const list = await screen.findByRole('listbox');
  for (const option of options) {
    await userEvent.click(within(list).getByRole('option', { name: option }));
  }
  await userEvent.keyboard('{Escape}');
}

describe('MarketplacePage', () => {
  it('shows every data product, sorted by name, with its ports and their chips', async () => {
    await renderMarketplace();
    await screen.findByRole('article', { name: 'Benefit decisions' });
    expect(cardTitles()).toEqual([
      'Benefit applications',
      'Benefit decisions',
      'Jobseeker profiles',
      'Sick-leave cases',
      'Unemployment history',
      'Vacancies',
    ]);
    expect(screen.getByText('6 data products')).toBeInTheDocument();

    const decisions = screen.getByRole('article', {
      name: 'Benefit decisions',
    });
    const [personalPort, publicPort] =
      within(decisions).getAllByRole('listitem');
    expect(within(personalPort).getByText('decisions_v1')).toBeInTheDocument();
    expect(within(personalPort).getByText('personal')).toBeInTheDocument();
    expect(within(personalPort).getByText('Personal data')).toBeInTheDocument();
    expect(
      within(personalPort).getByText('Owner approval'),
    ).toBeInTheDocument();
    expect(within(publicPort).getByText('public')).toBeInTheDocument();
    expect(within(publicPort).getByText('Automatic')).toBeInTheDocument();
    expect(within(publicPort).queryByText('Personal data')).toBeNull();
    expect(
      within(decisions).getByRole('link', {
        name: 'Request access to Benefit decisions',
      }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/dataproduct/benefit-decisions/access',
    );

    const sickLeave = screen.getByRole('article', { name: 'Sick-leave cases' });
    expect(
      within(sickLeave).getByText('Special categories (Art. 9)'),
    ).toBeInTheDocument();
    expect(
      within(
        screen.getByRole('article', { name: 'Unemployment history' }),
      ).getByText('proposed'),
    ).toBeInTheDocument();
  });

  it('takes its filters from the URL', async () => {
    await renderMarketplace(
      '/data-products?personalData=personal&domain=benefits&domain=employment',
    );
    await waitFor(() =>
      expect(cardTitles()).toEqual(['Benefit decisions', 'Jobseeker profiles']),
    );
    expect(screen.getByRole('button', { name: /Domain/ })).toHaveTextContent(
      'benefits, employment',
    );
    expect(
      screen.getByRole('button', { name: /Personal data/ }),
    ).toHaveTextContent('Personal data');
  });

  it('puts a picked facet value in the URL and narrows the cards', async () => {
    await renderMarketplace();
    await screen.findByRole('article', { name: 'Vacancies' });

    await pick('Personal data', /^Special categories/);
    expect(query().getAll('personalData')).toEqual(['special']);
    await waitFor(() => expect(cardTitles()).toEqual(['Sick-leave cases']));

    await pick('Personal data', /^Special categories/, /^No personal data/);
    expect(query().getAll('personalData')).toEqual(['none']);
    await waitFor(() =>
      expect(cardTitles()).toEqual(['Benefit applications', 'Vacancies']),
    );

    await pick('Access', /^Automatic/);
    expect(query().getAll('access')).toEqual(['auto']);
    await waitFor(() => expect(cardTitles()).toEqual(['Vacancies']));
  });

  it('offers the values the catalog has, with counts', async () => {
    await renderMarketplace();
    await screen.findByRole('article', { name: 'Vacancies' });
    await userEvent.click(
      screen.getByRole('button', { name: /Output port type/ }),
    );
    const list = await screen.findByRole('listbox');
    expect(
      within(list)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['api (1)', 'table (4)', 'topic (1)']);
    await userEvent.click(
      within(list).getByRole('option', { name: 'topic (1)' }),
    );
    await userEvent.keyboard('{Escape}');
    expect(query().getAll('type')).toEqual(['topic']);
    await waitFor(() => expect(cardTitles()).toEqual(['Benefit applications']));
  });

  it("narrows each facet's counts by the other facets, not by itself", async () => {
    await renderMarketplace('/data-products?domain=employment');
    await waitFor(() =>
      expect(cardTitles()).toEqual(['Jobseeker profiles', 'Vacancies']),
    );
    const options = async (facet: RegExp) => {
      await userEvent.click(screen.getByRole('button', { name: facet }));
      const list = await screen.findByRole('listbox');
      const texts = within(list)
        .getAllByRole('option')
        .map(o => o.textContent);
      await userEvent.keyboard('{Escape}');
      await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
      return texts;
    };
    // The employment products only: no topic, one table.
    await waitFor(
      async () =>
        expect(await options(/Output port type/)).toEqual([
          'api (1)',
          'table (1)',
        ]),
      { timeout: 15_000 },
    );
    expect(await options(/Owner/)).toEqual(['team-employment (2)']);
    // The domain itself keeps offering the other domains, counted in full.
    expect(await options(/Domain/)).toEqual([
      'benefits (2)',
      'employment (2)',
      'follow-up (1)',
      'insight (1)',
    ]);

    // A second facet narrows the first one's counts too.
    await pick('Personal data', /^Personal data/);
    await waitFor(
      async () =>
        expect(await options(/Domain/)).toEqual([
          'benefits (1)',
          'employment (1)',
          'follow-up (1)',
          'insight (1)',
        ]),
      { timeout: 15_000 },
    );
    expect(await options(/Output port type/)).toEqual(['table (1)']);
  });

  it('searches text once typing pauses, and keeps it in the URL', async () => {
    await renderMarketplace('/data-products?lifecycle=active');
    await screen.findByRole('article', { name: 'Vacancies' });
    await userEvent.type(
      screen.getByRole('searchbox', { name: 'Search data products' }),
      'profiles_v2',
    );
    await waitFor(() => expect(query().get('q')).toBe('profiles_v2'));
    expect(query().getAll('lifecycle')).toEqual(['active']);
    await waitFor(() => expect(cardTitles()).toEqual(['Jobseeker profiles']));
  });

  it('says when nothing matches and clears the filters on request', async () => {
    await renderMarketplace(
      '/data-products?q=nothing-like-this&domain=benefits',
    );
    expect(
      await screen.findByText('No data products match'),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    expect(query().toString()).toBe('');
    await waitFor(() => expect(cardTitles()).toHaveLength(6));
    expect(
      screen.getByRole('searchbox', { name: 'Search data products' }),
    ).toHaveValue('');
  });

  it('asks the catalog for one page at a time and pages with its cursor', async () => {
    const many = Array.from({ length: 15 }, (_, i) =>
      product(`product-${String(i).padStart(2, '0')}`, `Product ${i}`, {
        outputPorts: [{ name: 'p', type: 'file', classification: 'public' }],
      }),
    );
    const catalogApi = catalogApiMock({ entities: many });
    const queryEntities = jest.spyOn(catalogApi, 'queryEntities');
    await renderMarketplace('/data-products', catalogApi);
    await screen.findByRole('article', { name: 'Product 0' });
    expect(cardTitles()).toHaveLength(12);
    expect(queryEntities).toHaveBeenLastCalledWith(
      expect.objectContaining({ limit: 12 }),
    );
    expect(screen.getByText('15 data products')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('article', { name: 'Product 14' });
    expect(cardTitles()).toHaveLength(3);
    expect(queryEntities).toHaveBeenLastCalledWith(
      expect.objectContaining({ cursor: expect.any(String) }),
    );
  });

  it('shows the catalog error instead of an empty page', async () => {
    const catalogApi = catalogApiMock({ entities: products });
    jest
      .spyOn(catalogApi, 'queryEntities')
      .mockRejectedValue(new Error('catalog is down'));
    await renderMarketplace('/data-products', catalogApi);
    expect(
      await screen.findByText('Error: catalog is down'),
    ).toBeInTheDocument();
    expect(screen.queryByText('No data products match')).toBeNull();
  });
});
