import { OutputPort } from '@datamesh-governance/plugin-data-products-common';
import {
  describeAccess,
  describePersonalData,
  describeSla,
} from './portDescriptions';

const port = (extra: Partial<OutputPort>): OutputPort => ({
  name: 'p',
  type: 'table',
  classification: 'internal',
  ...extra,
});

describe('port descriptions', () => {
  it('describes personal data from flags, then from classification', () => {
    expect(
      describePersonalData(
        port({
          personalData: { directIdentifiers: true, specialCategories: true },
        }),
      ),
    ).toBe('Direct identifiers, special categories (Art. 9)');
    expect(describePersonalData(port({ classification: 'personal' }))).toBe(
      'Yes',
    );
    expect(describePersonalData(port({}))).toBe('None');
  });

  it('describes service levels', () => {
    expect(
      describeSla(
        port({
          sla: [
            { property: 'freshness', value: 1, unit: 'd' },
            { property: 'availability', value: 99.5, unit: '%' },
          ],
        }),
      ),
    ).toBe('Freshness 1 d, availability 99.5 %');
    expect(describeSla(port({}))).toBe('None declared');
  });

  it('describes the approval mode and cap', () => {
    expect(describeAccess(port({ access: { approval: 'auto' } }))).toBe(
      'Automatic',
    );
    expect(
      describeAccess(
        port({ access: { approval: 'required', maxDuration: 'P30D' } }),
      ),
    ).toBe('Owner approval, up to 30 days');
    expect(describeAccess(port({}))).toBe('Owner approval');
  });
});
