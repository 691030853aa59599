import { expect, test } from '@playwright/test';
import { callApi, signIn, unique } from './support';

/** A scanned page: a minimal PDF, as a scanner's would begin. */
const SCAN = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

test('an admin registers a paper application with a drug test that only a recruiting admin may open', async ({ page }) => {
  await signIn(page, 'admin');
  const lastName = unique('Papper');
  await page.goto('/admin/applicants');
  await page.getByTestId('applicant-register').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('register-firstName').fill('Petra');
  await dialog.getByTestId('register-lastName').fill(lastName);
  await dialog.getByTestId('register-position').fill('Servicetekniker');
  await dialog.getByTestId('register-consentText').fill('Underskriven samtyckesblankett, inskannad');
  await dialog.getByTestId('register-files').setInputFiles([
    { name: 'cv.pdf', mimeType: 'application/pdf', buffer: SCAN },
    { name: 'drogtest.pdf', mimeType: 'application/pdf', buffer: SCAN },
  ]);
  await expect(dialog.getByTestId('register-document')).toHaveCount(2);
  if (process.env['SHOTS']) await page.screenshot({ path: 'dist/e2e/register-dialog.png' });
  await dialog.getByTestId('register-sensitivity').nth(1).click();
  await page.getByRole('option', { name: 'Drug-test result' }).click();
  await dialog.getByTestId('register-save').click();

  // The detail: where it came from, who registered it; the demo admin recruits, so both documents open.
  await expect(page.getByRole('heading', { name: `Petra ${lastName}` })).toBeVisible();
  await expect(page.getByTestId('applicant-source')).toHaveText('Paper');
  await expect(page.getByTestId('applicant-consent')).toContainText('Underskriven samtyckesblankett');
  const drugTest = page.locator('[data-testid="applicant-document"][data-sensitivity="drug_test"]');
  await expect(drugTest.getByRole('link', { name: 'drogtest.pdf' })).toBeVisible();
  const applicantId = page.url().split('/').pop() as string;

  // Another admin, not recruiting, sees that the document exists, but neither its name nor its content.
  const email = `admin.${Date.now().toString(36)}@privdesk.local`;
  expect((await callApi(page, 'POST', '/api/users', { email, name: 'Ingen Rekryterare', role: 'admin', password: 'a long enough password' })).status).toBe(201);
  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill('a long enough password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Signed in only once the app has moved on; going elsewhere sooner would cancel the sign-in.
  await expect(page).toHaveURL(/\/customers/);
  await page.goto(`/admin/applicants/${applicantId}`);
  await expect(drugTest.getByTestId('applicant-document-restricted')).toBeVisible();
  await expect(drugTest.getByRole('link')).toHaveCount(0);
  if (process.env['SHOTS']) await page.screenshot({ path: 'dist/e2e/applicant-restricted.png', fullPage: true });
  await expect(page.locator('[data-testid="applicant-document"][data-sensitivity="none"]').getByRole('link', { name: 'cv.pdf' })).toBeVisible();
});

test('the mailing preview says why a former customer’s contact person gets the mailing: the customer-relationship policy’s window', async ({ page }) => {
  await signIn(page, 'admin');
  const company = unique('Före Detta');
  const created = await callApi<{ id: string }>(page, 'POST', '/api/customers', { type: 'organisation', organisation: { name: `${company} AB` } });
  expect(created.status).toBe(201);
  const lastName = unique('Kontakt');
  expect(
    (await callApi(page, 'POST', `/api/customers/${created.body.id}/contacts`, { person: { firstName: 'Tove', lastName, email: `tove.${Date.now().toString(36)}@foredetta.se` } })).status,
  ).toBe(201);
  expect((await callApi(page, 'POST', `/api/customers/${created.body.id}/agreements`, { title: 'Serviceavtal', startDate: '2021-01-01', endDate: '2024-06-30' })).status).toBe(201);
  const keptUntil = (await callApi<{ privacy: { retainUntil: string } }>(page, 'GET', `/api/customers/${created.body.id}`)).body.privacy.retainUntil;

  await page.goto('/marketing');
  await page.getByRole('button', { name: 'New mailing' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Subject').fill('Vinternyheter');
  await dialog.getByLabel('Message').fill('Nya tjänster för ert kontor.');
  await dialog.getByRole('button', { name: 'Show recipients' }).click();
  const row = dialog.getByTestId('mailing-decision').filter({ hasText: `Tove ${lastName}` });
  await expect(row).toHaveAttribute('data-ground', 'former_customer');
  await expect(row).toContainText('Customer’s contact person');
  await expect(row).toContainText(`until ${keptUntil}`);
  await expect(row).toContainText('(P3)');
  if (process.env['SHOTS']) await page.screenshot({ path: 'dist/e2e/mailing-preview.png' });
});
