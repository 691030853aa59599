import { expect, test } from '@playwright/test';
import { signIn, unique } from './support';

test('sales creates a company with a contact person and an agreement, and "kept until" follows the agreement', async ({ page }) => {
  await signIn(page, 'sales');
  const company = unique('Fjärdens Data AB');

  await page.getByRole('link', { name: 'New customer' }).or(page.getByRole('button', { name: 'New customer' })).first().click();
  await page.getByRole('radio', { name: 'Company' }).check();
  await page.getByLabel('Company name').fill(company);
  await page.getByLabel('E-mail').fill('info@fjardensdata.se');
  await page.getByLabel('City').fill('Umeå');
  await page.getByRole('button', { name: 'Create customer' }).click();

  await expect(page.getByRole('heading', { name: company })).toBeVisible();
  const customerBadge = page.getByTestId('customer-privacy');
  await expect(customerBadge.getByTestId('legal-basis')).toHaveText(/Contract/);

  // A contact person: legitimate interest.
  await page.getByRole('button', { name: 'Add contact person' }).click();
  const contactForm = page.getByTestId('contacts-section');
  await contactForm.getByLabel('First name').fill('Karin');
  await contactForm.getByLabel('Last name').fill('Kontaktsson');
  await contactForm.getByLabel('E-mail').fill('karin@fjardensdata.se');
  await contactForm.getByLabel('Title').fill('IT-ansvarig');
  await contactForm.getByRole('button', { name: 'Add', exact: true }).click();
  const contactRow = page.getByTestId('contact-row').filter({ hasText: 'Karin Kontaktsson' });
  await expect(contactRow).toBeVisible();
  await expect(contactRow.getByTestId('legal-basis')).toHaveText(/Legitimate interest/);

  // An open-ended agreement: nobody's clock has started.
  await page.getByRole('button', { name: 'Add agreement' }).click();
  const agreementForm = page.getByTestId('agreements-section');
  await agreementForm.getByLabel('Agreement name').fill('Serviceavtal');
  await agreementForm.getByLabel('Start date').fill('2025-01-01');
  await agreementForm.getByRole('button', { name: 'Add', exact: true }).click();
  const agreementRow = page.getByTestId('agreement-row').filter({ hasText: 'Serviceavtal' });
  await expect(agreementRow).toBeVisible();
  await expect(agreementRow.getByTestId('legal-basis')).toHaveText(/Legal obligation/);
  await expect(customerBadge).toContainText('Kept while the agreement runs');
  await expect(contactRow).toContainText('Kept while the agreement runs');

  // The agreement gets an end date: the relationship is kept 5 years after, the contact person until the end.
  await agreementRow.getByRole('button', { name: 'Edit' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('End date').fill('2026-06-30');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  await expect(customerBadge.getByTestId('retain-until')).toContainText('2031-06-30');
  await expect(contactRow.getByTestId('retain-until')).toContainText('2026-06-30');
  await expect(agreementRow.getByTestId('retain-until')).toContainText('2033-12-31');

  // The list finds the new customer and shows its deadline too.
  await page.getByRole('link', { name: 'Back to customers' }).click();
  await page.getByLabel('Search customers').fill(company);
  const listRow = page.getByTestId('customers-table').getByRole('row').filter({ hasText: company });
  await expect(listRow.getByTestId('retain-until')).toContainText('2031-06-30');
});

test('server validation messages appear under the fields and nothing typed is lost', async ({ page }) => {
  await signIn(page, 'sales');
  await page.goto('/customers/new');
  await page.getByRole('radio', { name: 'Person' }).check();
  await page.getByLabel('First name').fill('Tolvan');
  await page.getByLabel('Last name').fill('Felnummer');
  await page.getByLabel(/Personnummer/).fill('19121212-1213');
  await page.getByRole('button', { name: 'Create customer' }).click();

  await expect(page.getByText(/Not a valid personnummer/)).toBeVisible();
  await expect(page.getByLabel('Last name')).toHaveValue('Felnummer');
  await expect(page).toHaveURL(/\/customers\/new/);
});
