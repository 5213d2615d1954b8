// The Markdown report and the budgets of DESIGN.md §7 it checks.
import { BULK_SIZE } from './bulk.mjs';
import { APPROVER_FIRST_PAGE } from './calls.mjs';
import { percentile } from './measure.mjs';

export const BUDGETS = {
  /** p95 at the largest size over p95 at the smallest, per list call. */
  p95Ratio: 1.5,
  /** Approver's first page p95 over the catalog's by-query p95, largest size. */
  approverVsCatalog: 1.0,
  bulkMs: 1000,
  /** Catalog reads per product in a bulk decision. */
  bulkCatalogReadsPerProduct: 1,
};

export const sizeLabel = n =>
  n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n);
const ms = v => (v === undefined ? '—' : v.toFixed(1));
const ratio = v => (v === undefined ? '—' : v.toFixed(2));

/**
 * One database's section. `samples[size][callId]` are milliseconds.
 * Returns the Markdown and the budgets it missed.
 */
export function reportDatabase({ title, sizes, calls, samples, bulk, notes }) {
  const small = sizes[0];
  const large = sizes[sizes.length - 1];
  const p = (size, id, q) =>
    samples[size][id] ? percentile(samples[size][id], q) : undefined;
  const missed = [];
  const header = [
    'Call',
    ...sizes.flatMap(s => [`p50 ${sizeLabel(s)}`, `p95 ${sizeLabel(s)}`]),
    `p50 ${sizeLabel(large)}/${sizeLabel(small)}`,
    `p95 ${sizeLabel(large)}/${sizeLabel(small)}`,
    'Budget',
  ];
  const rows = calls.map(call => {
    const r = p(large, call.id, 0.95) / p(small, call.id, 0.95);
    // Not budgeted, but far steadier than p95 on a busy machine.
    const r50 = p(large, call.id, 0.5) / p(small, call.id, 0.5);
    let verdict = 'ok';
    if (call.reference)
      verdict = r > BUDGETS.p95Ratio ? 'noisy run?' : 'reference';
    else if (call.p95BudgetMs) {
      // A figure over a period grows with the requests in it: its budget is
      // a time at the largest size, not a ratio.
      const at = p(large, call.id, 0.95);
      if (at === undefined) verdict = 'not answered';
      else if (at <= call.p95BudgetMs)
        verdict = `ok (≤ ${call.p95BudgetMs} ms)`;
      else {
        verdict = `OVER ${call.p95BudgetMs} ms`;
        missed.push(
          `${title}: ${call.id} p95 ${ms(at)} ms > ${call.p95BudgetMs} ms`,
        );
      }
    } else if (!(r <= BUDGETS.p95Ratio)) {
      verdict = 'OVER';
      missed.push(
        `${title}: ${call.id} p95 ratio ${ratio(r)} > ${BUDGETS.p95Ratio}`,
      );
    }
    return [
      call.id,
      ...sizes.flatMap(s => [ms(p(s, call.id, 0.5)), ms(p(s, call.id, 0.95))]),
      ratio(r50),
      ratio(r),
      verdict,
    ];
  });
  const table = [header, header.map(() => '---'), ...rows]
    .map(cells => `| ${cells.join(' | ')} |`)
    .join('\n');

  const lines = [`### ${title}`, '', table, ''];
  const catalogId = calls.find(c => c.reference)?.id;
  const vsCatalog =
    p(large, APPROVER_FIRST_PAGE, 0.95) / p(large, catalogId, 0.95);
  const vsOk = vsCatalog <= BUDGETS.approverVsCatalog;
  if (!vsOk) {
    missed.push(
      `${title}: ${APPROVER_FIRST_PAGE} p95 is ${ratio(
        vsCatalog,
      )}× the catalog's at ${sizeLabel(large)}`,
    );
  }
  lines.push(
    `- ${APPROVER_FIRST_PAGE} p95 / ${catalogId} p95 at ${sizeLabel(large)}: ` +
      `**${ratio(vsCatalog)}** (budget ≤ ${BUDGETS.approverVsCatalog}) ${
        vsOk ? 'ok' : 'OVER'
      }`,
  );
  if (bulk) {
    const readBudget = bulk.products * BUDGETS.bulkCatalogReadsPerProduct;
    const bulkOk =
      bulk.ms < BUDGETS.bulkMs &&
      bulk.catalogReads <= readBudget &&
      bulk.approved === bulk.items &&
      bulk.items === BULK_SIZE;
    if (!bulkOk) {
      missed.push(
        `${title}: bulk decision ${bulk.items} items, ${
          bulk.approved
        } approved, ${Math.round(bulk.ms)} ms, ${
          bulk.catalogReads
        } catalog reads`,
      );
    }
    lines.push(
      `- Bulk decision at ${sizeLabel(large)} (${
        bulk.items
      } pending requests over ${bulk.products} products, approve): ` +
        `**${Math.round(bulk.ms)} ms** to the answer, ${
          bulk.approved
        } approved; ` +
        `its notifications, signals and catalog refreshes done after ${Math.round(
          bulk.effectsMs,
        )} ms; ` +
        `catalog reads by the plugin: ${bulk.catalogReads}, permission calls: ${bulk.permissionCalls} ` +
        `(+ ${bulk.applyConditionsCalls} apply-conditions calls back to the plugin), ` +
        `SQL statements of the plugin: ${bulk.sqlStatements}; ` +
        `other calls: ${bulk.otherCalls.join(', ') || 'none'} ` +
        `(budget < ${BUDGETS.bulkMs} ms, ≤ ${readBudget} catalog reads) ${
          bulkOk ? 'ok' : 'OVER'
        }`,
    );
    for (const failure of bulk.failures.slice(0, 3)) {
      lines.push(`  - failed item: ${failure}`);
    }
  }
  for (const note of notes) lines.push(`- ${note}`);
  return { markdown: lines.join('\n'), missed };
}
