import { expect, test } from '@playwright/test';
import { signIn, unique } from './support';

test('the public notice shows the web site’s cookies, where recipients process and on what ground data leaves the EU, and support’s second basis', async ({ page }) => {
  await page.addInitScript(() => window.localStorage.setItem('privdesk.language', 'en'));
  await page.goto('/privacy');
  // The company's nine cookies, Google Analytics among them.
  await expect(page.getByRole('rowheader', { name: '_ga', exact: true })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: '__cf_bm', exact: true })).toBeVisible();
  // Google processes outside the EU under the Data Privacy Framework.
  const google = page.getByTestId('notice-recipient').filter({ hasText: 'Google' }).first();
  await expect(google.getByTestId('notice-recipient-transfer')).toContainText('outside the EU');
  await expect(google.getByTestId('notice-recipient-transfer')).toContainText('Data Privacy Framework');
  // Support (P4) rests on the agreement and on legitimate interest.
  const support = page.locator('[data-testid="notice-purpose"][data-code="P4"]');
  await expect(support.getByTestId('notice-additional-basis')).toContainText('Legitimate interest');
  await expect(page.getByTestId('notice-complaint').getByRole('link')).toHaveAttribute('href', /imy\.se/);
});

test('an admin records a recipient outside the EU with its transfer mechanism, and the public notice says so', async ({ page }) => {
  await signIn(page, 'admin');
  const name = unique('Backup Tjänst Inc');
  await page.goto('/admin/settings');
  await page.getByTestId('recipient-add').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Role').click();
  await page.getByRole('option').first().click();
  await dialog.getByLabel('Receives (Swedish)').fill('Säkerhetskopior av ärenden');
  await dialog.getByLabel('Receives (English)').fill('Backups of tickets');
  await dialog.getByTestId('recipient-countries').fill('US');
  await dialog.getByLabel('Processes within the EU/EEA').uncheck();
  // By keyboard, as a user in a hurry would: on to the mechanism, open it, pick the clauses.
  await page.keyboard.press('Tab');
  await expect(dialog.getByTestId('recipient-mechanism')).toBeFocused();
  await page.keyboard.press('Enter');
  await page.getByRole('option', { name: /standard contractual clauses/ }).click();
  await dialog.getByTestId('recipient-save').click();
  await expect(page.getByTestId('recipient-row').filter({ hasText: name })).toBeVisible();

  await page.goto('/privacy');
  const recipient = page.getByTestId('notice-recipient').filter({ hasText: name });
  await expect(recipient.getByTestId('notice-recipient-transfer')).toContainText('outside the EU');
  await expect(recipient.getByTestId('notice-recipient-transfer')).toContainText('standard contractual clauses (Art. 46)');
});
