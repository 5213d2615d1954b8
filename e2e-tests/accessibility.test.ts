import AxeBuilder from '@axe-core/playwright';
import { expect, Page, test } from '@playwright/test';
import { screenshotForDocs } from './screenshots';
import { pageFor } from './signIn';

const product = '/catalog/default/dataproduct/benefit-decisions';

// Two people in two browsers against the development build: slow on 2 cores.
test.describe.configure({ timeout: 240_000 });

/**
 * Backstage's app shell: its sidebar and the entity page's header and tab
 * bar. Their findings are noted in the run's "axe (app shell)" annotations,
 * not failed on. The suite's own item in the sidebar, "Access inbox" with its
 * count, is checked on its own below.
 */
const shell = [
  'nav[aria-label="sidebar nav"]',
  'header',
  '[data-testid="header-tab"]',
];

function seriousOnes(
  violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations'],
) {
  return violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
}

/** Serious and critical violations in the suite's own content on the page. */
async function ownViolations(page: Page) {
  let builder = new AxeBuilder({ page });
  for (const selector of shell) builder = builder.exclude(selector);
  return seriousOnes((await builder.analyze()).violations);
}

/** The shell's serious and critical violations, noted in the report. */
async function noteShellViolations(page: Page, where: string) {
  let builder = new AxeBuilder({ page });
  for (const selector of shell) builder = builder.include(selector);
  for (const description of seriousOnes((await builder.analyze()).violations)) {
    test.info().annotations.push({
      type: 'axe (app shell)',
      description: `${where}: ${description}`,
    });
    // eslint-disable-next-line no-console
    console.log(`axe (app shell) ${where}: ${description}`);
  }
}

async function expectAccessible(page: Page, where: string) {
  await page.waitForLoadState('networkidle');
  expect.soft(await ownViolations(page), where).toEqual([]);
  await noteShellViolations(page, where);
}

/** Whether the table's columns all show without scrolling sideways. */
async function fits(page: Page, table: string) {
  const size = await page.getByRole('table', { name: table }).evaluate(el => ({
    scroll: el.parentElement!.scrollWidth,
    client: el.parentElement!.clientWidth,
    columns: [...el.querySelectorAll('th')].map(
      th => `${th.textContent} ${Math.round(th.getBoundingClientRect().width)}`,
    ),
  }));
  if (size.scroll > size.client) {
    // eslint-disable-next-line no-console
    console.log(`${table}: ${size.scroll} > ${size.client}`, size.columns);
  }
  return size.scroll <= size.client;
}

/**
 * At a laptop's and a phone's width the table fits (if the page shows it);
 * screenshots for the docs.
 */
async function atBothSizes(page: Page, name: string, table: string) {
  const shown = (await page.getByRole('table', { name: table }).count()) > 0;
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.mouse.move(1200, 10);
  if (shown) {
    expect.soft(await fits(page, table), `${table} at 1280 px`).toBe(true);
  }
  await screenshotForDocs(page, `${name}-1280`);
  await page.setViewportSize({ width: 390, height: 844 });
  if (shown) {
    expect.soft(await fits(page, table), `${table} at 390 px`).toBe(true);
  }
  await screenshotForDocs(page, `${name}-390`);
  await page.setViewportSize({ width: 1400, height: 1000 });
}

