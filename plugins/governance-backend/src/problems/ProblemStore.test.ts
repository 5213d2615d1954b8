import { Knex } from 'knex';
import { createTestDatabases, databaseIds } from '../__testUtils__/databases';
import { failureOf } from '../__testUtils__/failureOf';
import { MIGRATIONS_DIRECTORY } from '../database/migrations';
import { ProblemStore } from './ProblemStore';

jest.setTimeout(120_000);

const databases = createTestDatabases();
const ADA = 'user:default/ada.analyst';
const EMMA = 'user:default/emma.employment';
const LEO = 'user:default/leo.legal';
const ADR = 'decisions--0008-data-products-publish-a-freshness-sla';

const problem = (title: string) => ({
  title,
  description: `${title}, described`,
  entityRefs: ['dataproduct:default/benefit-decisions'],
});

describe.each(databaseIds)('ProblemStore on %s', databaseId => {
  let knex: Knex;
  let store: ProblemStore;
  beforeEach(async () => {
    knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
    store = new ProblemStore(knex);
  });

  it('raises a problem and records who raised it', async () => {
    const raised = await store.raise(problem('Stale streams'), ADA, 1_000);
    expect(raised).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      title: 'Stale streams',
      description: 'Stale streams, described',
      entityRefs: ['dataproduct:default/benefit-decisions'],
      raisedBy: ADA,
      status: 'open',
      supportCount: 0,
      createdAt: new Date(1_000).toISOString(),
    });
    expect(await store.history(raised.id)).toEqual([
      { action: 'raised', actorRef: ADA, recordedAt: raised.createdAt },
    ]);
  });

  it('sorts by support, most first, then newest first', async () => {
    const old = await store.raise(problem('old'), ADA, 1_000);
    const newer = await store.raise(problem('newer'), ADA, 2_000);
    const supported = await store.raise(problem('supported'), ADA, 500);
    const newest = await store.raise(problem('newest'), ADA, 3_000);
    await store.support(supported.id, EMMA);
    await store.support(supported.id, LEO);
    await store.support(old.id, EMMA);

    const { items, nextCursor } = await store.page({
      status: 'open',
      limit: 10,
    });
    expect(items.map(p => [p.title, p.supportCount])).toEqual([
      ['supported', 2],
      ['old', 1],
      ['newest', 0],
      ['newer', 0],
    ]);
    expect(nextCursor).toBeUndefined();
    expect(newer.id).not.toBe(newest.id);
  });

  it('pages through every problem once, in order, with ties on support and time', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 23; i++) {
      // Several share a timestamp, so the id must break the tie.
      const raised = await store.raise(problem(`p${i}`), ADA, 1_000 + (i % 4));
      ids.push(raised.id);
      if (i % 5 === 0) await store.support(raised.id, EMMA);
    }
    const all = await store.page({ status: 'open', limit: 100 });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await store.page({ status: 'open', limit: 5, cursor });
      expect(page.items.length).toBeLessThanOrEqual(5);
      seen.push(...page.items.map(p => p.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(5);
    expect(seen).toEqual(all.items.map(p => p.id));
    expect(new Set(seen)).toEqual(new Set(ids));
  });

  it('refuses a cursor it did not hand out', async () => {
    for (const cursor of [
      'nope',
      Buffer.from('[1,2,"x"]').toString('base64url'),
    ]) {
      expect(
        await failureOf(store.page({ status: 'open', limit: 5, cursor })),
      ).toMatch(/not one this API handed out/);
    }
  });

  it('counts one support per person, and a withdrawn one no more', async () => {
    const { id } = await store.raise(problem('Once'), ADA);
    expect((await store.support(id, EMMA)).changed).toBe(true);
    const again = await store.support(id, EMMA);
    expect(again).toMatchObject({
      changed: false,
      problem: { supportCount: 1 },
    });
    await store.support(id, LEO);
    expect(await store.supportedBy(EMMA, [id])).toEqual(new Set([id]));

    const withdrawn = await store.withdrawSupport(id, EMMA);
    expect(withdrawn).toMatchObject({
      changed: true,
      problem: { supportCount: 1 },
    });
    expect((await store.withdrawSupport(id, EMMA)).changed).toBe(false);
    expect(await store.supportedBy(EMMA, [id])).toEqual(new Set());
    expect((await store.history(id)).map(e => [e.action, e.actorRef])).toEqual([
      ['raised', ADA],
      ['supported', EMMA],
      ['supported', LEO],
      ['support-withdrawn', EMMA],
    ]);
  });

  it('counts a double support sent at once as one', async () => {
    const { id } = await store.raise(problem('Twice at once'), ADA);
    const results = await Promise.all(
      Array.from({ length: 4 }, () => store.support(id, EMMA)),
    );
    expect(results.filter(r => r.changed)).toHaveLength(1);
    expect((await store.get(id))?.supportCount).toBe(1);
    expect(
      await knex('governance_problem_supports').where({ problem_id: id }),
    ).toHaveLength(1);
  });

  it('links an ADR, changes it, unlinks it, and closes with a reason', async () => {
    const { id } = await store.raise(problem('Linked'), ADA);
    const linked = await store.linkAdr(id, ADR, LEO, 5_000);
    expect(linked.problem).toMatchObject({
      adrId: ADR,
      linkedBy: LEO,
      linkedAt: new Date(5_000).toISOString(),
    });
    expect((await store.linkAdr(id, ADR, LEO)).changed).toBe(false);
    const unlinked = await store.linkAdr(id, null, LEO);
    expect(unlinked.problem.adrId).toBeUndefined();
    await store.linkAdr(id, ADR, LEO);

    const closed = await store.close(id, 'Answered by 0008', LEO, 6_000);
    expect(closed).toMatchObject({
      status: 'closed',
      closedBy: LEO,
      closeReason: 'Answered by 0008',
      adrId: ADR,
    });
    expect(await failureOf(store.close(id, 'again', LEO))).toMatch(
      /already closed/,
    );
    expect(await failureOf(store.support(id, EMMA))).toMatch(/is closed/);
    expect((await store.page({ status: 'open', limit: 5 })).items).toEqual([]);
    expect(
      (await store.page({ status: 'closed', limit: 5 })).items.map(p => p.id),
    ).toEqual([id]);
    expect((await store.history(id)).slice(1)).toEqual([
      expect.objectContaining({ action: 'adr-linked', adrId: ADR }),
      expect.objectContaining({ action: 'adr-unlinked', adrId: ADR }),
      expect.objectContaining({ action: 'adr-linked', adrId: ADR }),
      expect.objectContaining({
        action: 'closed',
        actorRef: LEO,
        reason: 'Answered by 0008',
      }),
    ]);
  });

  it('says which problem is unknown', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(await store.get(unknown)).toBeUndefined();
    // One at a time: started together, a refusal would go unheard until its turn.
    for (const change of [
      () => store.support(unknown, EMMA),
      () => store.withdrawSupport(unknown, EMMA),
      () => store.linkAdr(unknown, ADR, LEO),
      () => store.close(unknown, 'x', LEO),
    ]) {
      expect(await failureOf(change())).toMatch(`No problem ${unknown}`);
    }
  });

  it('keeps the history append-only in the database itself', async () => {
    const { id } = await store.raise(problem('Audited'), ADA);
    const events = () =>
      knex('governance_problem_events').where({ problem_id: id });
    expect(
      await failureOf(events().update({ actor_ref: 'user:default/forger' })),
    ).toMatch(/append-only/);
    expect(await failureOf(events().delete())).toMatch(/append-only/);
    expect(await store.history(id)).toHaveLength(1);
  });

  it('serves a deep page of 100k problems from the index, reading one page of rows', async () => {
    const pg = knex.client.config.client === 'pg';
    await knex.raw(`
      INSERT INTO governance_problems
        (id, title, description, entity_refs, raised_by, status, support_count, created_at, updated_at)
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
      SELECT ${
        pg
          ? 'md5(i::text)::uuid::text'
          : "printf('%08x-0000-4000-8000-%012x', i, i)"
      }, 'p' || i, 'd', '[]', 'user:default/x',
        CASE WHEN i % 10 = 0 THEN 'closed' ELSE 'open' END, i % 7, i, i
      FROM n`);
    if (pg) await knex.raw('ANALYZE governance_problems');

    // Far into the list: the cursor of a page near its end.
    const deep = Buffer.from(
      JSON.stringify([1, 50, 'ffffffff-0000-4000-8000-000000000000']),
    ).toString('base64url');
    let sql: { sql: string; bindings: readonly unknown[] } | undefined;
    const capture = (query: any) => {
      if (
        /from "governance_problems"|from `governance_problems`/i.test(query.sql)
      )
        sql = query;
    };
    knex.on('query', capture);
    const started = Date.now();
    const page = await store.page({ status: 'open', limit: 25, cursor: deep });
    const took = Date.now() - started;
    knex.removeListener('query', capture);
    expect(page.items).toHaveLength(25);
    expect(page.items[0].supportCount).toBeLessThanOrEqual(1);
    expect(took).toBeLessThan(1_000);

    const plan = await planOf(knex, sql!);
    expect(plan.index).toBe('governance_problems_order_idx');
    expect(plan.sorts).toBe(false);
    // PostgreSQL says how many index entries it read: one page and one more.
    expect(plan.rowsRead ?? 26).toBeLessThanOrEqual(26);
  });

  it('migrates down and up again', async () => {
    await knex.migrate.rollback({ directory: MIGRATIONS_DIRECTORY }, true);
    expect(await knex.schema.hasTable('governance_problems')).toBe(false);
    expect(await knex.schema.hasTable('governance_problem_events')).toBe(false);
    await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
    expect(await knex.schema.hasTable('governance_problem_supports')).toBe(
      true,
    );
  });
});

