import { expect, test } from '@playwright/test';
import { screenshotForDocs } from './screenshots';
import { pageFor } from './signIn';

test.describe.configure({ timeout: 240_000 });

test('an opinion on a proposed ADR is counted under its perspective', async ({
  browser,
}) => {
  const page = await pageFor(browser, 'Leo Legal');
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Governance' })
    .click();
  await page.getByRole('button', { name: 'Status All' }).click();
  await page.getByRole('option', { name: /^proposed$/i }).click();
  await expect(page).toHaveURL(/status=proposed/);
  await expect(
    page.getByRole('link', {
      name: 'Access to personal data lasts at most 180 days',
    }),
  ).toHaveCount(0);
  await screenshotForDocs(page, 'governance-index');
  await page
    .getByRole('link', { name: 'Data products publish a freshness SLA' })
    .click();

  const form = page.getByRole('form', { name: 'Your opinion' });
  await form.getByRole('radio', { name: /Concern/ }).check();
  await form.locator('#opinion-perspective').click();
  await page.getByRole('option', { name: /^legal$/i }).click();
  await form
    .getByRole('textbox', { name: /Comment/ })
    .fill(
      'A freshness SLA must not oblige teams to copy personal data more often than needed.',
    );
  await // Record the first time; Update when an earlier run left one.
  await form.getByRole('button', { name: /^(Record|Update) opinion$/ }).click();

  const legal = page
    .getByRole('table', { name: 'Opinions by perspective' })
    .getByRole('row')
    .filter({ hasText: /^legal/i });
  await expect(legal.getByRole('cell').nth(2)).toHaveText('1'); // perspective, support, concern
  await expect(
    form.getByRole('button', { name: 'Update opinion' }),
  ).toBeVisible();
  await screenshotForDocs(page, 'governance-proposed-adr');
});

test('an accepted ADR shows its compliance, and a failing product links back to it', async ({
  browser,
}) => {
  const page = await pageFor(browser, 'Pia Platform');
  await page.goto('/governance');
  await page
    .getByRole('link', {
      name: 'Access to personal data lasts at most 180 days',
    })
    .click();
  const failing = page.getByRole('list', {
    name: 'Failing Access to personal data is time-limited',
  });
  await expect(failing).toContainText('Unemployment history');
  await screenshotForDocs(page, 'governance-accepted-adr');

  await failing.getByRole('link', { name: /Unemployment history/ }).click();
  await expect(page).toHaveURL(/\/dataproduct\/unemployment-history$/);
  // The entity page's own tab; the sidebar has a Governance link too.
  await page.locator('a[href$="/unemployment-history/governance"]').click();
  const check = page
    .getByRole('list', { name: 'Policy checks' })
    .getByRole('listitem')
    .filter({ hasText: 'Access to personal data is time-limited' });
  await expect(check).toContainText('P365D');
  await screenshotForDocs(page, 'data-product-governance');
  await check
    .getByRole('link', {
      name: 'Access to personal data lasts at most 180 days',
    })
    .click();
  await expect(page).toHaveURL(/\/governance\/adrs\//);
});
