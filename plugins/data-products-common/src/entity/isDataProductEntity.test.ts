import { makeDataProduct } from '../__fixtures__/dataProducts';
import { holdsPersonalData, isDataProductEntity } from './isDataProductEntity';

describe('isDataProductEntity', () => {
  it('recognises the kind and apiVersion', () => {
    expect(isDataProductEntity(makeDataProduct())).toBe(true);
    expect(
      isDataProductEntity({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'x' },
      }),
    ).toBe(false);
  });
});

describe('holdsPersonalData', () => {
  it.each([
    [{ classification: 'public' }, false],
    [{ classification: 'internal' }, false],
    [{ classification: 'personal' }, true],
    [{ classification: 'sensitive' }, true],
    [
      { classification: 'internal', personalData: { directIdentifiers: true } },
      true,
    ],
    [
      { classification: 'internal', personalData: { specialCategories: true } },
      true,
    ],
  ])('%j → %s', (port, expected) => {
    expect(holdsPersonalData(port)).toBe(expected);
  });
});
