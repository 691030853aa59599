import { expect, test } from '@playwright/test';
import { signIn } from './support';

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
