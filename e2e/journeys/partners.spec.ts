import { expect, test } from '@playwright/test';
import { signIn, unique } from './support';

test('sales adds a supplier contact with the keyboard, finds it in the list and sees why and until when it is kept', async ({ page }) => {
  await signIn(page, 'sales');
  const organisation = unique('Grossisten AB');
  const lastName = unique('Lindqvist').replace(/\s+/g, '');

  await page.getByTestId('nav-partners').click();
  await expect(page.getByRole('heading', { name: 'Suppliers and partners', level: 1 })).toBeVisible();
  // The page says why and how long, in the stored policy's words.
  await expect(page.getByTestId('partners-policy')).toContainText('P9 Contact persons at suppliers and partners');
  await expect(page.getByTestId('partners-policy')).toContainText('24 months from the last contact');

  await page.getByTestId('partners-add').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('First name')).toBeFocused();
  await page.keyboard.type('Lena');
  await page.keyboard.press('Tab');
  await page.keyboard.type(lastName);
  await dialog.getByLabel('E-mail', { exact: true }).fill(`${lastName.toLowerCase()}@grossisten.se`);
  await dialog.getByTestId('partner-organisation').fill(organisation);
  await dialog.getByRole('combobox', { name: 'Kind' }).press('Enter');
  await page.getByRole('option', { name: 'Supplier' }).press('Enter');
  await dialog.getByTestId('partner-title').fill('Key account manager');
  await dialog.getByTestId('partner-title').press('Enter');
  await expect(page.getByText(`Lena ${lastName} is added.`)).toBeVisible();

  await page.getByTestId('partners-search').fill(organisation);
  const row = page.getByTestId('partner-row').filter({ hasText: organisation });
  await expect(row).toHaveCount(1);
  await expect(page.getByTestId('partner-row')).toHaveCount(1);
  await expect(row).toContainText(`Lena ${lastName}`);
  await expect(row).toContainText('Supplier');
  await expect(row.getByTestId('partner-purpose')).toHaveText('P9 Contact persons at suppliers and partners');
  await expect(row.getByTestId('legal-basis')).toHaveText('Legitimate interest');
  await expect(row.getByTestId('retain-until')).toContainText(twoYearsAhead());

  // A search that matches nothing says so.
  await page.getByTestId('partners-search').fill(`${organisation} nobody`);
  await expect(page.getByTestId('partners-empty')).toContainText('No contact matches.');
});

test('an admin sees the supplier and partner purpose in the public notice, in English and Swedish', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/privacy');
  const purpose = page.locator('[data-testid="notice-purpose"][data-code="P9"]');
  await expect(purpose).toContainText('Contact persons at suppliers and partners');
  await expect(purpose).toContainText('Legitimate interest');
  await expect(purpose.getByTestId('notice-retention')).toContainText('24 months from the last contact or the end of the business relationship');
  await page.getByRole('button', { name: 'SV' }).click();
  await expect(purpose).toContainText('Kontaktpersoner hos leverantörer och partner');
  await expect(purpose.getByTestId('notice-retention')).toContainText('24 månader');
});

/** The year two years from now (created today, kept 24 months from the last contact). */
function twoYearsAhead(): string {
  return String(new Date().getFullYear() + 2);
}
