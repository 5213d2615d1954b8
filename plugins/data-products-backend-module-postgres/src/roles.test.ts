import { roleOf, RoleMapping } from './roles';

const mapping: RoleMapping = {
  templates: {
    user: 'u_{name}',
    group: 'g_{namespace}_{name}',
    service: 'svc_{name}',
  },
  explicit: new Map([['group:default/team-analytics', 'analytics_readers']]),
};

describe('roleOf', () => {
  it('fills the template of the subject kind, in lower case', () => {
    expect(roleOf('user:default/Ada.Analyst', mapping)).toBe('u_ada.analyst');
    expect(roleOf('group:ops/team-x', mapping)).toBe('g_ops_team-x');
    expect(roleOf('component:default/reporting', mapping)).toBe(
      'svc_reporting',
    );
  });

  it('prefers an explicit map entry, matched without regard to case', () => {
    expect(roleOf('Group:default/Team-Analytics', mapping)).toBe(
      'analytics_readers',
    );
  });

  it('never guesses a role for a subject nothing maps', () => {
    expect(() =>
      roleOf('group:default/x', { templates: {}, explicit: new Map() }),
    ).toThrow(
      'No database role for group:default/x: dataProducts.provisioners.postgres.roles has no group template and no map entry for it',
    );
    expect(() => roleOf('api:default/x', mapping)).toThrow(
      /^No database role for api:default\/x: .* no template for kind api/,
    );
  });

  it('refuses refs and names that do not make a role name', () => {
    expect(() => roleOf('ada', mapping)).toThrow(/"ada" is not an entity ref/);
    for (const name of ['a"b', 'a b', 'a;b', `${'a'.repeat(62)}`]) {
      expect(() => roleOf(`user:default/${name}`, mapping)).toThrow(
        /The user template "u_\{name\}" for user:default\/.* gives the database role .* which is not a role name/,
      );
    }
  });
});
