import { expect, test } from '@playwright/test';
import { callApi, signIn, unique } from './support';

test('a visitor sends a question through the contact form without signing in', async ({ page }) => {
  await page.addInitScript(() => window.localStorage.setItem('privdesk.language', 'en'));
  await page.goto('/login');
  await page.getByTestId('public-links').getByRole('link', { name: 'Contact us' }).click();
  await expect(page).toHaveURL(/\/contact$/);
  await expect(page.getByRole('heading', { name: 'Contact us' })).toBeVisible();

  // The notice's own row for the contact form says how long the question is kept.
  await expect(page.getByTestId('contact-privacy')).toContainText('12 months');
  await expect(page.getByTestId('contact-privacy')).toContainText('P8');
  // The honeypot is there for bots, out of reach for people.
  const honeypot = page.locator('input[name="website"]');
  await expect(honeypot).toHaveAttribute('tabindex', '-1');
  await expect(honeypot).toHaveAttribute('autocomplete', 'off');

  const name = unique('Vera Besökare');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('E-mail').fill(`vera.${Date.now().toString(36)}@example.se`);
  await page.getByLabel('Your question').fill('Hej! Säljer ni dockningsstationer till bärbara datorer?');
  await page.getByRole('button', { name: 'Send' }).click();

  await expect(page.getByTestId('contact-thanks')).toContainText('Thank you for your question');
});

test('an admin registers an access request, sees its deadline and downloads the export', async ({ page }) => {
  await signIn(page, 'admin');
  const lastName = unique('Åkesson');
  const created = await callApi<{ id: string }>(page, 'POST', '/api/customers', {
    type: 'person',
    person: { firstName: 'Greta', lastName, email: `greta.${Date.now().toString(36)}@example.se`, city: 'Luleå' },
  });
  expect(created.status).toBe(201);

  await page.getByRole('link', { name: 'Requests', exact: false }).first().click();
  await expect(page.getByRole('heading', { name: 'Data-subject requests' })).toBeVisible();
  await page.getByRole('link', { name: 'Register request' }).click();

  // The selects are worked with the keyboard (Enter opens them), as at the counter.
  await page.getByRole('combobox', { name: 'What the person asks for' }).press('Enter');
  await page.getByRole('option', { name: 'Access' }).click();
  await page.getByRole('combobox', { name: 'Came in by' }).press('Enter');
  await page.getByRole('option', { name: 'E-mail' }).click();
  await page.getByLabel('Received').fill('2026-03-15');

  // Find the person with the People search and link the request to him or her.
  await page.getByLabel('Find the person in Privdesk').fill(lastName);
  await page.getByRole('option', { name: new RegExp(`Greta ${lastName}`) }).click();
  await expect(page.getByTestId('request-person')).toContainText(`Greta ${lastName}`);
  await expect(page.getByLabel('Who asks')).toHaveValue(`Greta ${lastName}`);
  await page.getByLabel('Identity checked').check();
  await page.getByLabel('How the identity was checked').fill('BankID');
  await page.getByRole('button', { name: 'Register', exact: true }).click();

  // One month from receipt (GDPR Art. 12(3)).
  await expect(page.getByTestId('request-heading')).toContainText('Access');
  await expect(page.getByTestId('request-due-on')).toHaveText('2026-04-15');
  await expect(page.getByTestId('request-person')).toContainText(`Greta ${lastName}`);

  // The export, as the file the button downloads and as the PDF letter.
  const download = page.waitForEvent('download');
  await page.getByTestId('request-export').click();
  expect((await download).suggestedFilename()).toMatch(/\.json$/);
  for (const [testId, type] of [
    ['request-export', 'application/json'],
    ['request-export-pdf', 'application/pdf'],
  ] as const) {
    const href = await page.getByTestId(testId).getAttribute('href');
    const response = await page.request.get(href ?? '');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain(type);
  }

  // The register lists it, with the same deadline.
  await page.getByRole('link', { name: '← Data-subject requests' }).click();
  await page.getByLabel('Search requests').fill(lastName);
  const row = page.getByTestId('request-row').filter({ hasText: `Greta ${lastName}` });
  await expect(row.getByTestId('request-due')).toContainText('2026-04-15');
});

test('the public privacy notice shows the policy table and follows an edited retention period', async ({ page, browser }) => {
  const visitor = await browser.newPage();
  await visitor.addInitScript(() => window.localStorage.setItem('privdesk.language', 'en'));
  await visitor.goto('/privacy');
  await expect(visitor.getByRole('heading', { name: 'Privacy notice', level: 1 })).toBeVisible();
  const purposes = visitor.getByTestId('notice-purpose');
  await expect(purposes.first()).toBeVisible();
  for (const code of ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7']) await expect(visitor.locator(`[data-code="${code}"]`)).toBeVisible();
  const marketing = visitor.locator('[data-testid="notice-purpose"][data-code="P5"]');
  await expect(marketing.getByTestId('notice-retention')).toContainText('24 months');

  await signIn(page, 'admin');
  try {
    await page.goto('/admin/policies');
    await page.getByTestId('policy-row').filter({ hasText: 'P5' }).getByTestId('policy-edit').click();
    await page.getByTestId('policy-rule-months').fill('18');
    await page.getByTestId('policy-save').click();
    await expect(page.getByTestId('policy-saved')).toBeVisible();
    await page.getByTestId('policy-close').click();

    await visitor.reload();
    await expect(marketing.getByTestId('notice-retention')).toContainText('18 months');
    // The Swedish notice says the same.
    await visitor.getByRole('button', { name: 'SV' }).click();
    await expect(marketing.getByTestId('notice-retention')).toContainText('18 månader');
  } finally {
    // Other journeys expect the default period (an edit names the version it is based on).
    const policies = await callApi<Array<{ code: string; version: number }>>(page, 'GET', '/api/policies');
    const version = policies.body.find((policy) => policy.code === 'P5')?.version;
    const restored = await callApi(page, 'PATCH', '/api/policies/P5', { rule: { kind: 'months-from-event', months: 24 }, version });
    expect(restored.status).toBe(200);
    await visitor.close();
  }
});
