import { expect, Page } from '@playwright/test';

export const DEMO = {
  admin: { email: 'admin@privdesk.local', password: 'privdesk-admin-demo' },
  technician: { email: 'tekniker@privdesk.local', password: 'privdesk-tech-demo' },
  sales: { email: 'saljare@privdesk.local', password: 'privdesk-sales-demo' },
} as const;

/** Signs in through the form, in English (the app remembers the language choice). */
export async function signIn(page: Page, who: keyof typeof DEMO): Promise<void> {
  await page.addInitScript(() => window.localStorage.setItem('privdesk.language', 'en'));
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(DEMO[who].email);
  await page.getByLabel('Password').fill(DEMO[who].password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/customers/);
}

/** A name no earlier run used, so journeys can run against the same database twice. */
export const unique = (name: string) => `${name} ${Date.now().toString(36)}`;

/** A JSON call from the signed-in page, with the CSRF token the app itself would send. */
export async function callApi<T>(page: Page, method: string, url: string, body?: unknown): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const token = document.cookie
        .split('; ')
        .find((cookie) => cookie.startsWith('XSRF-TOKEN='))
        ?.split('=')[1];
      const response = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', 'x-xsrf-token': decodeURIComponent(token ?? '') },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    { method, url, body },
  );
}
