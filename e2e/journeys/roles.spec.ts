import { expect, test } from '@playwright/test';
import { callApi, signIn } from './support';

test('a technician is refused the admin pages by the UI and by the API', async ({ page }) => {
  await signIn(page, 'technician');

  await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Audit log' })).toHaveCount(0);

  await page.goto('/admin/users');
  await expect(page.getByText(/do not have access/i)).toBeVisible();

  // The same browser session, straight at the API: 403, not a hidden 200.
  for (const url of ['/api/users', '/api/audit', '/api/retention/report']) {
    const response = await page.request.get(url);
    expect(response.status(), url).toBe(403);
    expect(await response.json()).toMatchObject({ statusCode: 403, error: 'Forbidden' });
  }
  // Customers are the technician's daily work.
  expect((await page.request.get('/api/customers')).status()).toBe(200);
});

test('an admin reaches the admin pages', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  await expect(page.getByText('tekniker@privdesk.local')).toBeVisible();
});

test('an admin opens on Saturdays with the keyboard, is told when closing comes before opening, and sees the holidays', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('link', { name: 'Settings' }).click();
  const hours = page.getByTestId('opening-hours');
  await expect(hours.getByRole('heading', { name: 'Opening hours' })).toBeVisible();
  await expect(hours.getByRole('checkbox', { name: 'Closed on Monday' })).not.toBeChecked();
  await expect(hours.getByLabel('Monday opens')).toHaveValue('08:00');
  await expect(hours.getByTestId('holidays').first()).toContainText('Midsummer Eve');

  // Saturday: open it with the space bar, type the times (a bare 10 becomes 10:00), closing first before opening.
  const closedSaturday = hours.getByRole('checkbox', { name: 'Closed on Saturday' });
  await expect(closedSaturday).toBeChecked();
  await expect(hours.getByLabel('Saturday opens')).toBeDisabled();
  await closedSaturday.focus();
  await page.keyboard.press('Space');
  await expect(closedSaturday).not.toBeChecked();
  await page.keyboard.press('Tab');
  await expect(hours.getByLabel('Saturday opens')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('10');
  await page.keyboard.press('Tab');
  await expect(hours.getByLabel('Saturday opens')).toHaveValue('10:00');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('09:00');
  await hours.getByRole('button', { name: 'Save' }).click();
  await expect(hours.getByText('The closing time must be after the opening time.')).toBeVisible();
  await expect(hours.getByLabel('Saturday closes')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('14:00');
  await page.keyboard.press('Enter');
  await expect(page.getByText('The opening hours have been saved.')).toBeVisible();

  await page.reload();
  await expect(hours.getByLabel('Saturday opens')).toHaveValue('10:00');
  await expect(hours.getByLabel('Saturday closes')).toHaveValue('14:00');
  const stored = await callApi<{ calendar: { week: Record<string, unknown> } }>(page, 'GET', '/api/settings/business-hours');
  expect(stored.body.calendar.week['6']).toEqual({ opens: '10:00', closes: '14:00' });

  // Closed on Saturdays again, as the other journeys expect.
  await hours.getByRole('checkbox', { name: 'Closed on Saturday' }).check();
  await hours.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('The opening hours have been saved.')).toBeVisible();
  expect((await callApi<{ calendar: { week: Record<string, unknown> } }>(page, 'GET', '/api/settings/business-hours')).body.calendar.week['6']).toBeNull();
});
