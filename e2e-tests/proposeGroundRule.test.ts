import { expect, test } from '@playwright/test';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pageFor } from './signIn';

// The demo forum's proposals folder: the template writes into it
// (scaffolder.governance.demoProposalsDirectory) and the governance backend
// reads it every 20 s (governance.adrs.locations in app-config.yaml).
const proposals = join(__dirname, '..', 'governance', 'proposals');
// A title of this run's own: no other journey proposes it.
const suffix = Date.now().toString(36);
const TITLE = `Output ports name a support channel ${suffix}`;
const DUE = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);

test.describe.configure({ timeout: 300_000 });
test.use({ actionTimeout: 20_000 });

async function ourProposals(): Promise<string[]> {
  const names = await readdir(proposals).catch(() => [] as string[]);
  return names.filter(name => name.endsWith(`-${suffix}.md`));
}

test.afterAll(async () => {
  for (const name of await ourProposals()) {
    await rm(join(proposals, name), { force: true });
  }
});

test('the platform team proposes a ground rule from the template, and the Governance page shows it as proposed', async ({
  browser,
}) => {
  const pia = await pageFor(browser, 'Pia Platform');
  // The template's own page: the Create page lists several templates.
  await pia.goto('/create/templates/default/propose-ground-rule');

  // The problem
  await pia.getByRole('textbox', { name: 'Title' }).fill(TITLE);
  await pia
    .getByRole('textbox', { name: 'Context and problem statement' })
    .fill('Consumers with a broken pipeline do not know whom to ask.');
  await pia.getByRole('button', { name: 'Next' }).click();

  // Options and outcome: the form starts with one option, as it needs one.
  await pia
    .getByRole('textbox', { name: 'Option' })
    .fill('A support channel per output port');
  await pia
    .getByRole('textbox', { name: 'Proposed outcome' })
    .fill('Every output port names its support channel.');
  await pia.getByRole('button', { name: 'Next' }).click();

  // Policies, picked from the registered checks, with a parameter.
  await pia
    .getByRole('checkbox', { name: 'Access to personal data is time-limited' })
    .check();
  const longest = pia.getByRole('textbox', { name: 'Longest grant' });
  await longest.fill('90 days');
  await expect(pia.getByText(/Not a valid longest grant/)).toBeVisible();
  await longest.fill('P90D');
  await pia.getByLabel(/Opinions due by/).fill(DUE);
  await pia.screenshot({
    path: 'node_modules/.cache/e2e-test-results/propose-ground-rule-form.png',
    fullPage: true,
  });
  await pia.getByRole('button', { name: 'Review' }).click();
  await pia.getByRole('button', { name: 'Create' }).click();

  for (const step of [
    'Check the proposal',
    'Write the ADR',
    "Add to the forum's proposals",
  ]) {
    await expect(
      pia.getByRole('button', { name: new RegExp(`^${step}`) }),
    ).toBeVisible();
  }
  await expect(
    pia.getByRole('link', { name: 'Open the Governance page' }),
  ).toBeVisible({ timeout: 60_000 });

  // The file: proposed, by Pia (from her sign-in, not the form), numbered.
  const [fileName] = await ourProposals();
  expect(fileName).toMatch(/^\d{4}-output-ports-name-a-support-channel-/);
  const content = await readFile(join(proposals, fileName), 'utf8');
  expect(content).toMatch(/^status: proposed$/m);
  expect(content).toMatch(/^proposer: user:default\/pia\.platform$/m);
  expect(content).toMatch(/^ {4}maxDuration: P90D$/m);

  // The Governance page lists it within a minute, as proposed.
  await expect(async () => {
    await pia.goto('/governance?status=proposed');
    await expect(pia.getByRole('link', { name: TITLE })).toBeVisible({
      timeout: 3_000,
    });
  }).toPass({ timeout: 90_000, intervals: [3_000] });
  await pia.getByRole('link', { name: TITLE }).click();
  await expect(pia).toHaveURL(/\/governance\/adrs\/proposals--\d{4}-/);
  await expect(
    pia.getByText(new RegExp(`by pia\\.platform · Opinions due ${DUE}`)),
  ).toBeVisible();
  // Its body and the policy it would introduce, once the page has them.
  await expect(
    pia.getByText(/Every output port names its support channel/),
  ).toBeVisible();
  await expect(
    pia.getByText('Access to personal data is time-limited').first(),
  ).toBeVisible();
  await pia.screenshot({
    path: 'node_modules/.cache/e2e-test-results/propose-ground-rule-adr.png',
    fullPage: true,
  });
});
