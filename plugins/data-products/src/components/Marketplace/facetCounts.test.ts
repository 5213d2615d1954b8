import { emptyFilters } from './marketplaceFilters';
import { facetCountQueries } from './facetCounts';

const dataProducts = { kind: 'DataProduct' };

describe('facetCountQueries', () => {
  it('counts every facet over all data products when nothing is picked: one query', () => {
    expect(facetCountQueries(emptyFilters)).toEqual([
      {
        query: dataProducts,
        facets: ['domain', 'owner', 'portType', 'classification', 'lifecycle'],
      },
    ]);
  });

  it('counts a picked facet with the others applied, not itself, and the rest with all of them', () => {
    const groups = facetCountQueries({
      ...emptyFilters,
      text: 'decisions',
      domain: ['benefits'],
      access: ['auto'],
    });
    const auto = { 'spec.outputPorts.access.approval': 'auto' };
    expect(groups).toEqual([
      // The domain's own alternatives stay on offer.
      { query: { $all: [dataProducts, auto] }, facets: ['domain'] },
      {
        query: {
          $all: [dataProducts, { 'spec.domain': { $in: ['benefits'] } }, auto],
        },
        facets: ['owner', 'portType', 'classification', 'lifecycle'],
      },
    ]);
  });

  it('gives each picked facet a query of its own', () => {
    const groups = facetCountQueries({
      ...emptyFilters,
      domain: ['benefits'],
      portType: ['table'],
    });
    expect(groups.map(g => g.facets)).toEqual([
      ['domain'],
      ['owner', 'classification', 'lifecycle'],
      ['portType'],
    ]);
    expect(groups[0].query).toEqual({
      $all: [dataProducts, { 'spec.outputPorts.type': { $in: ['table'] } }],
    });
  });
});
