// The benchmark itself; run.mjs starts it with the TypeScript loader.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory from 'knex';
import {
  args,
  databases,
  options,
  pgConnection,
  sizes,
  isMeasured,
} from './args.mjs';
import { startBenchBackend, waitForCatalog } from './backend.mjs';
import { measureBulkDecision, pickBulkIds } from './bulk.mjs';
import { measuredCalls } from './calls.mjs';
import { explainCalls } from './explain.mjs';
import { measureAlternating, resolveCalls } from './measure.mjs';
import { GROUP_COUNT, PRODUCT_COUNT, USER_COUNT } from './org.mjs';
import { reportDatabase, sizeLabel } from './report.mjs';
import { checkRequests, generateRequests } from './requests.mjs';
import { seedRequests } from './seed.mjs';

const log = message => process.stderr.write(`[access-queue] ${message}\n`);
const seconds = since => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/**
 * `backend.database` per size: the requests in a fresh database per size;
 * the catalog, the same for every size, shared so it is processed once.
 */
function databaseSetup(db) {
  const runId = `access_queue_${Date.now().toString(36)}_${process.pid}`;
  if (db === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'access-queue-'));
    // The catalog is only read while measuring; in memory-backed storage its
    // one-off processing (thousands of small commits) is not held up by fsync.
    const catalogDir = mkdtempSync(
      join(
        existsSync('/dev/shm') ? '/dev/shm' : tmpdir(),
        'access-queue-catalog-',
      ),
    );
    return {
      title: 'SQLite (better-sqlite3, file)',
      configOf: size => ({
        client: 'better-sqlite3',
        connection: { directory: join(dir, `requests-${size}`) },
        plugin: { catalog: { connection: { directory: catalogDir } } },
      }),
      cleanUp: async () => {
        rmSync(dir, { recursive: true, force: true });
        rmSync(catalogDir, { recursive: true, force: true });
      },
    };
  }
  return {
    title: 'PostgreSQL 15',
    configOf: size => ({
      client: 'pg',
      connection: pgConnection,
      prefix: `${runId}_${size}_`,
      plugin: { catalog: { connection: { database: `${runId}_catalog` } } },
    }),
    cleanUp: async () => {
      const admin = knexFactory({ client: 'pg', connection: pgConnection });
      try {
        const { rows } = await admin.raw(
          'SELECT datname FROM pg_database WHERE datname LIKE ?',
          [`${runId}%`],
        );
        for (const { datname } of rows) {
          await admin.raw('DROP DATABASE ?? WITH (FORCE)', [datname]);
        }
      } finally {
        await admin.destroy();
      }
    },
  };
}

async function benchmarkDatabase(db, now) {
  const setup = databaseSetup(db);
  const targets = [];
  const notes = [];
  const expected = {
    dataproduct: PRODUCT_COUNT,
    group: GROUP_COUNT,
    user: USER_COUNT,
  };
  try {
    for (const size of sizes) {
      const started = performance.now();
      const backend = await startBenchBackend(setup.configOf(size));
      targets.push({ size, ...backend });
      await waitForCatalog(backend.baseUrl, expected);
      log(
        `${db} ${sizeLabel(size)}: backend and catalog ready in ${seconds(
          started,
        )}`,
      );

      const seeding = performance.now();
      const requests = generateRequests(size, now);
      checkRequests(requests, now);
      await seedRequests(backend.knex, requests);
      // As autovacuum would after so many inserts: statistics for the
      // planner, and a visibility map so that index-only scans stay so.
      if (db === 'pg') await backend.knex.raw('VACUUM ANALYZE');
      const seeded = seconds(seeding);
      notes.push(`Seeded ${sizeLabel(size)} requests in ${seeded}.`);
      log(`${db} ${sizeLabel(size)}: seeded in ${seeded}`);
      // Only ids are kept: a big heap would lengthen GC pauses while measuring.
      targets[targets.length - 1].bulkIds = pickBulkIds(requests);
    }

    for (const target of targets) {
      const { calls, skipped } = await resolveCalls(
        target.baseUrl,
        measuredCalls(now).filter(isMeasured),
      );
      target.calls = calls;
      if (skipped.length) {
        notes.push(
          `Not answered at ${sizeLabel(target.size)}, left out: ${skipped.join(
            ', ',
          )}.`,
        );
      }
    }
    const measuring = performance.now();
    log(
      `${db}: measuring ${options.blocks} blocks × ${options.samples} samples`,
    );
    const samples = await measureAlternating(targets, options);
    log(`${db}: measured in ${seconds(measuring)}`);

    const large = targets[targets.length - 1];
    const explained = args.explain
      ? await explainCalls(large, large.calls)
      : undefined;
    const bulk = await measureBulkDecision(large, large.bulkIds);
    const calls = targets[0].calls.filter(c =>
      large.calls.some(l => l.id === c.id),
    );
    const title = setup.title;
    const report = reportDatabase({
      title,
      sizes,
      calls,
      samples,
      bulk,
      notes,
    });
    if (explained) {
      report.markdown += `\n\n#### EXPLAIN at ${sizeLabel(
        large.size,
      )} (${title})\n\n${explained}`;
    }
    return report;
  } finally {
    for (const target of targets) await target.stop();
    await setup.cleanUp();
  }
}

const now = Date.now();
const sections = [
  `## Access-queue benchmark`,
  '',
  `Sizes ${sizes.map(sizeLabel).join(', ')}; ${
    options.blocks
  } alternating blocks × ${options.samples} samples per call and size (${
    options.blocks * options.samples
  } samples, after ${options.warmup} warm-up); milliseconds.`,
  '',
];
const missed = [];
for (const db of databases) {
  const report = await benchmarkDatabase(db, now);
  sections.push(report.markdown, '');
  missed.push(...report.missed);
}
sections.push(
  missed.length
    ? `**Budgets missed:**\n\n${missed.map(m => `- ${m}`).join('\n')}`
    : '**All budgets met.**',
);
const markdown = `${sections.join('\n')}\n`;
process.stdout.write(markdown);
if (args.out) {
  mkdirSync(join(args.out, '..'), { recursive: true });
  writeFileSync(args.out, markdown);
}
if (args.check && missed.length) process.exit(1);
process.exit(0);
