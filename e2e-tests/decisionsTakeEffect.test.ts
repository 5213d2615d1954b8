import { expect, Locator, Page, test } from '@playwright/test';
import { screenshotForDocs } from './screenshots';
import { pageFor } from './signIn';
import { showAllYourAccess } from './yourAccess';

// A marker that tells this run's request apart on a reused portal.
const run = Date.now().toString(36);
const product = '/catalog/default/dataproduct/benefit-decisions';
// Owned by team-analytics, so Ada may ask access for it; decisions_v1
// grants access to services.
const service = 'statistics-pipeline';
const servicePage = `/catalog/default/component/${service}`;

// Two people in two browsers, and two catalog processing cycles to wait for.
test.describe.configure({ timeout: 240_000 });

/**
 * Reloads `page` until `check` passes: what a decision changes elsewhere
 * (the catalog's relations, the worker's provisioning state) arrives
 * after a processing cycle, not with the decision's response.
 */
async function untilAfterReloads(page: Page, check: () => Promise<void>) {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout: 90_000, intervals: [2_000, 3_000, 5_000] });
}

/** The "Data products this service reads" section of the service's page. */
function readsSection(page: Page): Locator {
  return page
    .getByRole('heading', {
      name: 'Data products this service reads',
      exact: true,
    })
    .locator('xpath=../..');
}

test('an approved request for a service takes effect: notified, provisioning shown, the service reads the product until revoked', async ({
  browser,
}) => {
  const marker = `${run}-service`;
  const ada = await pageFor(browser, 'Ada Analyst');
  const olav = await pageFor(browser, 'Olav Owner');

  // Ada asks for access to decisions_v1 for the service her team owns.
  await ada.goto(`${product}/access`);
  await ada
    .getByRole('button', { name: 'Request access to decisions_v1' })
    .click();
  const form = ada.getByRole('form', {
    name: 'Request access to decisions_v1',
  });
  await form.getByRole('button', { name: /Access for/ }).click();
  await ada.getByRole('option', { name: `Service ${service}` }).click();
  await form
    .getByLabel('Purpose')
    .fill(`Monthly statistics on benefit decisions (${marker})`);
  await form.getByLabel('Legal basis: processing activity').fill('B12');
  await ada.getByRole('option', { name: /B123/ }).click();
  await form.getByLabel('I accept the terms of use').check();
  await form.getByRole('button', { name: 'Send request' }).click();
  await expect(
    ada.getByText('waiting for the owners', { exact: false }),
  ).toBeVisible();

  // Olav approves it on the product's Requests tab.
  await olav.goto(`${product}/requests`);
  const pending = olav.getByRole('row').filter({ hasText: marker });
  await expect(pending).toContainText(service);
  await pending.getByRole('button', { name: /^Approve/ }).click();
  await olav
    .getByRole('dialog')
    .getByRole('button', { name: 'Approve', exact: true })
    .click();
  await expect(pending).toHaveCount(0);

  // Ada is told, newest first on her notifications page.
  await ada.goto('/notifications');
  await untilAfterReloads(ada, async () => {
    const newest = ada
      .getByRole('row')
      .filter({ hasText: 'Access approved: benefit-decisions / decisions_v1' })
      .first();
    await expect(newest).toContainText(`for component:default/${service}`, {
      timeout: 5_000,
    });
  });

  // Her Access tab shows the grant and where it stands in the database: the
  // demo configures no provisioner, so the owners apply it by hand.
  await ada.goto(`${product}/access`);
  const grant = ada
    .getByRole('table', { name: 'Your access to this product' })
    .getByRole('row')
    .filter({ hasText: service })
    .filter({ hasText: 'Approved' });
  await untilAfterReloads(ada, async () => {
    await showAllYourAccess(ada);
    await expect(grant.getByLabel('Provisioning: Apply by hand')).toBeVisible({
      timeout: 5_000,
    });
  });

  // The catalog draws the grant as a relation: the service reads the product.
  await ada.goto(servicePage);
  await untilAfterReloads(ada, async () => {
    await expect(
      readsSection(ada).getByRole('link', { name: /Benefit decisions/ }),
    ).toBeVisible({ timeout: 5_000 });
  });
  await ada.screenshot({
    path: test.info().outputPath('service-reads-product.png'),
    fullPage: true,
  });
  await screenshotForDocs(ada, 'service-reads-product');

  // Olav revokes the grant; the relation goes with it.
  await olav.goto(`${product}/requests`);
  const active = olav
    .getByRole('table', { name: 'Active grants' })
    .getByRole('row')
    .filter({ hasText: service });
  await active.getByRole('button', { name: /^Revoke/ }).click();
  const dialog = olav.getByRole('dialog');
  await dialog
    .getByRole('textbox', { name: /^Reason/ })
    .fill(`The statistics use decision_counts_v1 from now on (${marker})`);
  await dialog.getByRole('button', { name: 'Revoke', exact: true }).click();
  await expect(active).toHaveCount(0);

  await ada.goto(servicePage);
  await untilAfterReloads(ada, async () => {
    await expect(readsSection(ada)).toContainText(
      'This service holds no access grant to a data product',
      { timeout: 5_000 },
    );
  });
});
