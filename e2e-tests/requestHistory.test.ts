import { expect, Locator, Page, test } from '@playwright/test';
import { screenshotForDocs } from './screenshots';
import { pageFor } from './signIn';
import { showAllYourAccess } from './yourAccess';

// A marker that tells this run's request apart on a reused portal.
const run = Date.now().toString(36);
const product = '/catalog/default/dataproduct/benefit-decisions';

// Two people in two browsers against the development build.
test.describe.configure({ timeout: 240_000 });

/** Opens the history of the row and returns the drawer's timeline events. */
async function openHistory(page: Page, row: Locator) {
  await row.getByRole('button', { name: /^History of request/ }).click();
  const drawer = page.getByRole('dialog', { name: /^History of request/ });
  await expect(drawer).toBeVisible();
  const events = drawer
    .getByRole('list', { name: 'Timeline' })
    .getByRole('listitem');
  return { drawer, events };
}

test('the history of an approved, then revoked request shows both events with their actors and reasons', async ({
  browser,
}) => {
  const approval = `Covered by B123 (${run}-approved)`;
  const revocation = `The follow-up study ended (${run}-revoked)`;
  // Frida asks: no other journey files requests as her, so she has no open
  // request for this port on a portal the journeys share.
  const frida = await pageFor(browser, 'Frida Follow-up');
  const olav = await pageFor(browser, 'Olav Owner');

  // Frida asks for access to decisions_v1 for herself.
  await frida.goto(`${product}/access`);
  await frida
    .getByRole('button', { name: 'Request access to decisions_v1' })
    .click();
  const form = frida.getByRole('form', {
    name: 'Request access to decisions_v1',
  });
  await form
    .getByLabel('Purpose')
    .fill(`Follow-up of young job seekers (${run}-history)`);
  await form.getByLabel('Legal basis: processing activity').fill('B12');
  await frida.getByRole('option', { name: /B123/ }).click();
  await form.getByLabel('I accept the terms of use').check();
  await form.getByRole('button', { name: 'Send request' }).click();
  await expect(
    frida.getByText('waiting for the owners', { exact: false }),
  ).toBeVisible();

  // Olav approves it with a reason, then revokes it with another.
  await olav.goto(`${product}/requests`);
  const pending = olav
    .getByRole('table', { name: 'Requests waiting for a decision' })
    .getByRole('row')
    .filter({ hasText: `${run}-history` });
  await pending.getByRole('button', { name: /^Approve/ }).click();
  const approve = olav.getByRole('dialog');
  await approve.getByRole('textbox', { name: /Reason/ }).fill(approval);
  await approve.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(pending).toHaveCount(0);

  const decided = olav
    .getByRole('table', { name: 'Decided requests' })
    .getByRole('row')
    .filter({ hasText: approval });
  await expect(decided).toContainText('Approved by Olav Owner');

  const grant = olav
    .getByRole('table', { name: 'Active grants' })
    .getByRole('row')
    .filter({ has: olav.getByRole('link', { name: 'Frida Follow-up' }) })
    .first();
  // Several grants to Frida may exist on a reused portal: revoke this run's,
  // found by its history's approval reason.
  const grants = olav
    .getByRole('table', { name: 'Active grants' })
    .getByRole('row');
  await expect(grant).toBeVisible();
  let revoked = false;
  for (const row of await grants.all()) {
    const history = row.getByRole('button', { name: /^History of request/ });
    if ((await history.count()) === 0) continue;
    const { drawer } = await openHistory(olav, row);
    const ours = drawer.getByText(approval, { exact: false });
    await expect(drawer.getByRole('list', { name: 'Timeline' })).toBeVisible();
    const isOurs = (await ours.count()) > 0;
    await olav.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    if (!isOurs) continue;
    await row.getByRole('button', { name: /^Revoke/ }).click();
    const dialog = olav.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^Reason/ }).fill(revocation);
    await dialog.getByRole('button', { name: 'Revoke', exact: true }).click();
    await expect(dialog).toBeHidden();
    revoked = true;
    break;
  }
  expect(revoked).toBe(true);

  // The Decided table keeps the approver and shows the revocation beside it.
  await olav.reload();
  const closed = olav
    .getByRole('table', { name: 'Decided requests' })
    .getByRole('row')
    .filter({ hasText: approval });
  await expect(closed).toContainText('Approved by Olav Owner');
  await expect(closed).toContainText(`Revoked by Olav Owner${revocation}`);

  // Its history: requested by Frida, approved and revoked by Olav, in order,
  // each with its reason; focus returns to the History button on close.
  const { drawer, events } = await openHistory(olav, closed);
  await expect(events.filter({ hasText: /^Requested/ })).toContainText(
    'by Frida Follow-up',
  );
  const approved = events.filter({ hasText: /^Approved/ });
  await expect(approved).toContainText('by Olav Owner');
  await expect(approved).toContainText(`Reason: ${approval}`);
  const revokedEvent = events.filter({ hasText: /^Revoked/ });
  await expect(revokedEvent).toContainText('by Olav Owner');
  await expect(revokedEvent).toContainText(`Reason: ${revocation}`);
  const titles = await events.evaluateAll(items =>
    items.map(i => i.querySelector('p')?.textContent),
  );
  expect(titles.indexOf('Requested')).toBeLessThan(titles.indexOf('Approved'));
  expect(titles.indexOf('Approved')).toBeLessThan(titles.indexOf('Revoked'));
  await screenshotForDocs(olav, 'request-history');
  await olav.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(
    closed.getByRole('button', { name: /^History of request/ }),
  ).toBeFocused();

  // Frida reads the same history from her Access tab, under her past requests.
  await frida.goto(`${product}/access`);
  await showAllYourAccess(frida);
  const mine = frida
    .getByRole('table', { name: 'Your past requests for this product' })
    .getByRole('row')
    .filter({ hasText: revocation });
  const own = await openHistory(frida, mine);
  await expect(own.events.filter({ hasText: /^Revoked/ })).toContainText(
    `Reason: ${revocation}`,
  );
  await expect(own.events.filter({ hasText: /^Approved/ })).toContainText(
    `Reason: ${approval}`,
  );
});
