import { normalizeEntityRef } from './entityRef';

describe('normalizeEntityRef', () => {
  it('fills in the kind and namespace it is given, or default', () => {
    expect(normalizeEntityRef('group:team-a')).toBe('group:default/team-a');
    expect(normalizeEntityRef('team-a', { defaultKind: 'group' })).toBe(
      'group:default/team-a',
    );
    expect(
      normalizeEntityRef('team-a', {
        defaultKind: 'group',
        defaultNamespace: 'welfare',
      }),
    ).toBe('group:welfare/team-a');
    expect(
      normalizeEntityRef('user:ops/olav', {
        defaultKind: 'group',
        defaultNamespace: 'welfare',
      }),
    ).toBe('user:ops/olav');
  });

  it('lower-cases every part, as the catalog keeps refs', () => {
    expect(normalizeEntityRef('DataProduct:Default/Benefit-Decisions')).toBe(
      'dataproduct:default/benefit-decisions',
    );
    expect(
      normalizeEntityRef({ kind: 'Group', namespace: 'Ops', name: 'Team-A' }),
    ).toBe('group:ops/team-a');
  });

  it('refuses what is not an entity ref, saying which text', () => {
    expect(() => normalizeEntityRef('team-a')).toThrow(
      /"team-a" is not an entity ref: .*missing or empty kind/,
    );
    expect(() => normalizeEntityRef('group:')).toThrow(TypeError);
    expect(() => normalizeEntityRef('')).toThrow(/"" is not an entity ref/);
  });
});
