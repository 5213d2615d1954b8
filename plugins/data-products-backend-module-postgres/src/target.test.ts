import type { AccessGrant } from '@datamesh-governance/plugin-data-products-node';
import type { PostgresProvisionerOptions } from './config';
import { targetOf } from './target';

const connection = {
  name: 'benefits',
  serves: { host: 'dp-benefits.db.example', database: 'benefits' },
  host: '127.0.0.1',
  port: 5432,
  database: 'benefits',
  user: 'dp_provisioner',
};
const options: PostgresProvisionerOptions = {
  connections: [{ ...connection, schemas: new Set(['decisions_v1']) }],
  roles: { templates: { user: 'u_{name}' }, explicit: new Map() },
  timeoutMs: 1000,
};

function grantOf(server: Record<string, unknown>): AccessGrant {
  return {
    id: 'r1',
    entityRef: 'dataproduct:default/benefit-decisions',
    outputPort: 'decisions_v1',
    subjectRef: 'user:default/ada',
    endsAt: '2099-01-01T00:00:00.000Z',
    server: {
      type: 'postgres',
      host: 'dp-benefits.db.example',
      database: 'benefits',
      schema: 'decisions_v1',
      ...server,
    },
  };
}

describe('targetOf', () => {
  it("picks the configured connection by the port's host and database", () => {
    const target = targetOf(
      grantOf({ host: 'DP-BENEFITS.db.example', tables: ['a', 'b', 'a'] }),
      options,
    );
    expect(target).toMatchObject({
      connection: { name: 'benefits', host: '127.0.0.1' },
      schema: 'decisions_v1',
      tables: ['a', 'b'],
      role: 'u_ada',
    });
  });

  it('never connects where an entity points without a configured connection', () => {
    expect(() => targetOf(grantOf({ host: 'evil.example' }), options)).toThrow(
      /^No PostgreSQL connection is configured for evil\.example\/benefits/,
    );
    expect(() => targetOf(grantOf({ database: undefined }), options)).toThrow(
      /needs server\.host and server\.database/,
    );
  });

  it("refuses a schema outside the connection's list", () => {
    expect(() => targetOf(grantOf({ schema: 'salaries_v1' }), options)).toThrow(
      /names schema salaries_v1, which .*connections\.benefits\.schemas does not list/,
    );
  });
});
