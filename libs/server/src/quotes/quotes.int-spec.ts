import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { addCalendarDays, addCalendarMonths, stockholmDate } from '@privdesk/domain';
import { pdfText } from '../../test/pdf-text';
import { dataSourceOf, startTestApp, TestClient } from '../../test/test-app';
import { companyWithContact } from '../../test/work-fixtures';
import { QuotesService } from './quotes.service';

const TWO_LINES = [
  { kind: 'item', description: 'Laptop Lenovo ThinkPad T14', quantity: 1, unitPrice: 12990 },
  { kind: 'service', description: 'Installation och flytt av data', quantity: 2.5, unitPrice: 950, discountPercent: 5 },
];

describe('quotes: lines, totals, PDF, winning, expiry and who sees prices (API)', () => {
  let app: NestFastifyApplication;
  let sales: TestClient;
  let technician: TestClient;
  let admin: TestClient;
  const today = stockholmDate(new Date());

  beforeAll(async () => {
    app = await startTestApp();
    [sales, technician, admin] = await Promise.all([TestClient.signedIn(app, 'sales'), TestClient.signedIn(app, 'technician'), TestClient.signedIn(app, 'admin')]);
  });

  afterAll(async () => {
    await app.close();
  });

  it('writes a quote with two lines to a prospect, totals it in SEK and renders the PDF', async () => {
    const quote = await sales.post('/api/quotes', {
      holder: { firstName: 'Petra', lastName: 'Prospekt', email: 'petra@prospekt.se' },
      title: 'Ny arbetsplats',
      validUntil: addCalendarDays(today, 30),
      lines: TWO_LINES,
    });
    expect(quote.status).toBe(201);
    expect(quote.body).toMatchObject({
      status: 'open',
      customerId: null,
      holderName: 'Petra Prospekt',
      issuedOn: today,
      total: 19057.81,
      totals: { net: 15246.25, vat: 3811.56, total: 19057.81 },
      pricesHidden: false,
      holderSuppressed: false,
      privacy: { purpose: 'P2', legalBasis: 'legitimate_interest', retainUntil: addCalendarMonths(today, 24) },
    });
    expect(quote.body.lines[1]).toMatchObject({ quantity: 2.5, unitPrice: 950, discountPercent: 5, vatPercent: 25, net: 2256.25 });

    const pdf = await sales.get(`/api/quotes/${quote.body.id}/pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.raw);
    expect(text).toContain(`#${quote.body.quoteNumber}`);
    expect(text).toContain('Laptop Lenovo ThinkPad T14');
    expect(text).toContain('12 990,00 kr');
    expect(text).toContain('19 057,81 kr');
    expect(text).toContain(addCalendarDays(today, 30));

    // The holder is kept as long as the quote (P2).
    const [holder] = await dataSourceOf(app).query('SELECT retain_until::text, retention_rule FROM person WHERE id = $1', [quote.body.holderId]);
    expect(holder).toEqual({ retain_until: addCalendarMonths(today, 24), retention_rule: expect.stringContaining('quote holder') });
  });

  it('wins a prospect’s quote: the holder becomes a customer with an agreement, and the order is kept for bookkeeping (P7)', async () => {
    const quote = await sales.post('/api/quotes', {
      holder: { firstName: 'Vera', lastName: 'Vinnare', email: 'vera@vinnare.se' },
      title: 'Serviceavtal',
      validUntil: addCalendarDays(today, 14),
      lines: [{ kind: 'service', description: 'Support per månad', quantity: 12, unitPrice: 499 }],
    });
    const won = await sales.post(`/api/quotes/${quote.body.id}/win`, { agreement: { title: 'Supportavtal', startDate: today } });
    expect(won.status).toBe(201);
    expect(won.body).toMatchObject({ status: 'won', customerName: 'Vera Vinnare', privacy: { purpose: 'P7', legalBasis: 'legal_obligation', retainUntil: `${Number(today.slice(0, 4)) + 7}-12-31` } });
    const customer = await sales.get(`/api/customers/${won.body.customerId}`);
    expect(customer.body).toMatchObject({ type: 'person', person: { id: quote.body.holderId }, agreements: [{ title: 'Supportavtal', startDate: today }] });
    expect((await sales.post(`/api/quotes/${quote.body.id}/lose`, {})).status).toBe(409);
    expect((await sales.edit(`/api/quotes/${quote.body.id}`, { title: 'x' })).status).toBe(409);
  });

  it('loses a quote to a company contact and keeps it under P2', async () => {
    const { customerId, personId } = await companyWithContact(sales);
    const quote = await sales.post('/api/quotes', { customerId, holderId: personId, title: 'Skrivare', validUntil: addCalendarDays(today, 60), lines: TWO_LINES.slice(0, 1) });
    expect(quote.status).toBe(201);
    const lost = await sales.post(`/api/quotes/${quote.body.id}/lose`, { reason: 'För dyrt' });
    expect(lost.body).toMatchObject({ status: 'lost', lostReason: 'För dyrt', privacy: { purpose: 'P2' } });
    const stranger = await companyWithContact(sales);
    const wrongHolder = await sales.post('/api/quotes', { customerId, holderId: stranger.personId, title: 'x', validUntil: today, lines: TWO_LINES });
    expect(wrongHolder.status).toBe(400);
    expect(wrongHolder.body.fields.holderId).toBeDefined();
  });

  it('expires open quotes past their validity through the nightly job', async () => {
    const past = await sales.post('/api/quotes', { holder: { firstName: 'Ulf', lastName: 'Utgången' }, title: 'Gammal', issuedOn: '2026-01-10', validUntil: '2026-02-10', lines: TWO_LINES });
    const current = await sales.post('/api/quotes', { holder: { firstName: 'Gun', lastName: 'Giltig' }, title: 'Ny', validUntil: today, lines: TWO_LINES });
    expect(past.body.privacy.retainUntil).toBe('2028-01-10');
    await app.get(QuotesService).expireOverdue(today);
    expect((await sales.get(`/api/quotes/${past.body.id}`)).body.status).toBe('expired');
    expect((await sales.get(`/api/quotes/${current.body.id}`)).body.status).toBe('open');
  });

  it('renews an expired quote as an updated quote with the same lines', async () => {
    const old = await sales.post('/api/quotes', { holder: { firstName: 'Rut', lastName: 'Renew' }, title: 'Gammal offert', issuedOn: '2026-01-01', validUntil: '2026-01-31', lines: TWO_LINES });
    await app.get(QuotesService).expireOverdue(today);
    const renewed = await sales.post(`/api/quotes/${old.body.id}/renew`, { validUntil: addCalendarDays(today, 30) });
    expect(renewed.status).toBe(201);
    expect(renewed.body).toMatchObject({ status: 'open', issuedOn: today, holderId: old.body.holderId, title: 'Gammal offert', total: 19057.81 });
    expect(renewed.body.id).not.toBe(old.body.id);
    expect((await technician.post(`/api/quotes/${old.body.id}/renew`, { validUntil: today })).status).toBe(403);
  });

  it('hides prices from technicians until an admin allows them, and keeps quote writing to sales and admins', async () => {
    const quote = await sales.post('/api/quotes', { holder: { firstName: 'Tor', lastName: 'Teknik' }, title: 'Pris', validUntil: today, lines: TWO_LINES });
    const hidden = await technician.get(`/api/quotes/${quote.body.id}`);
    expect(hidden.body).toMatchObject({ pricesHidden: true, total: null, totals: null });
    expect(hidden.body.lines[0]).toMatchObject({ description: 'Laptop Lenovo ThinkPad T14', quantity: 1, unitPrice: null, net: null });
    expect((await technician.get('/api/quotes')).body.items.every((item: { total: number | null }) => item.total === null)).toBe(true);
    expect((await technician.get(`/api/quotes/${quote.body.id}/pdf`)).status).toBe(403);
    expect((await technician.post('/api/quotes', { holder: { firstName: 'a', lastName: 'b' }, title: 'x', validUntil: today, lines: TWO_LINES })).status).toBe(403);
    expect((await technician.put('/api/settings/quotes', { techniciansSeePrices: true })).status).toBe(403);

    expect((await admin.put('/api/settings/quotes', { techniciansSeePrices: true })).body).toEqual({ techniciansSeePrices: true });
    expect((await technician.get(`/api/quotes/${quote.body.id}`)).body).toMatchObject({ pricesHidden: false, total: 19057.81 });
    await admin.put('/api/settings/quotes', { techniciansSeePrices: false });
    expect((await technician.get(`/api/quotes/${quote.body.id}`)).body.pricesHidden).toBe(true);
  });

  it('shows the pipeline: open value by expiry, won and lost this month', async () => {
    const pipeline = await sales.get('/api/quotes/pipeline');
    expect(pipeline.status).toBe(200);
    expect(pipeline.body.open.count).toBeGreaterThan(0);
    expect(pipeline.body.openByExpiry.map((bucket: { bucket: string }) => bucket.bucket)).toEqual(['week', 'month', 'later']);
    expect(pipeline.body.wonThisMonth.count).toBeGreaterThanOrEqual(1);
    expect(pipeline.body.lostThisMonth.value).toBeGreaterThanOrEqual(12990 * 1.25);
    expect(pipeline.body.months).toHaveLength(6);
    expect(pipeline.body.months[5].month).toBe(today.slice(0, 7));
    expect((await technician.get('/api/quotes/pipeline')).status).toBe(403);
  });

  it('answers bad input with field messages', async () => {
    const bad = await sales.post('/api/quotes', {
      title: '',
      validUntil: '2026-02-30',
      lines: [{ kind: 'gift', description: '', quantity: 0, unitPrice: 1.005, discountPercent: 120 }],
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual([
      'lines.0.description',
      'lines.0.discountPercent',
      'lines.0.kind',
      'lines.0.quantity',
      'lines.0.unitPrice',
      'title',
      'validUntil',
    ]);
    expect((await sales.post('/api/quotes', { holder: { firstName: 'a', lastName: 'b' }, title: 'x', validUntil: today, lines: [] })).body.fields.lines).toBeDefined();
    const early = await sales.post('/api/quotes', { holder: { firstName: 'a', lastName: 'b' }, title: 'x', issuedOn: today, validUntil: addCalendarDays(today, -1), lines: TWO_LINES });
    expect(early.body.fields.validUntil).toBeDefined();
    expect((await sales.post('/api/quotes', { title: 'x', validUntil: today, lines: TWO_LINES })).body.fields.holder).toBeDefined();
    expect((await sales.get('/api/quotes/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
