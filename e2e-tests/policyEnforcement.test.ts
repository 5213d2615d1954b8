import { expect, test } from '@playwright/test';
import { screenshotForDocs } from './screenshots';
import { pageFor } from './signIn';

test.describe.configure({ timeout: 300_000 });

const product = '/catalog/default/dataproduct/unemployment-history/governance';

test('a proposed policy would fail if accepted; an enforced one shows since when it fails', async ({
  browser,
}) => {
  const olav = await pageFor(browser, 'Olav Owner');

  // The proposal's page: what would fail, not what fails.
  await olav.goto(
    '/governance/adrs/decisions--0008-data-products-publish-a-freshness-sla',
  );
  await expect(
    olav.getByText('Policies this proposal would introduce'),
  ).toBeVisible();
  await expect(
    olav.getByRole('list', {
      name: 'Would fail if accepted: Output ports publish a freshness SLA',
    }),
  ).toContainText('Unemployment history');
  await expect(olav.getByRole('list', { name: /^Failing / })).toHaveCount(0);

  // The product's Governance tab: the enforced failure is dated once the
  // platform's sweep has run (a minute after the backend starts).
  const checks = olav.getByRole('list', { name: 'Policy checks' });
  const maxDuration = checks
    .getByRole('listitem')
    .filter({ hasText: 'Access to personal data is time-limited' });
  await expect(async () => {
    await olav.goto(product);
    await expect(maxDuration).toContainText(/Failing since \d{4}-\d{2}-\d{2}/, {
      timeout: 5_000,
    });
  }).toPass({ timeout: 180_000, intervals: [10_000] });
  await expect(maxDuration).toContainText('P365D');
  await expect(
    checks
      .getByRole('listitem')
      .filter({ hasText: 'Output ports publish a freshness SLA' }),
  ).toContainText('Would fail if accepted');
  await expect(
    olav.getByText(/proposed policy would fail if accepted/),
  ).toBeVisible();
  await screenshotForDocs(olav, 'data-product-failing-since');
});
