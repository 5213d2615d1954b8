import { expect, Page, test } from '@playwright/test';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { screenshotForDocs } from './screenshots';
import { pageFor } from './signIn';

/** Two weeks from today: the template refuses a due date in the past. */
const DUE = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);

// The forum's proposals folder in the demo portal, where the template writes
// (scaffolder.governance.demoProposalsDirectory) and which the governance
// backend reads every 20 s (governance.adrs.locations, app-config.yaml).
const proposals = join(__dirname, '..', 'governance', 'proposals');
// Frida raises the problem, Emma proposes and Bo gives his opinion: none of
// them acts on ADRs in any other journey, and the ADR is this journey's own.
const TITLE = 'Data products publish a data contract';
const SLUG = 'data-products-publish-a-data-contract.md';
const PROBLEM = 'Consumers break when a producer renames a column';
const OPINION = 'Contracts let the business plan on the data; yes.';

test.describe.configure({ timeout: 300_000 });
test.use({ actionTimeout: 20_000 });

/** The proposal files this journey's template run wrote (one, normally). */
async function ourProposals(): Promise<string[]> {
  const names = await readdir(proposals).catch(() => [] as string[]);
  return names.filter(name => name.endsWith(`-${SLUG}`));
}

async function removeOurProposals() {
  for (const name of await ourProposals()) {
    await rm(join(proposals, name), { force: true });
  }
}

// An earlier run's proposal would be a second ADR with the same title.
test.beforeAll(removeOurProposals);
test.afterAll(removeOurProposals);

