import { expect, Page, test } from '@playwright/test';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { screenshotForDocs } from './screenshots';
import { pageFor } from './signIn';

// Where the demo portal's template publishes and the demo catalog reads
// (scaffolder.dataProducts.demoCatalogDirectory in app-config.yaml).
const registered = join(__dirname, '..', 'examples', 'registered');
const suffix = Date.now().toString(36);
const product = `job-seekers-${suffix}`;
const unowned = `unowned-${suffix}`;

test.describe.configure({ timeout: 300_000 });
test.use({ actionTimeout: 20_000 });

// Files this journey wrote; the demo catalog reads whatever is left there.
test.afterAll(async () => {
  for (const name of [product, unowned]) {
    await rm(join(registered, `${name}.yaml`), { force: true });
  }
});

/** Picks an entity in a scaffolder picker by typing part of its name. */
async function pick(page: Page, label: string, text: string) {
  const input = page.getByRole('textbox', { name: label });
  await input.click();
  await input.fill(text);
  await page
    .getByRole('option', { name: new RegExp(text, 'i') })
    .first()
    .click();
}

/** Opens an RJSF select (MUI) by its label and picks an option. */
async function choose(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: false }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('the platform team registers a data product from the template, and a product without an owner shows its error', async ({
  browser,
}) => {
  const pia = await pageFor(browser, 'Pia Platform');

  // The Create page offers the template in place of create-app's example.
  await pia.goto('/create');
  await expect(
    pia.getByRole('heading', { name: 'Register a data product' }),
  ).toBeVisible();
  await expect(pia.getByText('Example Node.js Template')).toHaveCount(0);
  // Its own page: the Create page lists other templates too.
  await pia.goto('/create/templates/default/register-data-product');

  // About the product
  await pia.getByRole('textbox', { name: 'Name' }).fill(product);
  await pia.getByRole('textbox', { name: 'Title' }).fill('Job seekers (e2e)');
  await pia.getByRole('button', { name: 'Next' }).click();

  // Who owns and produces it
  await pick(pia, 'Owner', 'Team Employment');
  await pick(pia, 'Domain', 'employment');
  await pick(pia, 'Producing services', 'jobseeker-profile-service');
  await pia.getByRole('button', { name: 'Next' }).click();

  // One output port: the form starts with one, as a product needs one.
  await expect(
    pia.getByRole('heading', { name: 'Output port', exact: true }),
  ).toBeVisible();
  await pia.getByRole('textbox', { name: 'Port name' }).fill('job_seekers_v1');
  await pia.getByRole('textbox', { name: 'Server type' }).fill('postgres');
  await choose(pia, 'Classification', 'Personal data');
  await pia.getByRole('checkbox', { name: /Holds direct identifiers/ }).check();
  await pia
    .getByRole('textbox', { name: 'Terms of use' })
    .fill('Use only for the processing activity you name.');

  await pia.screenshot({
    path: 'node_modules/.cache/e2e-test-results/register-data-product-form.png',
    fullPage: true,
  });
  if (process.env.E2E_SCREENSHOTS) {
    // The whole step, for the README.
    await pia.setViewportSize({ width: 1280, height: 2300 });
    await screenshotForDocs(pia, 'register-data-product-form');
    await pia.setViewportSize({ width: 1400, height: 1000 });
  }

  await pia.getByRole('button', { name: 'Review' }).click();
  await pia.getByRole('button', { name: 'Create' }).click();

  // The run checks the product first, then adds it to the demo catalog.
  for (const step of ['Check the data product', 'Add to the demo catalog']) {
    await expect(
      pia.getByRole('button', { name: new RegExp(`^${step}`) }),
    ).toBeVisible();
  }
  await expect(pia.getByRole('link', { name: 'Open in catalog' })).toBeVisible({
    timeout: 60_000,
  });

  // The catalog reads it within a minute.
  const entityPage = `/catalog/default/dataproduct/${product}`;
  await expect(async () => {
    await pia.goto(entityPage);
    await expect(
      pia.getByRole('heading', { name: 'Job seekers (e2e)' }),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000, intervals: [5_000] });
  await expect(pia.getByTestId('output-port-job_seekers_v1')).toContainText(
    'Direct identifiers',
  );
  // No dead end: no TechDocs tab on a product without docs.
  await expect(pia.getByRole('tab', { name: 'TechDocs' })).toHaveCount(0);

  // ... and in the marketplace, with its port and a way to ask for access.
  await pia.goto(`/data-products?q=${product}`);
  const card = pia.getByRole('article', { name: 'Job seekers (e2e)' });
  await expect(card).toContainText('job_seekers_v1');
  await expect(
    card.getByRole('link', { name: 'Request access to Job seekers (e2e)' }),
  ).toBeVisible();

  // A product without an owner, as a file a merged pull request would add.
  await writeFile(
    join(registered, `${unowned}.yaml`),
    [
      'apiVersion: datamesh/v1alpha1',
      'kind: DataProduct',
      `metadata: { name: ${unowned} }`,
      'spec:',
      '  type: aggregate',
      '  lifecycle: proposed',
      '  outputPorts: [{ name: counts_v1, type: table, classification: internal }]',
      '',
    ].join('\n'),
  );

  // The catalog refuses it and says why on the unprocessed-entities page,
  // which the sidebar links to.
  await pia
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Unprocessed Entities' })
    .click();
  await expect(pia).toHaveURL(/\/catalog-unprocessed-entities/);
  await expect(async () => {
    await pia.reload();
    await pia.getByRole('tab', { name: 'Pending' }).click();
    // An entity that never passed validation waits as pending; its errors
    // are in its raw definition.
    const raw = pia.getByRole('button', {
      name: /Show raw entity definition/,
    });
    await expect(raw.first()).toBeVisible({ timeout: 5_000 });
    let found = false;
    for (const button of await raw.all()) {
      await button.click();
      const dialog = pia.getByRole('dialog');
      const text = (await dialog.textContent()) ?? '';
      await pia.keyboard.press('Escape');
      if (text.includes(unowned)) {
        expect(text).toContain("/spec must have required property 'owner'");
        found = true;
        break;
      }
    }
    expect(found).toBe(true);
  }).toPass({ timeout: 90_000, intervals: [5_000] });
});

test('searching fires no failing call', async ({ browser }) => {
  const pia = await pageFor(browser, 'Pia Platform');
  // The first index is built 20 s after the backend starts; until then the
  // engine has nothing to search.
  await expect(async () => {
    await pia.goto('/search?query=benefit');
    await expect(
      pia.getByRole('link', { name: /Benefit decisions/ }).first(),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000, intervals: [5_000] });

  const failures: string[] = [];
  pia.on('response', response => {
    if (response.url().includes('/api/search/') && response.status() >= 500) {
      failures.push(`${response.status()} ${response.url()}`);
    }
  });
  await pia.reload();
  await expect(
    pia.getByRole('link', { name: /Benefit decisions/ }).first(),
  ).toBeVisible();
  await pia.waitForLoadState('networkidle');
  expect(failures).toEqual([]);
});
