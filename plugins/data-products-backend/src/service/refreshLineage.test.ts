import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { AccessRequest } from '@datamesh-governance/plugin-data-products-common';
import { AccessRequestChange } from './changes';
import { refreshLineage } from './refreshLineage';

const PRODUCT = 'dataproduct:default/benefit-decisions';

const approval = (id: string, subjectRef: string): AccessRequestChange => ({
  kind: 'approve',
  request: {
    id,
    subjectRef,
    entityRef: PRODUCT,
    status: 'approved',
  } as AccessRequest,
  actorRef: 'user:default/olav',
});

describe('refreshLineage', () => {
  it('refreshes each ref once while it is being refreshed, and again for a later change', async () => {
    const catalog = catalogServiceMock.mock();
    let release!: () => void;
    const held = new Promise<void>(resolve => {
      release = resolve;
    });
    catalog.refreshEntity.mockImplementation(() => held);
    const listener = refreshLineage(catalog, mockServices.auth());

    // A bulk decision: three grants on one product, two services.
    const bulk = Promise.all([
      listener(approval('r1', 'component:default/case-api')),
      listener(approval('r2', 'component:default/case-api')),
      listener(approval('r3', 'component:default/payments')),
    ]);
    await new Promise(resolve => setImmediate(resolve));
    release();
    await bulk;
    const refreshed = () =>
      catalog.refreshEntity.mock.calls.map(([ref]) => ref);
    expect(refreshed().sort()).toEqual([
      'component:default/case-api',
      'component:default/payments',
      PRODUCT,
    ]);

    await listener(approval('r4', 'component:default/case-api'));
    expect(refreshed()).toHaveLength(5);
  });

  it('asks the catalog for a few refreshes at a time, and for every one in the end', async () => {
    const catalog = catalogServiceMock.mock();
    let running = 0;
    let most = 0;
    catalog.refreshEntity.mockImplementation(async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise(resolve => setTimeout(resolve, 5));
      running -= 1;
    });
    const listener = refreshLineage(catalog, mockServices.auth());

    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        listener(approval(`r${i}`, `component:default/service-${i}`)),
      ),
    );
    expect(most).toBe(4);
    // Twelve services and the product, each once.
    expect(catalog.refreshEntity).toHaveBeenCalledTimes(13);
  });

  it('leaves users alone: the catalog draws lineage for services and groups', async () => {
    const catalog = catalogServiceMock.mock();
    await refreshLineage(
      catalog,
      mockServices.auth(),
    )(approval('r1', 'user:default/ada'));
    expect(catalog.refreshEntity).not.toHaveBeenCalled();
  });
});
