import { Knex } from 'knex';
import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import { compiledOnce } from './compiledOnce';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databaseIds)('compiledOnce on %s', id => {
  let knex: Knex;

  beforeAll(async () => {
    knex = await databases.init(id);
    await knex.schema.createTable('things', table => {
      table.string('owner');
      table.string('kind');
      table.bigInteger('at');
    });
    await knex('things').insert([
      { owner: 'ada', kind: 'report', at: 1 },
      { owner: 'ada', kind: 'report', at: 5 },
      { owner: 'ada', kind: 'note', at: 2 },
      { owner: 'bo', kind: 'report', at: 3 },
    ]);
  });

  /** Reports of one owner before a time, newest first, at most `take`. */
  const reports = (slots: [string, number, number], built: string[]) =>
    compiledOnce(knex, 'reports-of-owner', slots, ([owner, before, take]) => {
      built.push(String(owner));
      return [
        knex('things')
          .select('at')
          .where({ owner, kind: 'report' })
          .where('at', '<', before)
          .orderBy('at', 'desc')
          .limit(take as number),
      ];
    });

  const run = async ([statement]: ReturnType<typeof compiledOnce>) => {
    const result = await knex.raw(statement.sql, statement.bindings);
    const rows: { at: number | string }[] = result.rows ?? result;
    return rows.map(row => Number(row.at));
  };

  it('builds a shape once and binds each call its own values', async () => {
    const built: string[] = [];

    const adas = reports(['ada', 10, 5], built);
    const bos = reports(['bo', 10, 5], built);
    const adasEarly = reports(['ada', 4, 1], built);

    // Built once, with stand-ins rather than anyone's values.
    expect(built).toHaveLength(1);
    expect(built[0]).not.toBe('ada');
    expect(bos[0].sql).toBe(adas[0].sql);
    // The constant of the shape stays; the slots take the call's values.
    expect(adas[0].bindings).toEqual(['ada', 'report', 10, 5]);
    expect(await run(adas)).toEqual([5, 1]);
    expect(await run(bos)).toEqual([3]);
    expect(await run(adasEarly)).toEqual([1]);
  });

  it('builds another shape anew', async () => {
    const built: string[] = [];
    reports(['ada', 10, 5], built);

    const notes = compiledOnce(knex, 'notes-of-owner', ['ada'], ([owner]) => {
      built.push('notes');
      return [knex('things').select('at').where({ owner, kind: 'note' })];
    });

    expect(built).toEqual(['notes']);
    expect(await run(notes)).toEqual([2]);
  });

  it('refuses a shape that changes a value on its way into the SQL', () => {
    expect(() =>
      compiledOnce(knex, 'changed-owner', ['ada'], ([owner]) => [
        knex('things').where({ owner: `${owner}!` }),
      ]),
    ).toThrow('Shape changed-owner does not bind its slots as given');
  });
});
