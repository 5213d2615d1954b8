import {
  emptyFilters,
  filtersFromSearchParams,
  filtersToSearchParams,
  hasFilters,
  toCatalogQuery,
} from './marketplaceFilters';

describe('marketplace filters in the URL', () => {
  it('reads repeated parameters as the values of one facet', () => {
    const filters = filtersFromSearchParams(
      new URLSearchParams(
        'q=decisions&domain=benefits&domain=employment&type=table&personalData=special&access=auto&lifecycle=active&owner=group:team-benefits&classification=personal',
      ),
    );
    expect(filters).toEqual({
      text: 'decisions',
      domain: ['benefits', 'employment'],
      owner: ['group:team-benefits'],
      portType: ['table'],
      classification: ['personal'],
      personalData: ['special'],
      access: ['auto'],
      lifecycle: ['active'],
    });
    expect(filtersFromSearchParams(filtersToSearchParams(filters))).toEqual(
      filters,
    );
  });

  it('drops values the fixed facets do not have, and empty ones', () => {
    const filters = filtersFromSearchParams(
      new URLSearchParams('personalData=maybe&access=&access=manual&domain='),
    );
    expect(filters).toEqual(emptyFilters);
    expect(hasFilters(filters)).toBe(false);
    expect(filtersToSearchParams(filters).toString()).toBe('');
  });

  it('leaves out a blank search', () => {
    expect(
      filtersToSearchParams({ ...emptyFilters, text: '   ' }).toString(),
    ).toBe('');
  });
});

describe('toCatalogQuery', () => {
  it('asks for DataProducts only when nothing is picked', () => {
    expect(toCatalogQuery(emptyFilters)).toEqual({ kind: 'DataProduct' });
  });

  it('ANDs facets and ORs the values within one', () => {
    expect(
      toCatalogQuery({
        ...emptyFilters,
        domain: ['benefits', 'employment'],
        access: ['auto', 'required'],
      }),
    ).toEqual({
      $all: [
        { kind: 'DataProduct' },
        { 'spec.domain': { $in: ['benefits', 'employment'] } },
        {
          $any: [
            { 'spec.outputPorts.access.approval': 'auto' },
            {
              $any: [
                { 'spec.outputPorts.access.approval': 'required' },
                { 'spec.outputPorts.access.approval': { $exists: false } },
              ],
            },
          ],
        },
      ],
    });
  });
});
