import { Page } from '@playwright/test';
import { join } from 'node:path';

/**
 * Saves a screenshot for the README when E2E_SCREENSHOTS names a folder
 * (`E2E_SCREENSHOTS=docs/screenshots yarn test:e2e`); otherwise does nothing,
 * so the journeys do not rewrite committed images on every run.
 */
export async function screenshotForDocs(page: Page, name: string) {
  const folder = process.env.E2E_SCREENSHOTS;
  if (!folder) return;
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(folder, `${name}.png`) });
}
