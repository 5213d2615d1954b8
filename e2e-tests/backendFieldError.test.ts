import { expect, test } from '@playwright/test';
import { pageFor } from './signIn';
import { showAllYourAccess } from './yourAccess';

const product = '/catalog/default/dataproduct/benefit-decisions';
const port = 'decision_counts_v1';
const day = 86_400_000;

/** The last day of access the server allows now: its P365D from its own clock. */
function serverLatestDay() {
  return new Date(Date.now() + 365 * day).toISOString().slice(0, 10);
}

test.describe.configure({ timeout: 180_000 });

test('an end date only the backend rejects shows its message under the end date field, and nothing is filed', async ({
  browser,
}) => {
  const purpose = `Counts for a yearly report (${Date.now().toString(36)})`;
  const ada = await pageFor(browser, 'Ada Analyst');

  // The form checks with the same rules as the backend, so only a clock
  // that disagrees with the server's lets through a date the server refuses:
  // 400 days ahead, the form accepts its own now + P365D. It proposes less
  // (90 days, data minimisation), so the journey picks the form's latest day.
  await ada.clock.install({ time: new Date(Date.now() + 400 * day) });
  await ada.goto(`${product}/access`);
  await ada.getByRole('button', { name: `Request access to ${port}` }).click();
  const form = ada.getByRole('form', { name: `Request access to ${port}` });
  await form.getByLabel('Purpose').fill(purpose);
  await form.getByLabel('I accept the terms of use').check();
  const endsAt = form.getByLabel('Access ends on');
  const formLatest = (await endsAt.getAttribute('max'))!;
  expect(await endsAt.inputValue()).not.toBe(formLatest);
  await endsAt.fill(formLatest);
  const proposed = await endsAt.inputValue();
  expect(proposed).toBe(formLatest);
  expect(proposed > serverLatestDay()).toBe(true);

  const before = serverLatestDay();
  await form.getByRole('button', { name: 'Get access' }).click();

  // The server's message, with the server's limit, next to the field.
  await expect(endsAt).toHaveAttribute('aria-invalid', 'true');
  const latest = new RegExp(
    `^must be (${before}|${serverLatestDay()}) or earlier: access to ${port} lasts at most P365D$`,
    'i',
  );
  await expect(endsAt).toHaveAccessibleDescription(latest);
  await expect(form.getByRole('alert')).toHaveCount(0);

  // What was typed is kept.
  await expect(endsAt).toHaveValue(proposed);
  await expect(form.getByLabel('Purpose')).toHaveValue(purpose);
  await expect(form.getByLabel('I accept the terms of use')).toBeChecked();

  // No request was filed: in a browser with the real clock, Ada has none for
  // the port, current or past (it approves automatically, so a filed one
  // would show here).
  const check = await pageFor(browser, 'Ada Analyst');
  await check.goto(`${product}/access`);
  await showAllYourAccess(check);
  await expect(
    check.getByRole('row', { name: new RegExp(`^${port} `) }),
  ).toHaveCount(0);
});
