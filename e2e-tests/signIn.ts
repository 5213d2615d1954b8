import { Browser, expect, Page } from '@playwright/test';

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

/**
 * A fresh browser context signed in as a demo user: one per person, as two
 * people would use two browsers, so switching users leaves no session behind.
 */
export async function pageFor(browser: Browser, displayName: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, displayName);
  return page;
}
