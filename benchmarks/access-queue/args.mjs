// The command line of run.mjs; see README.md.
import { parseArgs } from 'node:util';

export const pgConnection =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
export const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string' },
    db: { type: 'string' },
    blocks: { type: 'string' },
    samples: { type: 'string' },
    warmup: { type: 'string' },
    ci: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
    out: { type: 'string' },
    skip: { type: 'string' },
    only: { type: 'string' },
  },
});
const idsOf = list => new Set((list ?? '').split(',').filter(Boolean));
/** Call ids to leave out, e.g. the slow aggregates when only the lists matter. */
const skippedCalls = idsOf(args.skip);
/** Call ids to measure alone, e.g. the approver's page against the catalog's. */
const onlyCalls = idsOf(args.only);
export const isMeasured = call =>
  !skippedCalls.has(call.id) &&
  (onlyCalls.size === 0 || onlyCalls.has(call.id));
const number = (value, fallback) =>
  value === undefined ? fallback : Number(value);
export const sizes = (args.sizes ?? (args.ci ? '1000,10000' : '1000,100000'))
  .split(',')
  .map(Number)
  .sort((a, b) => a - b);
export const databases = (
  args.db ?? (pgConnection ? 'sqlite,pg' : 'sqlite')
).split(',');
export const options = {
  blocks: number(args.blocks, args.ci ? 6 : 10),
  samples: number(args.samples, args.ci ? 8 : 30),
  warmup: number(args.warmup, args.ci ? 2 : 3),
};
if (sizes.length < 2 || sizes.some(n => !Number.isInteger(n) || n <= 0)) {
  throw new Error('--sizes takes two or more request counts, e.g. 1000,100000');
}
if (
  options.blocks < 1 ||
  options.samples < 1 ||
  options.warmup < 0 ||
  !Object.values(options).every(Number.isInteger)
) {
  throw new Error(
    '--blocks and --samples take counts of 1 or more, --warmup 0 or more',
  );
}
if (databases.some(d => d !== 'sqlite' && d !== 'pg')) {
  throw new Error('--db takes sqlite, pg or both (sqlite,pg)');
}
if (databases.includes('pg') && !pgConnection) {
  throw new Error(
    '--db pg needs BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING (source scripts/postgres-env.sh)',
  );
}
