import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import plugin from '../../alpha';
import { benefitDecisions } from './testData';

describe('the Access tab in the new frontend system', () => {
  it('is an entity content at /access shown on DataProducts only', () => {
    const tester = createExtensionTester(
      plugin.getExtension('entity-content:data-products/access'),
    );
    expect(tester.get(coreExtensionData.routePath)).toBe('access');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Access');
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    if (!filter) throw new Error('the Access tab has no entity filter');
    expect(filter(benefitDecisions)).toBe(true);
    expect(
      filter({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'benefit-decision-service' },
      }),
    ).toBe(false);
  });
});
