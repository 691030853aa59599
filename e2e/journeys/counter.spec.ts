import { expect, test } from '@playwright/test';
import { signIn, unique } from './support';

test('a technician takes a device in at the counter, prints the receipt and logs troubleshooting on a ticket', async ({ page }) => {
  await signIn(page, 'technician');
  const model = unique('ThinkPad T14');

  await page.getByRole('link', { name: 'Check-ins' }).click();
  await expect(page.getByRole('heading', { name: 'Check-ins' })).toBeVisible();
  await page.getByRole('link', { name: 'New check-in' }).first().click();

  // On behalf of a company without a data processing agreement: the counter is warned.
  await page.getByRole('combobox', { name: 'Customer' }).fill('Hamnkontoret');
  await page.getByRole('option', { name: /Hamnkontoret Logistik AB/ }).click();
  await expect(page.getByTestId('dpa-warning')).toContainText('No data processing agreement');

  // Handed in by someone not registered yet.
  await page.getByRole('radio', { name: 'A new person' }).check();
  await page.getByLabel('First name').fill('Nils');
  await page.getByLabel('Last name').fill('Bud');
  await page.getByLabel('Phone').fill('070-123 45 67');

  await page.getByLabel('Make').fill('Lenovo');
  await page.getByLabel('Model').fill(model);
  await page.getByLabel('Reported fault').fill('Startar inte efter uppdatering, blå skärm.');
  await page.getByLabel('Accessories').fill('Laddare');
  await page.getByLabel(/Device password/).fill('hemligt-123');
  await page.getByRole('button', { name: 'Check the device in' }).click();

  await expect(page.getByTestId('checkin-title')).toContainText(model);
  await expect(page.getByTestId('checkin-status')).toHaveText('Received');
  await expect(page.getByTestId('dpa-warning')).toBeVisible();
  await expect(page.getByText('Nils Bud')).toBeVisible();

  // The receipt to print.
  const receiptHref = await page.getByTestId('receipt-pdf').getAttribute('href');
  expect(receiptHref).toMatch(/\/receipt\.pdf$/);
  const receipt = await page.request.get(receiptHref ?? '');
  expect(receipt.status()).toBe(200);
  expect(receipt.headers()['content-type']).toContain('application/pdf');
  expect((await receipt.body()).subarray(0, 5).toString()).toBe('%PDF-');

  // The technician who took the device on may see its password, for a while.
  await page.getByTestId('reveal-password').click();
  await expect(page.getByTestId('device-password')).toHaveText('hemligt-123');
  await page.getByTestId('reveal-password').click();
  await expect(page.getByTestId('device-password')).toHaveCount(0);

  // A ticket for the device, with the fault filled in.
  await page.getByTestId('open-ticket').click();
  await expect(page).toHaveURL(/\/tickets\/new\?/);
  await expect(page.getByTestId('for-checkin')).toContainText(model);
  await expect(page.getByRole('combobox', { name: 'Customer' })).toHaveValue(/Hamnkontoret Logistik AB/);
  await expect(page.getByLabel('Subject')).toHaveValue(new RegExp(model));
  await page.getByRole('button', { name: 'Create ticket' }).click();

  await expect(page.getByTestId('ticket-title')).toContainText(model);
  await expect(page.getByTestId('ticket-checkin')).toContainText(model);

  // Troubleshooting is an internal note; Ctrl+Enter posts it.
  const note = 'Minnestest OK, SSD visar SMART-fel. Beställer ny disk.';
  await page.getByTestId('entry-body').fill(note);
  await page.getByTestId('entry-body').press('Control+Enter');
  const entry = page.getByTestId('timeline-entry').filter({ hasText: note });
  await expect(entry).toBeVisible();
  await expect(entry).toContainText('Internal note');
  await expect(entry).toContainText('Tove Tekniker');

  // Time spent: once posted, the emptied minutes field is not flagged as missing.
  await expect(page.getByTestId('sla-clock')).toHaveText(/On time|Due soon|Overdue/);
  await page.getByTestId('kind-time').click();
  await page.getByLabel('Minutes').fill('25');
  await page.getByRole('button', { name: 'Post' }).click();
  await expect(page.getByTestId('total-time')).toContainText('25');
  await expect(page.getByLabel('Minutes')).toHaveValue('');
  await expect(page.getByText('This field is required')).toHaveCount(0);

  // Waiting for the customer: the SLA clock stands still and says since when.
  await page.getByTestId('ticket-status').click();
  await page.getByRole('option', { name: 'Waiting for customer' }).click();
  await expect(page.getByTestId('sla-clock')).toHaveText(/^Paused — waiting for the customer since \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  await expect(page.getByTestId('ticket-due')).not.toContainText('Overdue');
  const ticketUrl = page.url();

  // The check-in lists the ticket.
  await page.getByTestId('ticket-checkin').click();
  await expect(page.getByTestId('checkin-tickets')).toContainText(model);

  // Enter in the ticket search opens the only hit.
  await page.goto('/tickets?view=all');
  await page.getByTestId('ticket-search').fill(model);
  await page.getByTestId('ticket-search').press('Enter');
  await expect(page).toHaveURL(ticketUrl);
  await expect(page.getByTestId('ticket-title')).toContainText(model);
});
