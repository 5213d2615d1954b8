import { expect, test } from '@playwright/test';
import { signInAs } from './signIn';

test('a data product shows its ports, and its producing service lists it', async ({
  page,
}) => {
  await signInAs(page, 'Ada Analyst');

  await page.goto('/catalog/default/component/benefit-decision-service');
  await expect(page.getByText('Produced by this service')).toBeVisible();
  await page.getByRole('link', { name: 'Benefit decisions' }).first().click();

  await expect(page).toHaveURL(
    /\/catalog\/default\/dataproduct\/benefit-decisions/,
  );
  await expect(page.getByText('Output ports', { exact: true })).toBeVisible();
  await expect(page.getByTestId('output-port-decisions_v1')).toContainText(
    'Owner approval, up to 90 days',
  );
  await expect(page.getByTestId('output-port-decisions_v1')).toContainText(
    'Direct identifiers',
  );
  await expect(
    page.getByTestId('output-port-decision_counts_v1'),
  ).toContainText('Automatic');
});

test('the catalog lists the demo data products when filtered by kind', async ({
  page,
}) => {
  await signInAs(page, 'Olav Owner');
  await page.goto('/catalog?filters[kind]=dataproduct&filters[user]=all');
  for (const title of ['Benefit decisions', 'Sick-leave cases', 'Vacancies']) {
    await expect(
      page.getByRole('link', { name: title, exact: true }),
    ).toBeVisible();
  }
});
