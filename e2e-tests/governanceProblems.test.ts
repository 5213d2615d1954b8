import { expect, Page, test } from '@playwright/test';
import { screenshotForDocs } from './screenshots';
import { pageFor } from './signIn';

test.describe.configure({ timeout: 240_000 });

// An accepted decision no other journey changes.
const ADR_TITLE = 'Consumers document the legal basis for personal data';

async function openProblems(page: Page) {
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Governance' })
    .click();
  await page.getByRole('tab', { name: 'Problems' }).click();
  await expect(page).toHaveURL(/\/governance\/problems$/);
}

/** The problem's item, by its id: earlier runs may have left one of the same title. */
function item(page: Page, id: string) {
  return page
    .getByRole('list', { name: 'Open problems' })
    .locator(`[id="problem-${id}"]`);
}

test('Ada raises a problem, Emma supports it, and the forum links the ADR that answers it, whose status it then shows', async ({
  browser,
}) => {
  const title = 'Nobody knows how fresh the benefit decisions are';

  const ada = await pageFor(browser, 'Ada Analyst');
  await openProblems(ada);
  await ada.getByRole('button', { name: 'Raise a problem' }).click();
  const form = ada.getByRole('form', { name: 'Raise a problem' });
  await expect(form.getByRole('textbox', { name: /Title/ })).toBeFocused();
  await form.getByRole('textbox', { name: /Title/ }).fill(title);
  await form
    .getByRole('textbox', { name: /Description/ })
    .fill('We only find out a day later that decisions were not loaded.');
  await form
    .getByRole('textbox', { name: /Data products and domains/ })
    .fill('benefit');
  await ada.getByRole('option', { name: /Benefit decisions/ }).click();
  const [raised] = await Promise.all([
    ada.waitForResponse(
      r => r.url().endsWith('/api/governance/problems') && r.status() === 201,
    ),
    form.getByRole('button', { name: 'Raise problem' }).click(),
  ]);
  const id: string = (await raised.json()).id;
  await expect(
    ada.getByText(`Your problem “${title}” is raised`),
  ).toBeVisible();
  await expect(item(ada, id)).toContainText('0 supporters');
  await expect(item(ada, id)).toContainText('Benefit decisions');

  const emma = await pageFor(browser, 'Emma Employment');
  await openProblems(emma);
  // A problem of her own, which nobody supports yet, ranks below.
  await emma.getByRole('button', { name: 'Raise a problem' }).click();
  const hers = emma.getByRole('form', { name: 'Raise a problem' });
  await hers
    .getByRole('textbox', { name: /Title/ })
    .fill('Domains name the same things differently');
  await hers
    .getByRole('textbox', { name: /Description/ })
    .fill('"Case" means one thing in employment and another in benefits.');
  await hers.getByRole('button', { name: 'Raise problem' }).click();
  await expect(emma.getByText(/is raised/)).toBeVisible();
  await item(emma, id)
    .getByRole('button', { name: `Support: ${title}` })
    .click();
  const withdraw = item(emma, id).getByRole('button', {
    name: `Withdraw support: ${title}`,
  });
  await expect(withdraw).toHaveAttribute('aria-pressed', 'true');
  await expect(withdraw).toContainText('1 supporter');
  // Only the forum links and closes.
  await expect(
    item(emma, id).getByRole('button', { name: 'Link ADR' }),
  ).toHaveCount(0);

  const leo = await pageFor(browser, 'Leo Legal');
  await openProblems(leo);
  await expect(item(leo, id)).toContainText('1 supporter');
  await item(leo, id).getByRole('button', { name: 'Link ADR' }).click();
  const dialog = leo.getByRole('dialog');
  await dialog.locator('#problem-adr').click();
  await leo.getByRole('option', { name: new RegExp(ADR_TITLE) }).click();
  await dialog.getByRole('button', { name: 'Link ADR' }).click();
  await expect(dialog).toHaveCount(0);

  // Everyone sees the answering ADR with its current status, linking to it.
  await ada.reload();
  const answered = item(ada, id);
  await expect(answered.getByRole('link', { name: ADR_TITLE })).toBeVisible();
  await expect(answered).toContainText('Answered by');
  await expect(answered).toContainText('accepted');

  await ada.setViewportSize({ width: 1280, height: 800 });
  await answered.scrollIntoViewIfNeeded();
  await screenshotForDocs(ada, 'governance-problems');

  await answered.getByRole('link', { name: ADR_TITLE }).click();
  await expect(ada).toHaveURL(/\/governance\/adrs\/decisions--0002-/);
});
