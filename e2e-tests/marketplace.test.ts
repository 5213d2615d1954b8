import AxeBuilder from '@axe-core/playwright';
import { expect, Page, test } from '@playwright/test';
import { screenshotForDocs } from './screenshots';
import { signInAs } from './signIn';

/** The data products' cards on the page, in order. */
function cards(page: Page) {
  return page.getByRole('list', { name: 'Data products' }).getByRole('article');
}

/**
 * The demo's benefits products with personal data are shown, and its others
 * are not (a product registered from the template may join them).
 */
async function expectPersonalDataOfBenefits(page: Page) {
  for (const title of ['Benefit decisions', 'Benefit payments']) {
    await expect(cards(page).filter({ hasText: title })).toBeVisible();
  }
  for (const title of [
    'Benefit applications (stream)',
    'Job seeker profiles',
  ]) {
    await expect(cards(page).filter({ hasText: title })).toHaveCount(0);
  }
}

/**
 * Serious and critical axe violations in the marketplace's own content,
 * leaving out the app shell's header and sidebar.
 */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .include('#data-product-marketplace')
    .analyze();
  return violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
}

/**
 * The app shell's own serious and critical violations on the page, noted in
 * the report (not failed on: they are Backstage's, not the suite's).
 */
async function noteShellViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .exclude('#data-product-marketplace')
    .analyze();
  for (const v of violations) {
    if (v.impact === 'serious' || v.impact === 'critical') {
      test.info().annotations.push({
        type: 'axe (app shell)',
        description: `${v.id}: ${v.nodes
          .map(n => n.target.join(' '))
          .join(', ')}`,
      });
    }
  }
}

/** Opens a facet and toggles one of its values. */
async function pick(page: Page, facet: string, option: RegExp) {
  await page
    .getByRole('region', { name: 'Filters' })
    .getByRole('button', { name: new RegExp(`^${facet}`) })
    .click();
  await page.getByRole('option', { name: option }).click();
  await page.keyboard.press('Escape');
}

/** The count a facet shows next to a value, as in "benefits (3)". */
async function countOf(page: Page, facet: string, value: string) {
  await page
    .getByRole('region', { name: 'Filters' })
    .getByRole('button', { name: new RegExp(`^${facet}`) })
    .click();
  const option = page.getByRole('option', {
    name: new RegExp(`^${value} \\(\\d+\\)$`),
  });
  const text = (await option.textContent()) ?? '';
  await page.keyboard.press('Escape');
  await expect(page.getByRole('listbox')).toBeHidden();
  return Number(/\((\d+)\)$/.exec(text)?.[1]);
}

test('a consumer finds personal data of a domain in the marketplace and goes on to ask for access', async ({
  page,
}) => {
  await signInAs(page, 'Ada Analyst');

  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Data products', exact: true })
    .click();
  await expect(page).toHaveURL(/\/data-products$/);
  await expect(
    cards(page).filter({ hasText: 'Sick-leave cases' }),
  ).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 800 });
  // Off the sidebar, whose hover highlight would mark another item.
  await page.mouse.move(900, 40);
  await screenshotForDocs(page, 'marketplace-1280');

  const benefitsInAll = await countOf(page, 'Domain', 'benefits');
  await pick(page, 'Personal data', /^Personal data/);
  await expect(page).toHaveURL(/personalData=personal/);
  await expect(cards(page).filter({ hasText: 'Vacancies' })).toHaveCount(0);
  // The other facets count only what the picked one leaves: the benefits
  // domain's stream without personal data drops out of its count.
  await expect
    .poll(() => countOf(page, 'Domain', 'benefits'))
    .toBeLessThan(benefitsInAll);

  await pick(page, 'Domain', /^benefits/);
  await expect(page).toHaveURL(/domain=benefits/);
  // A facet does not narrow itself: other domains stay on offer.
  expect(await countOf(page, 'Domain', 'employment')).toBeGreaterThan(0);
  await expectPersonalDataOfBenefits(page);
  const decisions = cards(page).filter({ hasText: 'Benefit decisions' });
  const personalPort = decisions
    .getByRole('listitem')
    .filter({ hasText: 'decisions_v1' });
  await expect(personalPort).toContainText('personal');
  await expect(personalPort).toContainText('Personal data');
  await expect(personalPort).toContainText('Owner approval');
  expect(await seriousViolations(page)).toEqual([]);
  await noteShellViolations(page);

  // The filters are the URL's: a reload keeps them, back undoes the last one.
  await page.reload();
  await expectPersonalDataOfBenefits(page);
  await page.goBack();
  await expect(page).not.toHaveURL(/domain=/);
  await expect(page).toHaveURL(/personalData=personal/);
  await expect(
    cards(page).filter({ hasText: 'Job seeker profiles' }),
  ).toBeVisible();
  await page.goForward();
  await expectPersonalDataOfBenefits(page);

  await page
    .getByRole('link', { name: 'Request access to Benefit decisions' })
    .click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/dataproduct\/benefit-decisions\/access$/,
  );
  await expect(
    page.getByRole('button', { name: 'Request access to decisions_v1' }),
  ).toBeVisible();
});

test('on a phone the facets fold above the cards', async ({ page }) => {
  await signInAs(page, 'Ada Analyst');
  // After signing in: on a phone the sidebar signInAs looks for is a bottom bar.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/data-products?personalData=special');
  await expect(
    cards(page).filter({ hasText: 'Sick-leave cases' }),
  ).toBeVisible();
  await expect(cards(page).filter({ hasText: 'Vacancies' })).toHaveCount(0);
  await expect(
    page.getByRole('button', { name: 'Filters (1 active)' }),
  ).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: 'Filters' })
      .getByRole('button', { name: /^Domain/ }),
  ).toBeHidden();
  await page.goto('/data-products');
  await expect(cards(page).first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await screenshotForDocs(page, 'marketplace-390');
});

test("search shows a data product's ports with their chips", async ({
  page,
}) => {
  await signInAs(page, 'Ada Analyst');
  await page.goto('/search?query=benefit%20decisions');
  // The catalog collator indexes a few seconds after the portal starts.
  await expect(async () => {
    await page.reload();
    await expect(
      page.getByRole('link', { name: 'Benefit decisions', exact: true }),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  const result = page.getByRole('listitem').filter({
    has: page.getByRole('link', { name: 'Benefit decisions', exact: true }),
  });
  await expect(result).toContainText('Data product');
  await expect(result).toContainText('decisions_v1');
  await expect(result).toContainText('Personal data');
  await expect(result).toContainText('Owner approval');
  await expect(result).toContainText('decision_counts_v1');
  await expect(result).toContainText('Automatic');
});
