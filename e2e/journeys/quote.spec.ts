import { expect, test } from '@playwright/test';
import { signIn, unique } from './support';

test('a salesperson writes a quote with two lines, sees the totals and downloads the PDF', async ({ page }) => {
  await signIn(page, 'sales');
  const title = unique('Nya datorer till kontoret');

  await page.getByRole('link', { name: 'Quotes' }).click();
  await expect(page.getByTestId('pipeline')).toBeVisible();
  await page.getByRole('link', { name: 'New quote' }).first().click();

  await page.getByRole('combobox', { name: 'Customer' }).fill('Norrsken');
  await page.getByRole('option', { name: /Norrsken Bygg AB/ }).click();
  await expect(page.getByRole('combobox', { name: 'Addressed to' })).not.toHaveText('');
  await page.getByLabel('Title').fill(title);

  // Line 1: two laptops at 9 999,50 kr with 10 % discount.
  await page.getByLabel('Kind, line 1').click();
  await page.getByRole('option', { name: 'Item' }).click();
  await page.getByLabel('Description, line 1').fill('Bärbar dator 14"');
  await page.getByLabel('Quantity, line 1').fill('2');
  await page.getByLabel('Unit price, line 1').fill('9999.50');
  await page.getByLabel('Discount percent, line 1').fill('10');
  // Enter in the last field adds the next line.
  await page.getByLabel('VAT percent, line 1').press('Enter');

  // Line 2: three hours of installation at 850 kr.
  await page.getByLabel('Description, line 2').fill('Installation och flytt av data');
  await page.getByLabel('Quantity, line 2').fill('3');
  await page.getByLabel('Unit price, line 2').fill('850');

  // 17 999,10 + 2 550,00 = 20 549,10 net; VAT 4 499,78 + 637,50 = 5 137,28.
  await expect(page.getByTestId('total-net')).toHaveText('20\u00a0549,10\u00a0kr');
  await expect(page.getByTestId('total-vat')).toHaveText('5\u00a0137,28\u00a0kr');
  await expect(page.getByTestId('total')).toHaveText('25\u00a0686,38\u00a0kr');

  await page.getByRole('button', { name: 'Create quote' }).click();
  await expect(page.getByTestId('quote-title')).toContainText(title);
  await expect(page.getByTestId('quote-status')).toHaveText('Open');
  // The server's arithmetic agrees with what the editor showed.
  await expect(page.getByTestId('total')).toHaveText('25\u00a0686,38\u00a0kr');

  const pdfHref = await page.getByTestId('quote-pdf').getAttribute('href');
  const pdf = await page.request.get(pdfHref ?? '');
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

  // The list finds it.
  await page.getByRole('link', { name: 'Back to quotes' }).click();
  await page.getByLabel('Search quotes').fill(title);
  await expect(page.getByTestId('quote-row').filter({ hasText: title })).toContainText('25\u00a0686,38\u00a0kr');
});
