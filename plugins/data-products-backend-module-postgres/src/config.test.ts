import { ConfigReader } from '@backstage/config';
import { readProvisionerOptions } from './config';

function read(postgres: object | undefined) {
  return readProvisionerOptions(
    new ConfigReader(
      postgres ? { dataProducts: { provisioners: { postgres } } } : {},
    ),
  );
}

const benefits = {
  server: { host: 'DP-Benefits.db.example', database: 'benefits' },
  user: 'dp_provisioner',
  password: 'secret',
};

describe('readProvisionerOptions', () => {
  it('is undefined when nothing is configured: grants are applied by hand', () => {
    expect(read(undefined)).toBeUndefined();
  });

  it('connects where the server block says unless told otherwise, with a 10 s timeout', () => {
    const options = read({
      connections: {
        benefits,
        local: {
          ...benefits,
          server: { host: 'x', database: 'y' },
          host: '127.0.0.1',
          port: 5433,
          database: 'z',
          schemas: ['a_v1'],
        },
      },
    })!;
    expect(options.timeoutMs).toBe(10_000);
    expect(options.connections).toEqual([
      expect.objectContaining({
        name: 'benefits',
        serves: { host: 'dp-benefits.db.example', database: 'benefits' },
        host: 'dp-benefits.db.example',
        port: 5432,
        database: 'benefits',
        schemas: undefined,
      }),
      expect.objectContaining({
        name: 'local',
        host: '127.0.0.1',
        port: 5433,
        database: 'z',
        schemas: new Set(['a_v1']),
      }),
    ]);
    expect(read({ connections: { benefits }, timeout: '3s' })!.timeoutMs).toBe(
      3000,
    );
  });

  it('stops the startup on mistakes, naming the key', () => {
    expect(() => read({ connections: {} })).toThrow(/names no connection/);
    expect(() =>
      read({
        connections: {
          a: benefits,
          b: {
            ...benefits,
            server: { host: 'dp-benefits.db.EXAMPLE', database: 'benefits' },
          },
        },
      }),
    ).toThrow(
      'dataProducts.provisioners.postgres.connections.a and .b both serve dp-benefits.db.example/benefits',
    );
    expect(() =>
      read({
        connections: { benefits },
        roles: { templates: { user: 'u_{email}' } },
      }),
    ).toThrow(
      'dataProducts.provisioners.postgres.roles.templates.user uses {email}; a role template knows only {name} and {namespace}',
    );
    expect(() =>
      read({
        connections: { benefits },
        roles: { map: [{ subject: 'group:default/a', role: 'x"; drop' }] },
      }),
    ).toThrow(/roles\.map gives the database role "x\\"; drop"/);
    expect(() =>
      read({
        connections: { benefits: { ...benefits, schemas: ['ok', 'Not OK'] } },
      }),
    ).toThrow(/connections\.benefits\.schemas\[1\] must be a PostgreSQL name/);
    expect(() =>
      read({ connections: { benefits: { server: benefits.server } } }),
    ).toThrow(/connections\.benefits\.user/);
  });
});
