import plugin from '../../alpha';

// The app's sidebar and e2e tests address these by id.
describe('owner extensions of the data-products plugin', () => {
  it('offers the Access inbox page and the Requests entity tab', () => {
    expect(
      plugin.getExtension('page:data-products/access-inbox'),
    ).toBeDefined();
    expect(
      plugin.getExtension('entity-content:data-products/requests'),
    ).toBeDefined();
  });
});
