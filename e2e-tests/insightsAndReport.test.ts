import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { screenshotForDocs } from './screenshots';
import { pageFor } from './signIn';

// The backend, also when a dev server serves the app (see playwright.config.ts).
const backend = 'http://localhost:7007';
const reportPath = '/data-products/reports/personal-data-access';
const DAY = 86_400_000;

test.describe.configure({ timeout: 240_000 });

type Grant = {
  id: string;
  entityRef: string;
  outputPort: string;
  subjectRef: string;
  purpose: string;
  decidedAt?: string;
  closedAt?: string;
};

/**
 * A demo user's Backstage token, as the demo sign-in page gets it. On a
 * freshly started portal the catalog may not hold the user yet: retry.
 */
async function tokenOf(request: APIRequestContext, userName: string) {
  let token = '';
  await expect(async () => {
    const response = await request.get(`${backend}/api/auth/demo/refresh`, {
      headers: { 'x-demo-user': userName },
    });
    expect(response.ok()).toBe(true);
    token = (await response.json()).backstageIdentity.token;
  }).toPass({ timeout: 120_000, intervals: [1_000, 2_000, 5_000] });
  return token;
}

/**
 * A grant of the demo history (a few months seeded at start, see the
 * backend's demo/demoHistory.ts) that an owner revoked at least a day after
 * approving it, and the day it was in force at the end of. Looked up through
 * the owners' own request lists.
 */
