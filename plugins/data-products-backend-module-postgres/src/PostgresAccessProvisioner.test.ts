import { ConfigReader } from '@backstage/config';
import type { AccessGrant } from '@datamesh-governance/plugin-data-products-node';
import { createServer } from 'net';
import { PostgresAccessProvisioner } from './PostgresAccessProvisioner';
import { errorOf, failureOf } from './__testUtils__/failureOf';
import {
  adminConnectionString,
  ThrowawayPostgres,
} from './__testUtils__/throwawayPostgres';

const describeWithPostgres = adminConnectionString ? describe : describe.skip;
const PASSWORD = 'subject-pw';
const PROVISIONER_PASSWORD = 'provisioner-secret-7d1e';

describeWithPostgres('PostgresAccessProvisioner on PostgreSQL 15', () => {
  jest.setTimeout(60_000);
  // The placeholder URL is never used: without PostgreSQL the suite is skipped.
  const pg = new ThrowawayPostgres(
    adminConnectionString ?? 'postgresql://127.0.0.1',
  );
  const s = pg.suffix;
  const ada = `user:default/ada-${s}`;
  const adaRole = `u_ada-${s}`;
  const readers = `group:default/readers-${s}`;
  const service = `component:default/reporting-${s}`;
  let stranger: string;
  let provisionerUser: string;

  function provisionerFor(
    overrides: { port?: number; user?: string; password?: string } = {},
    roles: object = {
      templates: { user: 'u_{name}', group: 'g_{name}', service: 'svc_{name}' },
    },
  ) {
    return PostgresAccessProvisioner.fromConfig(
      new ConfigReader({
        dataProducts: {
          provisioners: {
            postgres: {
              connections: {
                benefits: {
                  server: {
                    host: 'dp-benefits.db.agency.example',
                    database: 'benefits',
                  },
                  host: pg.host,
                  port: overrides.port ?? pg.port,
                  database: pg.database,
                  user: overrides.user ?? provisionerUser,
                  password: overrides.password ?? PROVISIONER_PASSWORD,
                },
              },
              roles,
              timeout: '5s',
            },
          },
        },
      }),
    )!;
  }

  function grantOf(
    subjectRef: string,
    server: Record<string, unknown> = {},
  ): AccessGrant {
    return {
      id: 'request-1',
      entityRef: 'dataproduct:default/benefit-decisions',
      outputPort: 'decisions_v1',
      subjectRef,
      endsAt: '2099-01-01T00:00:00.000Z',
      server: {
        type: 'postgres',
        host: 'DP-Benefits.db.agency.example',
        database: 'benefits',
        schema: 'decisions_v1',
        ...server,
      },
    };
  }

  /** "succeeded" or the server's refusal, as the role itself. */
  function readAs(role: string, table: string) {
    return failureOf(
      pg.as(role, PASSWORD).raw(`SELECT count(*) FROM ${table}`),
    );
  }

  beforeAll(async () => {
    await pg.create();
    provisionerUser = await pg.role(
      `dp_provisioner_${s}`,
      PROVISIONER_PASSWORD,
    );
    for (const role of [adaRole, `g_readers-${s}`, `svc_reporting-${s}`]) {
      await pg.role(role, PASSWORD);
    }
    stranger = await pg.role(`stranger_${s}`, PASSWORD);

    // The provisioner's user owns the data products' schemas and tables.
    const admin = pg.asAdmin();
    for (const schema of ['decisions_v1', 'counts_v1', 'mixed_v1']) {
      await admin.raw(
        `CREATE SCHEMA ${schema} AUTHORIZATION "${provisionerUser}"`,
      );
    }
    for (const table of [
      'decisions_v1.decisions',
      'decisions_v1.reasons',
      'counts_v1.monthly',
      'counts_v1.yearly',
      'mixed_v1.owned',
    ]) {
      await admin.raw(`CREATE TABLE ${table} (id int)`);
      await admin.raw(`ALTER TABLE ${table} OWNER TO "${provisionerUser}"`);
    }
    // Readable by the provisioner, but not its to give away.
    await admin.raw('CREATE TABLE mixed_v1.not_owned (id int)');
    await admin.raw(`GRANT USAGE ON SCHEMA mixed_v1 TO "${provisionerUser}"`);
    await admin.raw(
      `GRANT SELECT ON mixed_v1.not_owned TO "${provisionerUser}"`,
    );
  });

  afterAll(async () => {
    await pg.drop();
  });

  it('lets the subject read every table of the schema after a grant; a stranger is denied', async () => {
    await provisionerFor().grant(grantOf(ada));

    expect(await readAs(adaRole, 'decisions_v1.decisions')).toBe('succeeded');
    expect(await readAs(adaRole, 'decisions_v1.reasons')).toBe('succeeded');
    expect(await readAs(stranger, 'decisions_v1.decisions')).toMatch(
      /permission denied for schema decisions_v1/,
    );
    expect(await readAs(adaRole, 'counts_v1.monthly')).toMatch(
      /permission denied/,
    );
  });

  it('grants twice without complaint, and a revoke denies the subject again', async () => {
    const provisioner = provisionerFor();
    await provisioner.grant(grantOf(ada));
    await provisioner.grant(grantOf(ada));
    expect(await readAs(adaRole, 'decisions_v1.decisions')).toBe('succeeded');

    await provisioner.revoke(grantOf(ada));
    expect(await readAs(adaRole, 'decisions_v1.decisions')).toMatch(
      /permission denied for schema decisions_v1/,
    );
    const [{ usage }] = (
      await pg
        .asAdmin()
        .raw(
          "SELECT has_schema_privilege(?, 'decisions_v1', 'USAGE') AS usage",
          [adaRole],
        )
    ).rows;
    expect(usage).toBe(false);

    await provisioner.revoke(grantOf(ada));
  });

  it('revokes without complaint what was never granted, and for roles or schemas that do not exist', async () => {
    const provisioner = provisionerFor();
    await provisioner.revoke(grantOf(readers));
    await provisioner.revoke(grantOf(`user:default/ghost-${s}`));
    await provisioner.revoke(grantOf(ada, { schema: 'gone_v1' }));
    await provisioner.revoke(grantOf(ada, { tables: ['gone'] }));
    expect(await readAs(`g_readers-${s}`, 'decisions_v1.decisions')).toMatch(
      /permission denied/,
    );
  });

  it('grants only the named tables, and revoking one port keeps the other port of the same schema', async () => {
    const provisioner = provisionerFor();
    const monthly = grantOf(service, {
      schema: 'counts_v1',
      tables: ['monthly'],
    });
    const yearly = grantOf(service, {
      schema: 'counts_v1',
      tables: ['yearly'],
    });
    const role = `svc_reporting-${s}`;

    await provisioner.grant(monthly);
    expect(await readAs(role, 'counts_v1.monthly')).toBe('succeeded');
    expect(await readAs(role, 'counts_v1.yearly')).toMatch(
      /permission denied for table yearly/,
    );

    await provisioner.grant(yearly);
    await provisioner.revoke(monthly);
    expect(await readAs(role, 'counts_v1.monthly')).toMatch(
      /permission denied for table monthly/,
    );
    expect(await readAs(role, 'counts_v1.yearly')).toBe('succeeded');

    await provisioner.revoke(yearly);
    expect(await readAs(role, 'counts_v1.yearly')).toMatch(
      /permission denied for schema counts_v1/,
    );
  });

  it('gives groups their role through the group template', async () => {
    await provisionerFor().grant(grantOf(readers));
    expect(await readAs(`g_readers-${s}`, 'decisions_v1.decisions')).toBe(
      'succeeded',
    );
    await provisionerFor().revoke(grantOf(readers));
  });

  it('fails clearly for a subject no template maps, or whose role does not exist', async () => {
    const usersOnly = provisionerFor({}, { templates: { user: 'u_{name}' } });
    expect(await failureOf(usersOnly.grant(grantOf(readers)))).toBe(
      `No database role for ${readers}: dataProducts.provisioners.postgres.roles has no group template and no map entry for it`,
    );

    const ghost = await errorOf(
      provisionerFor().grant(grantOf(`user:default/ghost-${s}`)),
    );
    expect(ghost.name).toBe('NotFoundError');
    expect(ghost.message).toMatch(
      new RegExp(
        `^No database role "u_ghost-${s}" exists for user:default/ghost-${s}`,
      ),
    );
  });

  it('fails clearly for a schema or table that does not exist', async () => {
    expect(
      await failureOf(
        provisionerFor().grant(grantOf(ada, { schema: 'gone_v1' })),
      ),
    ).toMatch(/^Schema gone_v1 does not exist on benefits/);
    expect(
      await failureOf(
        provisionerFor().grant(grantOf(ada, { tables: ['decisions', 'gone'] })),
      ),
    ).toMatch(/^Schema decisions_v1 on benefits .* has no table gone$/);
    expect(await readAs(adaRole, 'decisions_v1.decisions')).toMatch(
      /permission denied/,
    );
  });

  it('refuses hostile schema and table names before running anything', async () => {
    const hostile: Array<Record<string, unknown>> = [
      { schema: 'decisions_v1"; DROP TABLE decisions_v1.decisions; --' },
      { schema: 'decisions_v1 TO PUBLIC; --' },
      { schema: 'decisions_v1.decisions' },
      { schema: 'Decisions_v1' },
      { schema: `"${'a'.repeat(70)}"` },
      { schema: '' },
      { schema: 42 },
      { schema: { name: 'decisions_v1' } },
      { tables: ['decisions"; DROP TABLE decisions_v1.reasons; --'] },
      { tables: ['decisions', 'reasons TO PUBLIC'] },
      { tables: 'decisions' },
      { tables: [] },
    ];
    for (const server of hostile) {
      const error = await errorOf(provisionerFor().grant(grantOf(ada, server)));
      expect({ server, name: error.name }).toEqual({
        server,
        name: 'InputError',
      });
      expect(error.message).toMatch(/server\.(schema|tables)/);
    }
    // Both tables are still there, and nobody was granted anything.
    const { rows } = await pg
      .asAdmin()
      .raw(
        "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'decisions_v1'",
      );
    expect(rows[0].n).toBe(2);
    expect(await readAs(adaRole, 'decisions_v1.decisions')).toMatch(
      /permission denied/,
    );
  });

  it("fails with the tables it could not grant when the provisioner's user does not own them", async () => {
    const error = await errorOf(
      provisionerFor().grant(grantOf(ada, { schema: 'mixed_v1' })),
    );
    expect(error.name).toBe('NotAllowedError');
    expect(error.message).toMatch(
      new RegExp(
        `^After the GRANT, ${adaRole} still cannot read not_owned in mixed_v1`,
      ),
    );
    // The transaction rolled back: not even the owned table is readable.
    expect(await readAs(adaRole, 'mixed_v1.owned')).toMatch(
      /permission denied/,
    );
  });

  it('fails with a clear reason, never the password, when the server is unreachable or refuses the login', async () => {
    const closedPort = await new Promise<number>(resolve => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const unreachable = await errorOf(
      provisionerFor({ port: closedPort }).grant(grantOf(ada)),
    );
    expect(unreachable.name).toBe('ServiceUnavailableError');
    expect(unreachable.message).toMatch(
      new RegExp(
        `^Could not connect to PostgreSQL benefits \\(${provisionerUser}@127\\.0\\.0\\.1:${closedPort}/${pg.database}\\): .*ECONNREFUSED`,
      ),
    );

    const noLogin = `nologin_${s}`;
    await pg.asAdmin().raw(`CREATE ROLE "${noLogin}" NOLOGIN`);
    pg.dropLater(noLogin);
    const refused = await errorOf(
      provisionerFor({ user: noLogin }).grant(grantOf(ada)),
    );
    expect(refused.name).toBe('ServiceUnavailableError');
    expect(refused.message).toMatch(
      /^Could not connect to PostgreSQL benefits .*: role ".*" is not permitted to log in/,
    );

    const unknown = await errorOf(
      provisionerFor({ user: `nobody_${s}` }).grant(grantOf(ada)),
    );
    expect(unknown.message).toMatch(/role "nobody_.*" does not exist/);

    for (const error of [unreachable, refused, unknown]) {
      expect(error.message).not.toContain(PROVISIONER_PASSWORD);
    }
  });

  it('applies concurrent grants on one schema for different roles', async () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f'].map(n => `crowd${n}-${s}`);
    for (const name of names) await pg.role(`u_${name}`, PASSWORD);
    const provisioner = provisionerFor();

    await Promise.all(
      names.map(name => provisioner.grant(grantOf(`user:default/${name}`))),
    );

    for (const name of names) {
      expect(await readAs(`u_${name}`, 'decisions_v1.reasons')).toBe(
        'succeeded',
      );
    }
  });
});