/** How the database runs a query: the index it orders by, whether it sorts, and (PostgreSQL) rows read. */
async function planOf(
  knex: Knex,
  query: { sql: string; bindings: readonly unknown[] },
): Promise<{ index?: string; sorts: boolean; rowsRead?: number }> {
  if (knex.client.config.client === 'pg') {
    const result = await knex.raw(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${query.sql.replace(/\$\d+/g, '?')}`,
      query.bindings as any,
    );
    const nodes: any[] = [];
    const walk = (node: any) => {
      nodes.push(node);
      (node.Plans ?? []).forEach(walk);
    };
    walk(result.rows[0]['QUERY PLAN'][0].Plan);
    const scan = nodes.find(node => node['Index Name']);
    return {
      index: scan?.['Index Name'],
      sorts: nodes.some(node => node['Node Type'] === 'Sort'),
      rowsRead: scan?.['Actual Rows'],
    };
  }
  const rows = await knex.raw(
    `EXPLAIN QUERY PLAN ${query.sql}`,
    query.bindings as any,
  );
  const text = rows.map((row: any) => row.detail).join('\n');
  return {
    index: /USING (?:COVERING )?INDEX (\w+)/.exec(text)?.[1],
    sorts: /TEMP B-TREE/.test(text),
  };
}