async function revokedDemoGrant(request: APIRequestContext) {
  for (const owner of ['olav.owner', 'emma.employment', 'frida.followup']) {
    const token = await tokenOf(request, owner);
    const response = await request.get(
      `${backend}/api/data-products/requests?role=approver&status=revoked&limit=100`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    expect(response.ok()).toBe(true);
    const { items } = (await response.json()) as { items: Grant[] };
    for (const grant of items) {
      if (!grant.purpose.startsWith('Demo history:')) continue;
      if (!grant.decidedAt || !grant.closedAt) continue;
      // The end of the day after the approval (the report reads a date as
      // the end of that day, UTC) lies between approval and revocation.
      const day = new Date(Date.parse(grant.decidedAt) + DAY)
        .toISOString()
        .slice(0, 10);
      if (Date.parse(`${day}T23:59:59.999Z`) < Date.parse(grant.closedAt)) {
        return { grant, day };
      }
    }
  }
  throw new Error(
    'The demo history holds no grant revoked a day or more after approval',
  );
}

/** Downloads the report's CSV as shown and returns its text. */
async function downloadCsv(page: Page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  return readFile((await download.path())!, 'utf8');
}

test('the privacy officer finds a grant since revoked in the report of a past date; a consumer may not read it', async ({
  browser,
  request,
}) => {
  const { grant, day } = await revokedDemoGrant(request);

  const leo = await pageFor(browser, 'Leo Legal');
  await leo
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Art. 30 report' })
    .click();
  await expect(leo).toHaveURL(new RegExp(`${reportPath}$`));

  // Today the revoked grant is gone from the report and from its CSV.
  await expect(
    leo.getByRole('table', { name: 'Grants to personal data' }),
  ).toBeVisible();
  expect(await downloadCsv(leo)).not.toContain(grant.id);

  // On a day it was in force, it is listed, with its activity and approval.
  await leo.getByLabel('Grants in force on').fill(day);
  await expect(leo).toHaveURL(new RegExp(`at=${day}`));
  const row = leo
    .getByRole('table', { name: 'Grants to personal data' })
    .getByRole('row')
    .filter({ hasText: grant.purpose });
  await expect(row.first()).toBeVisible();
  await expect(row.first()).toContainText('by');
  const csv = await downloadCsv(leo);
  const line = csv.split('\r\n').find(l => l.includes(grant.id));
  expect(line).toBeDefined();
  expect(line).toContain(grant.entityRef);
  expect(line).toContain(grant.outputPort);
  expect(line).toContain(grant.subjectRef);
  await expect(
    leo.getByRole('list', { name: 'Processing activities and their ports' }),
  ).toContainText(grant.outputPort);

  // A consumer is told she may not read it, and has no link to it.
  const ada = await pageFor(browser, 'Ada Analyst');
  await expect(
    ada
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Art. 30 report' }),
  ).toHaveCount(0);
  await ada.goto(reportPath);
  await expect(
    ada.getByText(/You are not allowed to read this report/),
  ).toBeVisible();
  await expect(ada.getByRole('table')).toHaveCount(0);
});

test("the Insights page draws the demo history's charts and a table per product", async ({
  browser,
  request,
}) => {
  await tokenOf(request, 'leo.legal');
  // Leo has no grants of his own, so no "access ends soon" toast covers the page.
  const leo = await pageFor(browser, 'Leo Legal');
  await leo
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Access insights' })
    .click();
  await expect(leo).toHaveURL(/\/data-products\/insights/);

  const timeToDecision = leo.getByRole('figure', {
    name: 'Time to decision per month',
  });
  await expect(timeToDecision.locator('.recharts-line-curve')).toHaveCount(2);
  await expect(
    leo
      .getByRole('figure', { name: 'Rejection share per month' })
      .locator('.recharts-bar-rectangle')
      .first(),
  ).toBeVisible();
  await expect(
    leo
      .getByRole('figure', { name: 'Requests per month' })
      .locator('.recharts-bar-rectangle')
      .first(),
  ).toBeVisible();
  const table = leo.getByRole('table', { name: 'Figures per data product' });
  await expect(
    table.getByRole('link', { name: 'Benefit decisions' }),
  ).toBeVisible();

  // A filter lands in the URL and narrows the table.
  await leo
    .getByRole('search', { name: 'Insights filters' })
    .getByRole('button', { name: /Owner group/ })
    .click();
  await leo.getByRole('option', { name: 'team-benefits' }).click();
  await expect(leo).toHaveURL(/owner=group%3Adefault%2Fteam-benefits/);
  await expect(table.getByRole('link', { name: 'Vacancies' })).toHaveCount(0);
  await expect(
    table.getByRole('link', { name: 'Benefit decisions' }),
  ).toBeVisible();

  // The whole page for the README: the demo history's last six months.
  const from = new Date(Date.now() - 182 * 86_400_000)
    .toISOString()
    .slice(0, 8);
  const to = new Date().toISOString().slice(0, 10);
  await leo.goto(`/data-products/insights?from=${from}01&to=${to}`);
  await expect(timeToDecision.locator('.recharts-line-curve')).toHaveCount(2);
  await leo.setViewportSize({ width: 1400, height: 1500 });
  await screenshotForDocs(leo, 'insights');
});

test("a product's page shows its own insights, and its owners export who has access", async ({
  browser,
  request,
}) => {
  await tokenOf(request, 'olav.owner');
  const olav = await pageFor(browser, 'Olav Owner');
  await olav.goto('/catalog/default/dataproduct/benefit-payments');
  const figures = olav.getByLabel('Access figures of the last 90 days');
  await expect(figures).toContainText('Requests');
  await expect(figures).toContainText('Median time to decision');
  await figures.scrollIntoViewIfNeeded();
  await screenshotForDocs(olav, 'data-product-insights-card');

  await olav.goto('/catalog/default/dataproduct/benefit-payments/requests');
  await expect(olav.getByText('Who has access')).toBeVisible();
  await expect(
    olav.getByRole('table', { name: 'Active grants' }).getByRole('row').nth(1),
  ).toBeVisible();
  await olav.getByText('Who has access').scrollIntoViewIfNeeded();
  await screenshotForDocs(olav, 'who-has-access');
  const [download] = await Promise.all([
    olav.waitForEvent('download'),
    olav.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const csv = await readFile((await download.path())!, 'utf8');
  const [header, first] = csv.split('\r\n');
  expect(header).toContain('Access for,Requester,Purpose,Processing activity');
  expect(first).toContain('dataproduct:default/benefit-payments,payments_v1');
});
