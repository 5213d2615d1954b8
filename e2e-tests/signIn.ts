import { expect, Page } from '@playwright/test';

/** Signs in through the demo sign-in page as one of the demo users. */
export async function signInAs(page: Page, displayName: string) {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.goto('/');
  await page.getByRole('button', { name: `Sign in as ${displayName}` }).click();
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}
