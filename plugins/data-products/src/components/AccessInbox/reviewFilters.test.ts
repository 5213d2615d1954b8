import {
  defaultReviewFilter,
  filterFromParams,
  isDefaultFilter,
  paramsFromFilter,
  ReviewFilter,
} from './reviewFilters';

describe('the review filter in the URL', () => {
  it('round-trips every choice through the query', () => {
    const filter: ReviewFilter = {
      entityRef: 'dataproduct:default/benefit-decisions',
      status: 'any',
      ageDays: 7,
      sort: 'endsAt:asc',
    };
    const params = paramsFromFilter(filter);
    expect(params.toString()).toBe(
      'product=dataproduct%3Adefault%2Fbenefit-decisions&status=any&age=7&sort=endsAt%3Aasc',
    );
    expect(filterFromParams(new URLSearchParams(params.toString()))).toEqual(
      filter,
    );
    expect(isDefaultFilter(filter)).toBe(false);
  });

  it('leaves the defaults out, and reads an empty query as the defaults', () => {
    expect(paramsFromFilter(defaultReviewFilter).toString()).toBe('');
    expect(filterFromParams(new URLSearchParams())).toEqual(
      defaultReviewFilter,
    );
    expect(isDefaultFilter(filterFromParams(new URLSearchParams()))).toBe(true);
  });

  it('opens an edited or outdated link with defaults for what it cannot read', () => {
    expect(
      filterFromParams(
        new URLSearchParams('status=maybe&age=3&sort=title:asc&product='),
      ),
    ).toEqual(defaultReviewFilter);
  });
});
