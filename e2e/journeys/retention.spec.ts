import { expect, test } from '@playwright/test';
import { signIn } from './support';

test('an admin opens the retention report, starts a cull after seeing what it takes, sees it finish and downloads its certificate', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('link', { name: 'Retention' }).first().click();
  await expect(page.getByTestId('retention-tile-missing-basis')).toContainText('0');

  await page.getByTestId('run-cull').click();
  // It asks first, with the preview's counts for the day.
  await expect(page.getByTestId('run-cull-confirm')).toContainText(/records|take nothing/);
  await page.getByTestId('confirm-run-cull').click();
  const newest = page.getByTestId('task-row').first();
  await expect(newest).toHaveAttribute('data-status', 'completed', { timeout: 30_000 });

  await newest.getByTestId('task-certificate').click();
  await expect(page).toHaveURL(/\/admin\/retention\/certificates/);
  const certificate = page.getByTestId('certificate-row').first();
  await expect(certificate).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('certificate-pdf').first().click()]);
  expect(download.suggestedFilename()).toMatch(/^deletion-certificate-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.pdf$/);
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
});
