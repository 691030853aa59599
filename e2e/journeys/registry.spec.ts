import { expect, test } from '@playwright/test';
import { callApi, signIn, unique } from './support';

test('sales meets a person already registered and uses him; an admin saves a policy and every record it governs follows', async ({ page }) => {
  await signIn(page, 'admin');
  const lastName = unique('Registersson').replace(/\s+/g, '');
  const email = `${lastName.toLowerCase()}@example.se`;
  const customer = await callApi<{ id: string; person: { id: string } }>(page, 'POST', '/api/customers', { type: 'person', person: { firstName: 'Rolf', lastName, email } });
  expect(customer.status).toBe(201);

  // The same address, typed in capitals, is the same person: the form says so and offers him.
  await page.goto('/marketing');
  await page.getByRole('button', { name: 'Add contact' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('First name').fill('Rolf');
  await dialog.getByLabel('Last name').fill(lastName);
  await dialog.getByLabel('E-mail', { exact: true }).fill(email.toUpperCase());
  await dialog.getByRole('combobox', { name: 'Source' }).press('Enter');
  await page.getByRole('option', { name: 'Customer event' }).click();
  await dialog.getByTestId('marketing-add-save').click();
  await expect(dialog.getByText(`Already registered: Rolf ${lastName} (${email})`)).toBeVisible();
  await dialog.getByRole('button', { name: `Use Rolf ${lastName}` }).click();
  await expect(page.getByText(`Rolf ${lastName} is added.`)).toBeVisible();

  // One person, two roles.
  const found = await callApi<{ people: Array<{ person: { id: string }; records: Array<{ recordType: string }> }> }>(page, 'GET', `/api/people?q=${encodeURIComponent(email)}`);
  expect(found.body.people).toHaveLength(1);
  expect(found.body.people[0].records.map((record) => record.recordType).sort()).toEqual(['customer', 'marketing_contact']);

  // P5 shortened: the preview counts the marketing contacts it moves, and saving moves them.
  const policies = await callApi<Array<{ code: string; rule: { months: number } }>>(page, 'GET', '/api/policies');
  expect(policies.body.find((policy) => policy.code === 'P5')?.rule.months).toBe(24);
  await page.goto('/admin/policies');
  await page.locator('tr', { hasText: 'P5' }).getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog');
  await edit.locator('input[type=number]').first().fill('6');
  await edit.getByRole('button', { name: 'Preview' }).click();
  await expect(edit.getByText(/would get a new deadline: [1-9]/)).toBeVisible();
  await edit.getByRole('button', { name: 'Save' }).click();
  // The recomputation runs in the worker, with progress, over every record P5 governs.
  await expect(edit.getByText('completed')).toBeVisible({ timeout: 20_000 });
  await edit.getByRole('button', { name: 'Close' }).click();
  await expect
    .poll(async () => {
      const again = await callApi<{ people: Array<{ records: Array<{ recordType: string; privacy: { retainUntil: string | null } }> }> }>(page, 'GET', `/api/people?q=${encodeURIComponent(email)}`);
      return again.body.people[0].records.find((record) => record.recordType === 'marketing_contact')?.privacy.retainUntil;
    }, { timeout: 20_000 })
    .toMatch(new RegExp(`^${sixMonthsAhead()}`));

  // Put the policy back as the notice says it.
  await page.locator('tr', { hasText: 'P5' }).getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('dialog').locator('input[type=number]').first().fill('24');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('dialog').getByText('completed')).toBeVisible({ timeout: 20_000 });
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
});

/** The year and month six months from now, `YYYY-MM` (received today + 6 months). */
function sixMonthsAhead(): string {
  const now = new Date();
  const then = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 6, 1));
  return `${then.getUTCFullYear()}-${String(then.getUTCMonth() + 1).padStart(2, '0')}`;
}
