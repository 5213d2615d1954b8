import { expect, Page } from '@playwright/test';

/**
 * Waits for "Your access to this product" on the Access tab, then opens all
 * of it: every current row ("Show all N") and the past requests ("Past
 * requests (N)"), which the tab shows collapsed.
 */
export async function showAllYourAccess(page: Page) {
  await expect(
    page
      .getByRole('table', { name: 'Your access to this product' })
      .or(page.getByText('You have no requests for this product yet'))
      .or(page.getByText('You have no access to this product now')),
  ).toBeVisible();
  const showAll = page.getByRole('button', { name: /^Show all \d+$/ });
  if (await showAll.isVisible()) await showAll.click();
  const past = page.getByRole('button', { name: /^Past requests \(\d+\)$/ });
  if (
    (await past.isVisible()) &&
    (await past.getAttribute('aria-expanded')) === 'false'
  ) {
    await past.click();
    await expect(
      page.getByRole('table', { name: 'Your past requests for this product' }),
    ).toBeVisible();
  }
}

/** The viewer's rows on the Access tab, current and past, once opened. */
export function yourAccessRows(page: Page) {
  return page
    .getByRole('table', { name: 'Your access to this product' })
    .or(
      page.getByRole('table', { name: 'Your past requests for this product' }),
    )
    .getByRole('row');
}
