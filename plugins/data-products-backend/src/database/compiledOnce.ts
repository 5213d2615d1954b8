import { Knex } from 'knex';
import { LRUCache } from 'lru-cache';

/** A statement as knex compiles it: SQL with `?` and what it binds. */
export type Compiled = { sql: string; bindings: readonly Knex.Value[] };

/** Where a binding comes from: a value of the call (its slot) or the shape. */
type Binding = { slot: number } | { constant: Knex.Value };
type Template = { sql: string; bindings: Binding[] }[];

/** Shapes kept per database client; the least recently used go first. */
const SHAPES_PER_CLIENT = 200;
const templates = new WeakMap<object, LRUCache<string, Template>>();

// Stand-ins, recognisable among what the builder binds: strings with a NUL
// byte and integers from 2^50 (the year 37,000 in epoch milliseconds); the
// builder's own constants (statuses, roles) are neither.
const standInString = (slot: number) => `\u0000slot:${slot}`;
const STAND_IN_NUMBERS = 2 ** 50;
const isStandIn = (value: unknown) =>
  typeof value === 'number'
    ? value >= STAND_IN_NUMBERS
    : typeof value === 'string' && value.startsWith('\u0000slot:');

/**
 * Builds and compiles statements with knex once per shape: the text of a
 * list page depends on the filters used and the number of the viewer's
 * refs, not on their values, and building it costs more than running it.
 * The first call of a shape builds with a stand-in for each slot; where the
 * compiled bindings hold a stand-in, every call binds its own slot's value.
 * Anything else that `build` binds (a status, a role) is part of the shape,
 * so `shape` must name everything that changes the text besides the slots.
 */
export function compiledOnce(
  db: Knex,
  shape: string,
  slots: readonly (string | number)[],
  build: (standIns: (string | number)[]) => Knex.QueryBuilder[],
): Compiled[] {
  const template = templateOf(db, shape, () => {
    const standIns = slots.map((value, slot) =>
      typeof value === 'number' ? STAND_IN_NUMBERS + slot : standInString(slot),
    );
    const slotOf = new Map<unknown, number>(standIns.map((s, i) => [s, i]));
    return build(standIns).map(query => {
      const { sql, bindings } = query.toSQL();
      return {
        sql,
        bindings: bindings.map(value => {
          const slot = slotOf.get(value);
          if (slot !== undefined) return { slot };
          if (isStandIn(value)) {
            // Changed on its way into the SQL: binding it would be wrong.
            throw new Error(`Shape ${shape} does not bind its slots as given`);
          }
          return { constant: value };
        }),
      };
    });
  });
  return template.map(({ sql, bindings }) => ({
    sql,
    bindings: bindings.map(b => ('slot' in b ? slots[b.slot] : b.constant)),
  }));
}

function templateOf(db: Knex, shape: string, make: () => Template) {
  let byShape = templates.get(db.client);
  if (!byShape) {
    byShape = new LRUCache({ max: SHAPES_PER_CLIENT });
    templates.set(db.client, byShape);
  }
  let template = byShape.get(shape);
  if (!template) {
    template = make();
    byShape.set(shape, template);
  }
  return template;
}
