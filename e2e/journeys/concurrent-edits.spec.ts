import { Browser, expect, Page, test } from '@playwright/test';
import { callApi, signIn, unique } from './support';

/** A second admin's screen: a browser context of its own, signed in. */
async function secondAdmin(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'admin');
  return page;
}

test('two admins edit the same customer: the second keeps his city, gets the first one’s phone, and saving again keeps both', async ({ page, browser }) => {
  await signIn(page, 'admin');
  const lastName = unique('Samtidig').replace(/\s+/g, '');
  const created = await callApi<{ id: string }>(page, 'POST', '/api/customers', {
    type: 'person',
    person: { firstName: 'Siv', lastName, phone: '070-100 00 00', city: 'Umeå' },
  });
  expect(created.status).toBe(201);
  const other = await secondAdmin(browser);
  try {
    // Both open the customer's form.
    for (const screen of [page, other]) {
      await screen.goto(`/customers/${created.body.id}`);
      await screen.getByRole('button', { name: 'Edit' }).click();
      await expect(screen.getByLabel('Phone')).toHaveValue('070-100 00 00');
    }

    // The first saves a new phone.
    await page.getByLabel('Phone').fill('070-222 22 22');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('The customer data has been saved.')).toBeVisible();

    // The second, from the form he opened before, changes the city and saves: refused, nothing lost.
    await other.getByLabel('City').fill('Luleå');
    await other.getByRole('button', { name: 'Save', exact: true }).click();
    const notice = other.getByTestId('stale-edit');
    await expect(notice).toBeVisible();
    await expect(notice).toHaveAttribute('role', 'alert');
    await expect(notice).toContainText('Someone else saved this record while you were editing');
    const phoneChange = notice.locator('[data-testid="stale-edit-change"][data-field="person.phone"]');
    await expect(phoneChange).toHaveText(/Phone: 070-222 22 22/);
    await expect(notice.getByTestId('stale-edit-change')).toHaveCount(1);
    await expect(notice.getByTestId('stale-edit-clash')).toHaveCount(0);
    await expect(other.getByLabel('Phone')).toHaveValue('070-222 22 22');
    await expect(other.getByLabel('City')).toHaveValue('Luleå');
    // The notice has the focus; the keyboard reaches "Save my changes again" next.
    await expect(notice).toBeFocused();
    await other.keyboard.press('Tab');
    await expect(other.getByRole('button', { name: 'Save my changes again' })).toBeFocused();

    // Nothing is saved until he says so.
    const before = await callApi<{ person: { phone: string; city: string } }>(other, 'GET', `/api/customers/${created.body.id}`);
    expect(before.body.person).toMatchObject({ phone: '070-222 22 22', city: 'Umeå' });

    await other.keyboard.press('Enter');
    await expect(other.getByText('The customer data has been saved.')).toBeVisible();
    await expect(notice).toHaveCount(0);
    const after = await callApi<{ person: { phone: string; city: string } }>(other, 'GET', `/api/customers/${created.body.id}`);
    expect(after.body.person).toMatchObject({ phone: '070-222 22 22', city: 'Luleå' });

    // The first one's page still shows the customer as he saved it: his next save hears of the city.
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Phone').fill('070-333 33 33');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByTestId('stale-edit').locator('[data-field="person.city"]')).toHaveText(/City: Luleå/);
    await expect(page.getByLabel('City')).toHaveValue('Luleå');
    await page.getByRole('button', { name: 'Save my changes again' }).click();
    await expect(page.getByTestId('stale-edit')).toHaveCount(0);
    await expect(page.getByText('The customer data has been saved.').last()).toBeVisible();
    const last = await callApi<{ person: { phone: string; city: string } }>(page, 'GET', `/api/customers/${created.body.id}`);
    expect(last.body.person).toMatchObject({ phone: '070-333 33 33', city: 'Luleå' });
  } finally {
    await other.context().close();
  }
});

test('a ticket changed in two tabs: the second tab’s choice is not applied, the page shows the ticket as stored and says so', async ({ page, browser }) => {
  await signIn(page, 'admin');
  const customer = await callApi<{ id: string }>(page, 'POST', '/api/customers', {
    type: 'person',
    person: { firstName: 'Tor', lastName: unique('Flikström').replace(/\s+/g, '') },
  });
  expect(customer.status).toBe(201);
  const subject = unique('Skrivaren matar två ark');
  const ticket = await callApi<{ id: string }>(page, 'POST', '/api/tickets', { customerId: customer.body.id, subject, description: 'Fastnar i facket.', priority: 'normal' });
  expect(ticket.status).toBe(201);
  const other = await secondAdmin(browser);
  try {
    for (const screen of [page, other]) {
      await screen.goto(`/tickets/${ticket.body.id}`);
      await expect(screen.getByTestId('ticket-priority')).toContainText('Normal');
    }

    // The first tab puts the ticket on hold.
    await page.getByTestId('ticket-status').click();
    await page.getByRole('option', { name: 'Waiting for customer' }).click();
    await expect(page.getByText('The ticket has been updated.')).toBeVisible();

    // The second tab, still showing the ticket as it was, raises the priority: not applied.
    await other.getByTestId('ticket-priority').click();
    await other.getByRole('option', { name: 'Urgent' }).click();
    await expect(other.getByText('Someone else had changed this record in the meantime. Your choice was not applied')).toBeVisible();
    await expect(other.getByTestId('ticket-priority')).toContainText('Normal');
    await expect(other.getByTestId('ticket-status')).toContainText('Waiting for customer');
    const stored = await callApi<{ priority: string; status: string }>(other, 'GET', `/api/tickets/${ticket.body.id}`);
    expect(stored.body).toMatchObject({ priority: 'normal', status: 'waiting' });

    // Choosing again works: it is based on the ticket now shown, and the first tab's change stays.
    await other.getByTestId('ticket-priority').click();
    await other.getByRole('option', { name: 'Urgent' }).click();
    await expect(other.getByText('The ticket has been updated.')).toBeVisible();
    await expect(other.getByTestId('ticket-priority')).toContainText('Urgent');
    const both = await callApi<{ priority: string; status: string }>(other, 'GET', `/api/tickets/${ticket.body.id}`);
    expect(both.body).toMatchObject({ priority: 'urgent', status: 'waiting' });
  } finally {
    await other.context().close();
  }
});