test('the Access tab, the Requests tab, the inbox and the governance page pass axe', async ({
  browser,
}) => {
  const ada = await pageFor(browser, 'Ada Analyst');
  await ada.goto(`${product}/access`);
  await expect(
    ada.getByRole('button', { name: 'Request access to decisions_v1' }),
  ).toBeVisible();
  await expectAccessible(ada, 'Access tab');
  // Current access stays short: the first port's button shows at 1280×800.
  await ada.setViewportSize({ width: 1280, height: 800 });
  const button = await ada
    .getByRole('button', { name: 'Request access to decisions_v1' })
    .boundingBox();
  expect
    .soft(button!.y + button!.height, 'request button within 1280×800')
    .toBeLessThanOrEqual(800);
  await atBothSizes(ada, 'access-tab', 'Your access to this product');

  // Past requests wait behind a disclosure; open, they pass too.
  const past = ada.getByRole('button', { name: /^Past requests \(\d+\)$/ });
  if (await past.isVisible()) {
    await past.click();
    await expect(past).toHaveAttribute('aria-expanded', 'true');
    await expect(
      ada.getByRole('table', { name: 'Your past requests for this product' }),
    ).toBeVisible();
    await expectAccessible(ada, 'Access tab, past requests open');
    for (const width of [1280, 390]) {
      await ada.setViewportSize({ width, height: 800 });
      expect
        .soft(
          await fits(ada, 'Your past requests for this product'),
          `past requests at ${width} px`,
        )
        .toBe(true);
    }
    await ada.setViewportSize({ width: 1400, height: 1000 });
    await past.click();
  }

  // Opening the form moves focus into it, so keyboard users go on from there.
  await ada
    .getByRole('button', { name: 'Request access to decisions_v1' })
    .click();
  const form = ada.getByRole('form', {
    name: 'Request access to decisions_v1',
  });
  await expect(form.locator(':focus')).toHaveCount(1);
  await expectAccessible(ada, 'request form');

  const olav = await pageFor(browser, 'Olav Owner');
  await olav.goto(`${product}/requests`);
  await expect(olav.getByText('Waiting for a decision')).toBeVisible();
  await expectAccessible(olav, 'Requests tab');

  await olav.goto('/access-inbox');
  await expect(
    olav
      .getByRole('table', { name: 'Requests to review' })
      .or(olav.getByText('Nothing waits for you')),
  ).toBeVisible();
  await expectAccessible(olav, 'Access inbox');
  await atBothSizes(olav, 'inbox', 'Requests to review');

  // The inbox's filters are the URL's: a reload keeps them.
  await olav.getByRole('button', { name: /^Status/ }).click();
  await olav.getByRole('option', { name: 'Any status' }).click();
  await expect(olav).toHaveURL(/status=any/);
  await olav.reload();
  await expect(olav.getByRole('button', { name: /^Status/ })).toHaveText(
    'Any status',
  );

  await olav.goto('/governance');
  await expect(
    olav.getByRole('link', {
      name: 'Access to personal data lasts at most 180 days',
    }),
  ).toBeVisible();
  await expectAccessible(olav, 'Governance');
});

/** axe's label-in-name rule on the sidebar's "Access inbox" link alone. */
async function inboxItemLabelInName(page: Page) {
  const results = await new AxeBuilder({ page })
    .include('a[href="/access-inbox"][aria-label^="Access inbox"]')
    .withRules(['label-content-name-mismatch'])
    .analyze();
  const ran = [...results.passes, ...results.incomplete, ...results.violations];
  expect(ran.map(r => r.id)).toContain('label-content-name-mismatch');
  return results.violations.map(
    v => `${v.id}: ${v.nodes.map(n => n.failureSummary).join('; ')}`,
  );
}

test("the sidebar's Access inbox item with a count keeps its visible label in its name, open and collapsed", async ({
  browser,
}) => {
  const olav = await pageFor(browser, 'Olav Owner');
  // A count regardless of what other journeys left waiting for Olav.
  await olav.route(/\/api\/data-products\/requests\/count/, route =>
    route.fulfill({ json: { count: 3, more: false } }),
  );
  await olav.goto('/data-products');
  const nav = olav.getByRole('navigation', { name: 'sidebar nav' });
  const item = nav.getByRole('link', { name: 'Access inbox, 3 waiting' });

  // Pinned open (Backstage's default): the count follows the label.
  await expect(item).toHaveText('Access inbox 3');
  expect(await inboxItemLabelInName(olav)).toEqual([]);

  // Collapsed: no label, the count is a badge on the icon.
  await olav.evaluate(() => localStorage.setItem('sidebarPinState', 'false'));
  await olav.reload();
  await olav.mouse.move(1200, 400);
  await expect(item).toHaveText('3');
  expect(await inboxItemLabelInName(olav)).toEqual([]);

  // At a phone's width the menu lists it with its label, the count after it.
  await olav.setViewportSize({ width: 390, height: 844 });
  await olav.getByRole('button', { name: 'Menu' }).click();
  await expect(
    olav.getByRole('link', { name: 'Access inbox, 3 waiting' }),
  ).toHaveText('Access inbox 3');
  expect(await inboxItemLabelInName(olav)).toEqual([]);
});
