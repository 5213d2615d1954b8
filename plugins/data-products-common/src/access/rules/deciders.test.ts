import { makeDataProduct } from '../../__fixtures__/dataProducts';
import type { DataProductEntityV1alpha1 } from '../../entity/DataProductEntity';
import { decidersOf, decidesOn } from './deciders';

function product(
  approvers: string[] | undefined,
  namespace = 'default',
): DataProductEntityV1alpha1 {
  const entity = makeDataProduct();
  entity.metadata.namespace = namespace;
  entity.spec.outputPorts[0].access = { approval: 'required', approvers };
  entity.relations = [
    { type: 'ownedBy', targetRef: 'group:default/team-benefits' },
    { type: 'dependsOn', targetRef: 'dataproduct:default/vacancies' },
  ];
  return entity;
}

describe('decidersOf', () => {
  it("is the owners from the catalog's relations when the port names no approvers", () => {
    const entity = product(undefined);
    expect(decidersOf(entity, entity.spec.outputPorts[0])).toEqual([
      'group:default/team-benefits',
    ]);
  });

  it("adds the port's approvers, normalised in the product's namespace, once each", () => {
    const entity = product(
      ['Team-Legal', 'user:default/Olav.Owner', 'group:default/team-benefits'],
      'welfare',
    );
    expect(decidersOf(entity, entity.spec.outputPorts[0])).toEqual([
      'group:default/team-benefits',
      'group:welfare/team-legal',
      'user:default/olav.owner',
    ]);
  });

  it('reads the owner from relations, not from spec.owner', () => {
    const entity = product(undefined);
    entity.spec.owner = 'group:someone-else';
    expect(decidersOf(entity, entity.spec.outputPorts[0])).toEqual([
      'group:default/team-benefits',
    ]);
    entity.relations = [];
    expect(decidersOf(entity, entity.spec.outputPorts[0])).toEqual([]);
  });

  it('skips an approver that is not an entity ref', () => {
    const entity = product(['group:', 'team-legal']);
    expect(decidersOf(entity, entity.spec.outputPorts[0])).toEqual([
      'group:default/team-benefits',
      'group:default/team-legal',
    ]);
  });

  it("keeps each port's approvers to that port", () => {
    const entity = product(['team-legal']);
    expect(decidersOf(entity, entity.spec.outputPorts[1])).toEqual([
      'group:default/team-benefits',
    ]);
  });
});

describe('decidesOn', () => {
  const deciders = ['group:default/team-benefits', 'user:default/olav.owner'];

  it('is true when a claim, in any case, is a decider', () => {
    expect(
      decidesOn(['user:default/ada', 'Group:Default/Team-Benefits'], deciders),
    ).toBe(true);
    expect(decidesOn(['user:default/olav.owner'], deciders)).toBe(true);
  });

  it('is false otherwise, also for claims that are not refs', () => {
    expect(
      decidesOn(['user:default/ada', 'group:default/team-analytics'], deciders),
    ).toBe(false);
    expect(decidesOn(['team-benefits', ''], deciders)).toBe(false);
    expect(decidesOn([], deciders)).toBe(false);
  });
});
