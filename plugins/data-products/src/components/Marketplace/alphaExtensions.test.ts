import plugin from '../../alpha';

// The app's sidebar and app-config address these by id.
describe('marketplace extensions of the data-products plugin', () => {
  it('offers the marketplace page and the search result item', () => {
    expect(plugin.getExtension('page:data-products/marketplace')).toBeDefined();
    expect(
      plugin.getExtension('search-result-list-item:data-products/data-product'),
    ).toBeDefined();
  });
});
