import { expect, Page, test } from '@playwright/test';
import { screenshotForDocs } from './screenshots';
import { pageFor } from './signIn';
import { showAllYourAccess, yourAccessRows } from './yourAccess';

// The journeys share one portal; a per-run marker tells this run's requests
// apart from those of an earlier run against a reused portal.
const run = Date.now().toString(36);
const product = '/catalog/default/dataproduct/benefit-decisions';

// Three people in three browsers against the development build: slow on 2 cores.
test.describe.configure({ timeout: 240_000 });

async function openAccessTab(page: Page) {
  await page.goto(`${product}/access`);
  await showAllYourAccess(page);
}

async function requestAccess(
  page: Page,
  port: string,
  purpose: string,
  activity?: { typed: string; option: RegExp },
) {
  await page.getByRole('button', { name: `Request access to ${port}` }).click();
  const form = page.getByRole('form', { name: `Request access to ${port}` });
  await form.getByLabel('Purpose').fill(purpose);
  if (activity) {
    await form
      .getByLabel('Legal basis: processing activity')
      .fill(activity.typed);
    await page.getByRole('option', { name: activity.option }).click();
  }
  await form.getByLabel('I accept the terms of use').check();
  await form.getByRole('button', { name: 'Send request' }).click();
}

/** One of the viewer's rows, current or past (open them first). */
function ownRow(page: Page, marker: string) {
  return yourAccessRows(page).filter({ hasText: marker });
}

async function inboxCount(page: Page) {
  const item = page.getByRole('link', { name: /^Access inbox/ });
  await expect(item).toBeVisible();
  const label = (await item.getAttribute('aria-label')) ?? '';
  return Number(/(\d+) waiting/.exec(label)?.[1] ?? 0);
}

test('a consumer requests access with a processing activity, the owner approves it from the inbox', async ({
  browser,
}) => {
  const purpose = `Follow up young job seekers after a decision (${run}-a)`;

  const ada = await pageFor(browser, 'Ada Analyst');
  let page = ada;
  await page.goto('/catalog/default/component/benefit-decision-service');
  await page.getByRole('link', { name: 'Benefit decisions' }).first().click();
  await page.getByRole('link', { name: 'Access', exact: true }).click();
  await requestAccess(page, 'decisions_v1', purpose, {
    typed: 'B12',
    option: /B123/,
  });
  await expect(
    page.getByText('waiting for the owners', { exact: false }),
  ).toBeVisible();
  await screenshotForDocs(page, 'access-tab');

  page = await pageFor(browser, 'Olav Owner');
  await expect.poll(() => inboxCount(page)).toBeGreaterThan(0);
  await page.getByRole('link', { name: /^Access inbox/ }).click();
  const row = page.getByRole('row').filter({ hasText: `${run}-a` });
  await expect(row).toContainText('B123');
  await screenshotForDocs(page, 'access-inbox');
  await row.getByRole('button', { name: /^Approve/ }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: 'Approve', exact: true })
    .click();
  await expect(row).toHaveCount(0);

  page = ada;
  await openAccessTab(page);
  await expect(ownRow(page, 'decisions_v1').first()).toContainText('Approved');
});

test('an owner never gets their own request to decide, and a rejection shows its reason', async ({
  browser,
}) => {
  // Bo is in team-benefits, so he decides for the product, and asks for himself.
  const marker = `${run}-b`;
  const bo = await pageFor(browser, 'Bo Business');
  let page = bo;
  await openAccessTab(page);
  await requestAccess(
    page,
    'decisions_v1',
    `Business report on decision volumes (${marker})`,
    { typed: 'B123', option: /B123/ },
  );
  await expect(
    page.getByText('waiting for the owners', { exact: false }),
  ).toBeVisible();

  // Separation of duties: his queue and his inbox never offer it to him.
  await page.goto(`${product}/requests`);
  await expect(page.getByText('Waiting for a decision')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: marker })).toHaveCount(
    0,
  );
  await page.goto('/access-inbox');
  await expect(
    page
      .getByRole('table', { name: 'Requests to review' })
      .or(page.getByText('Nothing waits for you')),
  ).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: marker })).toHaveCount(
    0,
  );

  page = await pageFor(browser, 'Olav Owner');
  await page.goto(`${product}/requests`);
  const queued = page.getByRole('row').filter({ hasText: marker });
  await expect(queued).toBeVisible();
  await screenshotForDocs(page, 'owner-queue');
  await queued.getByRole('button', { name: /^Reject/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog
    .getByRole('textbox', { name: /^Reason/ })
    .fill('Aggregates in decision_counts_v1 answer this without personal data');
  await dialog.getByRole('button', { name: 'Reject', exact: true }).click();
  await expect(queued).toHaveCount(0);

  page = bo;
  await openAccessTab(page);
  // A rejection is a past request: under "Past requests", opened above.
  await expect(
    page
      .getByRole('table', { name: 'Your past requests for this product' })
      .getByRole('row')
      .filter({ hasText: 'Aggregates in decision_counts_v1 answer this' }),
  ).toContainText('Rejected');
});
