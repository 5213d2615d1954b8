import plugin from '../../alpha';

// The app's sidebar and the browser journeys address these by id.
describe('insights extensions of the data-products plugin', () => {
  it('offers the Insights page, the Art. 30 report page and the Insights entity card', () => {
    expect(plugin.getExtension('page:data-products/insights')).toBeDefined();
    expect(
      plugin.getExtension('page:data-products/personal-data-access-report'),
    ).toBeDefined();
    expect(
      plugin.getExtension('entity-card:data-products/insights'),
    ).toBeDefined();
  });
});
