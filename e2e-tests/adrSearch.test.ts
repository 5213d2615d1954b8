import { expect, test } from '@playwright/test';
import { screenshotForDocs } from './screenshots';
import { signInAs } from './signIn';

test('an ADR found in search shows a plain-text snippet, not Markdown', async ({
  page,
}) => {
  await signInAs(page, 'Ada Analyst');
  await page.goto('/search?query=freshness');
  const title = page.getByRole('link', {
    name: 'Data products publish a freshness SLA',
    exact: true,
  });
  // The ADR collator indexes a few seconds after the portal starts.
  await expect(async () => {
    await page.reload();
    await expect(title).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000 });
  const result = page.getByRole('listitem').filter({ has: title });
  await expect(result).toContainText('Context and Problem Statement');
  await expect(result).toContainText(
    'Every output port declares a freshness service level',
  );
  const snippet = (await result.textContent()) ?? '';
  expect(snippet).not.toMatch(/##|`|\*\*|^- /m);
  await page.setViewportSize({ width: 1280, height: 800 });
  await screenshotForDocs(page, 'adr-search');
});