/** A README screenshot of the whole ADR page, header to opinions. */
async function wholePageForDocs(page: Page, name: string) {
  if (!process.env.E2E_SCREENSHOTS) return;
  await page.setViewportSize({ width: 1400, height: 1700 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshotForDocs(page, name);
  await page.setViewportSize({ width: 1400, height: 1000 });
}

/** Opens the governance page until the backend has read the forum's folders again. */
async function expectOnGovernancePage(page: Page, links: number) {
  await expect(async () => {
    await page.goto('/governance');
    await expect(page.getByRole('link', { name: TITLE })).toHaveCount(links, {
      timeout: 3_000,
    });
  }).toPass({ timeout: 90_000, intervals: [3_000] });
}

test('a ground rule goes round the forum: proposed, weighed, decided with its opinions, enforced', async ({
  browser,
}) => {
  // 1. Frida raises the problem on the Governance page. Frida raises no
  // problems in any other journey, and problems are listed by their title.
  const frida = await pageFor(browser, 'Frida Follow-up');
  await frida.goto('/governance/problems');
  await frida.getByRole('button', { name: 'Raise a problem' }).click();
  const raise = frida.getByRole('form', { name: 'Raise a problem' });
  await raise.getByRole('textbox', { name: /Title/ }).fill(PROBLEM);
  await raise
    .getByRole('textbox', { name: /Description/ })
    .fill(
      'Our follow-up dashboards broke twice this month because a column in benefit decisions was renamed.',
    );
  await raise
    .getByRole('textbox', { name: /Data products and domains/ })
    .fill('benefit');
  await frida.getByRole('option', { name: /Benefit decisions/ }).click();
  await raise.getByRole('button', { name: 'Raise problem' }).click();
  await expect(
    frida.getByText(`Your problem “${PROBLEM}” is raised`),
  ).toBeVisible();
  await screenshotForDocs(frida, 'forum-1-problem');

  // 2. Emma proposes a ground rule with the template.
  const emma = await pageFor(browser, 'Emma Employment');
  await expectOnGovernancePage(emma, 0);
  await emma.goto('/create/templates/default/propose-ground-rule');
  await emma.getByRole('textbox', { name: 'Title' }).fill(TITLE);
  await emma
    .getByRole('textbox', { name: 'Context and problem statement' })
    .fill(
      'Consumers learn a product’s columns and meaning by reading its code, and break when a producer renames one.',
    );
  await emma.getByRole('button', { name: 'Next' }).click();
  // The form starts with the one option a proposal needs.
  const option = emma.getByRole('textbox', { name: 'Option' });
  await option.first().fill('An ODCS contract per output port');
  await emma.getByRole('button', { name: /Add/ }).first().click();
  await option.nth(1).fill("A schema in each product's README");
  await emma
    .getByRole('textbox', { name: 'Proposed outcome' })
    .fill('Every output port links an ODCS data contract.');
  await emma.getByRole('button', { name: 'Next' }).click();
  await emma.getByLabel(/Opinions due by/).fill(DUE);
  await emma.getByRole('button', { name: 'Review' }).click();
  await expect(emma.getByRole('button', { name: 'Create' })).toBeVisible();
  await screenshotForDocs(emma, 'forum-2-propose');
  await emma.getByRole('button', { name: 'Create' }).click();
  await expect(
    emma.getByRole('link', { name: 'Open the Governance page' }),
  ).toBeVisible({ timeout: 60_000 });
  const [fileName] = await ourProposals();
  expect(fileName).toBeDefined();

  // It shows on the Governance page as proposed within a minute.
  await expectOnGovernancePage(emma, 1);
  await emma.getByRole('link', { name: TITLE }).click();
  await expect(emma).toHaveURL(/\/governance\/adrs\/proposals--/);
  const adrPath = new URL(emma.url()).pathname;

  // 3. Bo, for the business, gives his opinion.
  const bo = await pageFor(browser, 'Bo Business');
  await bo.goto(adrPath);
  const form = bo.getByRole('form', { name: 'Your opinion' });
  await form.getByRole('radio', { name: /Support/ }).check();
  await form.locator('#opinion-perspective').click();
  await bo.getByRole('option', { name: /^business$/i }).click();
  await form.getByRole('textbox', { name: /Comment/ }).fill(OPINION);
  await form.getByRole('button', { name: /^(Record|Update) opinion$/ }).click();
  const counted = (page: Page, table: string) =>
    page
      .getByRole('table', { name: table })
      .getByRole('row')
      .filter({ hasText: /^business/i })
      .getByRole('cell')
      .nth(1); // perspective, support
  await expect(counted(bo, 'Opinions by perspective')).toHaveText('1');
  await wholePageForDocs(bo, 'forum-3-opinions');

  // 4. The forum decides: the file's status changes, as a merged pull request would.
  const file = join(proposals, fileName);
  const proposed = await readFile(file, 'utf8');
  expect(proposed).toMatch(/^status: proposed$/m);
  await writeFile(
    file,
    proposed.replace(/^status: proposed$/m, 'status: accepted'),
  );

  // Within a refresh, the ADR page shows the decision and what it weighed.
  await expect(async () => {
    await bo.goto(adrPath);
    await expect(
      bo.getByText(/^Decided on .* weighing 1 opinion$/),
    ).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 90_000, intervals: [3_000] });
  await expect(counted(bo, 'Opinions weighed by perspective')).toHaveText('1');
  await expect(
    bo.getByRole('list', { name: 'Opinions weighed' }).getByRole('listitem'),
  ).toContainText([OPINION]);
  await expect(
    bo
      .getByRole('list', { name: 'Status history' })
      .getByRole('listitem')
      .last(),
  ).toContainText('proposed → accepted');
  // Opinions are closed now.
  await expect(bo.getByRole('form', { name: 'Your opinion' })).toHaveCount(0);
  await expect(bo.getByText(/Opinions are closed/)).toBeVisible();
  await wholePageForDocs(bo, 'forum-4-decision');

  // 5. The platform enforces the forum's policies on each data product.
  const pia = await pageFor(browser, 'Pia Platform');
  await pia.goto(
    '/catalog/default/dataproduct/unemployment-history/governance',
  );
  await expect(
    pia
      .getByRole('list', { name: 'Policy checks' })
      .getByRole('listitem')
      .filter({ hasText: 'Access to personal data is time-limited' }),
  ).toContainText('P365D');
  await screenshotForDocs(pia, 'forum-5-enforcement');
});
