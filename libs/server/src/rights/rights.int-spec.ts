import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { addCalendarDays, addCalendarMonths, stockholmDate } from '@privdesk/domain';
import { createHash } from 'node:crypto';
import { multipart } from '../../test/multipart';
import { pdfText } from '../../test/pdf-text';
import { dataSourceOf, startTestApp, TestClient } from '../../test/test-app';
import { SubjectRequestsService } from '../requests/subject-requests.service';

/** One person in every role: find, export, erase — with the law's exceptions. */
describe('data-subject rights across every record type (API)', () => {
  let app: NestFastifyApplication;
  let admin: TestClient;
  let sales: TestClient;
  let technician: TestClient;
  const today = stockholmDate(new Date());
  const EMAIL = 'maja.many@exempel.se';
  const cv = Buffer.from('%PDF-1.4 Maja Many CV');

  const apply = (fields: Record<string, string>, files = [{ field: 'documents', filename: 'cv.pdf', contentType: 'application/pdf', content: cv }]) => {
    const { body, contentType } = multipart(fields, files);
    return app.inject({ method: 'POST', url: '/api/public/applications', payload: body, headers: { 'content-type': contentType } });
  };

  beforeAll(async () => {
    app = await startTestApp({ DEVICE_PASSWORD_KEY: 'device-password-key-for-the-tests-0123456789' });
    [admin, sales, technician] = await Promise.all([TestClient.signedIn(app, 'admin'), TestClient.signedIn(app, 'sales'), TestClient.signedIn(app, 'technician')]);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('finds the person as contact, device submitter, quote holder, marketing contact and applicant; exports every record; erases what may go and keeps the order with its reason', async () => {
    // Contact person at a company whose agreement has ended.
    const company = (await sales.post('/api/customers', { type: 'organisation', organisation: { name: 'Många Roller AB', dpaSignedOn: '2025-01-01' } })).body;
    await sales.post(`/api/customers/${company.id}/agreements`, { title: 'Avtal 2024', startDate: '2024-01-01', endDate: '2025-12-31' });
    const contact = (await sales.post(`/api/customers/${company.id}/contacts`, { person: { firstName: 'Maja', lastName: 'Many', email: EMAIL, phone: '070-555 12 34' } })).body;
    const personId = contact.person.id;
    // Device submitter (returned), quote holder (won: an order), marketing contact, applicant.
    const checkin = (await technician.post('/api/checkins', { customerId: company.id, handedInById: personId, deviceType: 'laptop', make: 'HP', model: 'EliteBook', reportedFault: 'Maja Many säger att den inte startar' })).body;
    await technician.post(`/api/checkins/${checkin.id}/return`, { pickedUpBy: 'Maja Many' });
    const quote = (await sales.post('/api/quotes', { customerId: company.id, holderId: personId, title: 'Skärmar', validUntil: addCalendarDays(today, 30), lines: [{ kind: 'item', description: 'Skärm', quantity: 2, unitPrice: 2490 }] })).body;
    await sales.post(`/api/quotes/${quote.id}/win`, {});
    const ticket = (await technician.post('/api/tickets', { customerId: company.id, requesterId: personId, subject: 'Maja Many når inte VPN', description: 'Ring 070-555 12 34', priority: 'low' })).body;
    const lost = (await sales.post('/api/quotes', { customerId: company.id, holderId: personId, title: 'Tangentbord', validUntil: addCalendarDays(today, 30), lines: [{ kind: 'item', description: 'Tangentbord', quantity: 1, unitPrice: 499 }] })).body;
    const marketing = await sales.post('/api/marketing/contacts', { personId, audience: 'business', companyName: 'Många Roller AB', source: 'event', receivedOn: '2026-09-10', consent: false });
    expect(marketing.status).toBe(201);
    expect(marketing.body.privacy).toMatchObject({ purpose: 'P5', legalBasis: 'legitimate_interest', retainUntil: '2028-09-10' });
    const application = await apply({ firstName: 'Maja', lastName: 'Many', email: EMAIL.toUpperCase(), position: 'Servicetekniker', consent: 'true', language: 'sv' });
    expect(application.statusCode).toBe(202);

    const found = await admin.get(`/api/people?q=${encodeURIComponent(EMAIL)}`);
    expect(found.body.people).toHaveLength(1);
    const types = found.body.people[0].records.map((record: { recordType: string }) => record.recordType).sort();
    expect(types).toEqual(['applicant', 'contact_person', 'device_checkin', 'marketing_contact', 'quote', 'quote', 'ticket']);

    const exported = (await admin.get(`/api/people/${personId}/export`)).body;
    const byType = (type: string) => exported.records.filter((record: { recordType: string }) => record.recordType === type);
    expect(byType('applicant')[0]).toMatchObject({ privacy: { purpose: 'P1', legalBasis: 'consent', retainUntil: addCalendarMonths(today, 24) }, legalBasisName: { sv: 'Samtycke', en: 'Consent' } });
    expect(byType('device_checkin')[0].privacy).toMatchObject({ purpose: 'P6', legalBasis: 'legitimate_interest' });
    expect(byType('quote').map((record: { privacy: { purpose: string } }) => record.privacy.purpose).sort()).toEqual(['P2', 'P7']);
    expect(byType('marketing_contact')[0].recipients.map((r: { name: string }) => r.name)).toEqual(expect.arrayContaining(['Reklambyrå (utskick)', 'Tryckeri']));
    for (const record of exported.records) expect(record.source.sv.length).toBeGreaterThan(0);
    const pdf = await admin.get(`/api/people/${personId}/export.pdf`);
    const text = await pdfText(pdf.raw);
    expect(text).toContain('Maja Many');
    expect(text).toContain('Samtycke');
    expect(text).toContain('IMY');

    // The register: an erasure request, due in a month.
    const request = (await admin.post('/api/subject-requests', { kind: 'erasure', channel: 'email', receivedOn: today, personId, requesterName: 'Maja Many', requesterContact: EMAIL, identityChecked: true, identityMethod: 'BankID' })).body;
    expect(request).toMatchObject({ status: 'open', dueOn: addCalendarMonths(today, 1), effectiveDueOn: addCalendarMonths(today, 1), overdue: false });

    const proposal = (await admin.get(`/api/people/${personId}/erasure-proposal`)).body;
    const outcome = (type: string, id?: string) => proposal.items.find((item: { recordType: string; id: string }) => item.recordType === type && (!id || item.id === id))?.outcome;
    expect(outcome('contact_person')).toBe('erase');
    expect(outcome('device_checkin')).toBe('erase');
    expect(outcome('marketing_contact')).toBe('erase');
    expect(outcome('applicant')).toBe('erase');
    expect(outcome('quote', lost.id)).toBe('erase');
    expect(outcome('quote', quote.id)).toBe('anonymise');
    expect(outcome('ticket')).toBe('anonymise');
    expect(proposal.items.find((item: { id: string }) => item.id === quote.id).reason.en).toContain('Bookkeeping law');

    const result = (await admin.post(`/api/people/${personId}/erase`, { requestId: request.id })).body;
    expect(result.kept.map((item: { recordType: string }) => item.recordType).sort()).toEqual(['quote', 'subject_request', 'ticket']);
    expect(result.letter.sv).toContain('Bokföringslagen');

    const sql = (query: string, params: unknown[]) => dataSourceOf(app).query(query, params);
    expect(await sql('SELECT 1 FROM contact_person WHERE id = $1', [contact.id])).toEqual([]);
    expect(await sql('SELECT 1 FROM device_checkin WHERE id = $1', [checkin.id])).toEqual([]);
    expect(await sql('SELECT 1 FROM marketing_contact WHERE person_id = $1', [personId])).toEqual([]);
    expect(await sql('SELECT 1 FROM applicant WHERE person_id = $1', [personId])).toEqual([]);
    expect(await sql('SELECT 1 FROM quote WHERE id = $1', [lost.id])).toEqual([]);
    expect(await sql('SELECT status FROM quote WHERE id = $1', [quote.id])).toEqual([{ status: 'won' }]);
    expect(await sql('SELECT requester_id, subject, description FROM ticket WHERE id = $1', [ticket.id])).toEqual([
      { requester_id: null, subject: '[borttaget] når inte VPN', description: 'Ring [borttaget]' },
    ]);
    // Nothing keeps the person: the order is the company's and names the buyer no more.
    expect(await sql('SELECT 1 FROM person WHERE id = $1', [personId])).toEqual([]);
    expect(await sql('SELECT holder_id FROM quote WHERE id = $1', [quote.id])).toEqual([{ holder_id: null }]);

    // After erasure the old e-mail finds nobody — only the suppression entry remembers the objection.
    const after = (await admin.get(`/api/people?q=${encodeURIComponent(EMAIL)}`)).body;
    expect(after).toEqual({ people: [], suppressed: true });
    expect((await sales.post('/api/marketing/contacts', { person: { firstName: 'Maja', lastName: 'Many', email: EMAIL }, audience: 'consumer', source: 'sign_up', receivedOn: today, consent: true, consentText: 'Ja' })).status).toBe(409);
    const trail = await sql(`SELECT action, details::text AS details FROM audit_entry WHERE action = 'person.erased'`, []);
    expect(trail).toHaveLength(1);
    expect(trail[0].details).not.toContain('Maja');
    const answered = (await admin.get(`/api/subject-requests/${request.id}`)).body;
    expect(answered).toMatchObject({ status: 'answered', answeredOn: today });
    expect(answered.answer).toContain('Bokföringslagen');
    expect(answered.notes).toContain(`${result.erased} erased, ${result.anonymised} anonymised, ${result.kept.filter((item: { outcome: string }) => item.outcome === 'keep').length} kept as they are`);
  });

  it('keeps the person and the customer while the agreement runs, erasing only what may go', async () => {
    const customer = (await sales.post('/api/customers', { type: 'person', person: { firstName: 'Ava', lastName: 'Avtal', email: 'ava.avtal@exempel.se' } })).body;
    await sales.post(`/api/customers/${customer.id}/agreements`, { title: 'Hemservice', startDate: '2025-01-01' });
    await sales.post('/api/marketing/contacts', { personId: customer.person.id, audience: 'consumer', source: 'event', receivedOn: today, consent: true, consentText: 'Ja' });
    const proposal = (await admin.get(`/api/people/${customer.person.id}/erasure-proposal`)).body;
    const byType = (type: string) => proposal.items.find((item: { recordType: string }) => item.recordType === type);
    expect(byType('customer')).toMatchObject({ outcome: 'keep', reason: { en: expect.stringContaining('ongoing agreement') } });
    expect(byType('person')).toMatchObject({ outcome: 'keep' });
    expect(byType('marketing_contact')).toMatchObject({ outcome: 'erase' });
    await admin.post(`/api/people/${customer.person.id}/erase`, {});
    const [person] = await dataSourceOf(app).query('SELECT first_name, email FROM person WHERE id = $1', [customer.person.id]);
    expect(person).toEqual({ first_name: 'Ava', email: 'ava.avtal@exempel.se' });
    expect(await dataSourceOf(app).query('SELECT 1 FROM marketing_contact WHERE person_id = $1', [customer.person.id])).toEqual([]);
    expect((await admin.get(`/api/people?q=${encodeURIComponent('ava.avtal@exempel.se')}`)).body.suppressed).toBe(true);
  });

  it('keeps applicants to admins, stores documents with their checksum, and removes an application when consent is withdrawn', async () => {
    const response = await apply({ firstName: 'Sixten', lastName: 'Sökande', email: 'sixten@exempel.se', position: 'Praktikant', consent: 'true' });
    expect(response.statusCode).toBe(202);
    const list = (await admin.get('/api/applicants?q=Sixten')).body;
    expect(list.items).toHaveLength(1);
    const applicant = list.items[0];
    expect(applicant).toMatchObject({ position: 'Praktikant', consentText: expect.stringContaining('samtycker'), privacy: { purpose: 'P1', legalBasis: 'consent' } });
    expect(applicant.documents[0]).toMatchObject({ filename: 'cv.pdf', size: cv.length, sha256: createHash('sha256').update(cv).digest('hex') });
    const download = await admin.get(`/api/applicants/${applicant.id}/documents/${applicant.documents[0].id}`);
    expect(download.raw.equals(cv)).toBe(true);
    for (const client of [sales, technician]) {
      expect((await client.get('/api/applicants')).status).toBe(403);
      expect((await client.get(`/api/applicants/${applicant.id}/documents/${applicant.documents[0].id}`)).status).toBe(403);
    }

    expect((await admin.post(`/api/applicants/${applicant.id}/withdraw-consent`)).status).toBe(204);
    expect((await admin.get(`/api/applicants/${applicant.id}`)).status).toBe(404);
    expect(await dataSourceOf(app).query(`SELECT 1 FROM applicant_document WHERE applicant_id = $1`, [applicant.id])).toEqual([]);
    expect(await dataSourceOf(app).query(`SELECT 1 FROM person WHERE email = 'sixten@exempel.se'`)).toEqual([]);

    const noConsent = await apply({ firstName: 'A', lastName: 'B', email: 'ab@exempel.se', position: 'X', consent: 'false' });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().fields.consent).toBeDefined();
    const exe = await apply({ firstName: 'A', lastName: 'B', email: 'ab@exempel.se', position: 'X', consent: 'true' }, [{ field: 'documents', filename: 'x.exe', contentType: 'application/x-msdownload', content: Buffer.from('MZ') }]);
    expect(exe.statusCode).toBe(400);
  });

  it('registers requests with their deadline, extends once by two months with a reason, and lists overdue first', async () => {
    const old = (await admin.post('/api/subject-requests', { kind: 'access', channel: 'letter', receivedOn: '2026-01-31', requesterName: 'Olle Gammal', identityChecked: false })).body;
    expect(old).toMatchObject({ dueOn: '2026-02-28', overdue: true });
    const fresh = (await admin.post('/api/subject-requests', { kind: 'objection', channel: 'phone', receivedOn: today, requesterName: 'Nina Ny', identityChecked: false })).body;
    const extended = (await admin.post(`/api/subject-requests/${fresh.id}/extend`, { reason: 'Många register att gå igenom' })).body;
    expect(extended).toMatchObject({ extendedDueOn: addCalendarMonths(addCalendarMonths(today, 1), 2), extensionReason: 'Många register att gå igenom' });
    expect((await admin.post(`/api/subject-requests/${fresh.id}/extend`, { reason: 'igen' })).status).toBe(409);
    const list = (await admin.get('/api/subject-requests?status=open')).body;
    expect(list.items[0].id).toBe(old.id);
    // Admins are reminded of requests due within a week (here: the overdue one), once.
    const reminders = app.get(SubjectRequestsService);
    expect(await reminders.remindDue(today)).toBeGreaterThanOrEqual(1);
    expect(await reminders.remindDue(today)).toBe(0);
    const mails = await dataSourceOf(app).query(`SELECT subject FROM outbox_email WHERE idempotency_key LIKE $1`, [`subject-request-due:${old.id}:%`]);
    expect(mails[0].subject).toContain(`#${old.requestNumber}`);
    expect(mails[0].subject).toContain('försenad');
    expect((await admin.post(`/api/subject-requests/${old.id}/answer`, { status: 'answered', answer: 'Här är utdraget' })).status).toBe(400);
    await admin.edit(`/api/subject-requests/${old.id}`, { identityChecked: true, identityMethod: 'Kopia av id-kort' });
    expect((await admin.post(`/api/subject-requests/${old.id}/answer`, { status: 'answered', answer: 'Här är utdraget' })).body).toMatchObject({ status: 'answered', answeredOn: today });
    const bad = await admin.post('/api/subject-requests', { kind: 'wish', channel: 'pigeon', receivedOn: '2999-01-01', requesterName: '', identityChecked: 'yes' });
    expect(Object.keys(bad.body.fields).sort()).toEqual(['channel', 'identityChecked', 'kind', 'requesterName']);
    expect((await sales.get('/api/subject-requests')).status).toBe(403);
  });

  it('sends marketing only where the law allows it, each mail with an opt-out link', async () => {
    const customer = (await sales.post('/api/customers', { type: 'person', person: { firstName: 'Kund', lastName: 'Kvist', email: 'kund@exempel.se' } })).body;
    await sales.post('/api/marketing/contacts', { personId: customer.person.id, audience: 'consumer', source: 'event', receivedOn: today, consent: false });
    await sales.post('/api/marketing/contacts', { person: { firstName: 'Utan', lastName: 'Samtycke', email: 'utan@exempel.se' }, audience: 'consumer', source: 'event', receivedOn: today, consent: false });
    await sales.post('/api/marketing/contacts', { person: { firstName: 'Med', lastName: 'Samtycke', email: 'med@exempel.se' }, audience: 'consumer', source: 'sign_up', receivedOn: today, consent: true, consentText: 'Ja, skicka nyhetsbrev' });
    await sales.post('/api/marketing/contacts', { person: { firstName: 'Bo', lastName: 'Bolag', email: 'bo@bolag.se' }, audience: 'business', companyName: 'Bolaget AB', source: 'representative', receivedOn: today, consent: false });
    const objector = (await sales.post('/api/marketing/contacts', { person: { firstName: 'Nej', lastName: 'Tack', email: 'nej@exempel.se' }, audience: 'business', source: 'event', receivedOn: today, consent: false })).body;
    await sales.post(`/api/people/${objector.personId}/marketing-objection`);

    const dry = (await sales.post('/api/marketing/sends', { subject: 'Höstkampanj', body: 'Nya datorer', dryRun: true })).body;
    const decision = (name: string) => dry.decisions.find((d: { name: string }) => d.name === name);
    expect(decision('Kund Kvist')).toMatchObject({ decision: 'send', ground: 'existing_customer' });
    expect(decision('Utan Samtycke')).toMatchObject({ decision: 'no_consent' });
    expect(decision('Med Samtycke')).toMatchObject({ decision: 'send', ground: 'consent' });
    expect(decision('Bo Bolag')).toMatchObject({ decision: 'send', ground: 'business_opt_out' });
    expect(decision('Nej Tack')).toBeUndefined(); // the objection removed the marketing record itself
    expect(dry.sent).toBe(0);

    const sent = (await sales.post('/api/marketing/sends', { subject: 'Höstkampanj', body: 'Nya datorer' })).body;
    expect(sent.sent).toBeGreaterThanOrEqual(3);
    const mails = await dataSourceOf(app).query(`SELECT to_address, body FROM outbox_email WHERE subject = 'Höstkampanj'`);
    expect(mails.map((m: { to_address: string }) => m.to_address)).not.toContain('utan@exempel.se');
    expect(mails.map((m: { to_address: string }) => m.to_address)).not.toContain('nej@exempel.se');
    for (const mail of mails) expect(mail.body).toContain('/api/public/marketing/opt-out?email=');
  });

  it('mails customers and their representatives while an agreement runs and, after it ended, as long as the customer-relationship policy keeps them', async () => {
    const running = (await sales.post('/api/customers', { type: 'person', person: { firstName: 'Löpande', lastName: 'Avtalsson', email: 'lopande@exempel.se' } })).body;
    await admin.post(`/api/customers/${running.id}/agreements`, { title: 'Service', startDate: '2025-01-01' });
    const former = (await sales.post('/api/customers', { type: 'organisation', organisation: { name: 'Före Detta AB' } })).body;
    const representative = (await sales.post(`/api/customers/${former.id}/contacts`, { person: { firstName: 'Tidigare', lastName: 'Kontakt', email: 'tidigare@foredetta.se' } })).body;
    const leaver = (await sales.post(`/api/customers/${former.id}/contacts`, { person: { firstName: 'Slutat', lastName: 'Hos', email: 'slutat@foredetta.se' } })).body;
    await sales.edit(`/api/customers/${former.id}/contacts/${leaver.id}`, { leftOn: '2025-03-31' });
    await admin.post(`/api/customers/${former.id}/agreements`, { title: 'Avtal', startDate: '2020-01-01', endDate: '2024-06-30' });
    const keptUntil = (await admin.get(`/api/customers/${former.id}`)).body.privacy.retainUntil;
    const long = (await sales.post('/api/customers', { type: 'person', person: { firstName: 'Länge', lastName: 'Sedan', email: 'lange@exempel.se' } })).body;
    await admin.post(`/api/customers/${long.id}/agreements`, { title: 'Gammalt', startDate: '2015-01-01', endDate: '2018-12-31' });
    const never = (await sales.post('/api/customers', { type: 'person', person: { firstName: 'Aldrig', lastName: 'Avtal', email: 'aldrig@exempel.se' } })).body;

    const dry = (await sales.post('/api/marketing/sends', { subject: 'Vinterkampanj', body: 'Nya tjänster', dryRun: true })).body;
    const decision = (name: string) => dry.decisions.filter((d: { name: string }) => d.name === name);
    expect(decision('Löpande Avtalsson')).toEqual([{ contactId: running.id, name: 'Löpande Avtalsson', source: 'customer', decision: 'send', ground: 'customer', until: null }]);
    // The window is the policy's: the customer's deadline under P3 (the agreement's end plus its years).
    expect(keptUntil > today).toBe(true);
    expect(decision('Tidigare Kontakt')).toEqual([{ contactId: representative.id, name: 'Tidigare Kontakt', source: 'contact_person', decision: 'send', ground: 'former_customer', until: keptUntil }]);
    expect(decision('Slutat Hos')).toEqual([]);
    expect(decision('Aldrig Avtal')).toEqual([]);
    expect(never.id).toBeDefined();
    expect(decision('Länge Sedan')).toEqual([expect.objectContaining({ decision: 'window_ended', ground: null })]);

    const sent = (await sales.post('/api/marketing/sends', { subject: 'Vinterkampanj', body: 'Nya tjänster' })).body;
    expect(sent.sent).toBeGreaterThanOrEqual(2);
    const mails = await dataSourceOf(app).query(`SELECT to_address, sent_for, record_type, body FROM outbox_email WHERE subject = 'Vinterkampanj' ORDER BY to_address`);
    const to = mails.map((mail: { to_address: string }) => mail.to_address);
    expect(to).toEqual(expect.arrayContaining(['lopande@exempel.se', 'tidigare@foredetta.se']));
    expect(to).not.toContain('lange@exempel.se');
    expect(to).not.toContain('slutat@foredetta.se');
    expect(to.length).toBe(new Set(to).size);
    expect(mails.find((mail: { to_address: string }) => mail.to_address === 'tidigare@foredetta.se')).toMatchObject({ sent_for: 'P3', record_type: 'contact_person' });
    for (const mail of mails) expect(mail.body).toContain('/api/public/marketing/opt-out?email=');
  });

  it('takes contact-form questions with a honeypot and a rate limit, and turns one into a ticket in one click', async () => {
    const anonymous = () => app.inject({ method: 'POST', url: '/api/public/inquiries', payload: { name: 'Fia Frågvis', email: 'fia@exempel.se', message: 'Kan ni laga min skrivare?' } });
    expect((await anonymous()).statusCode).toBe(202);
    const bot = await app.inject({ method: 'POST', url: '/api/public/inquiries', payload: { name: 'Bot', email: 'bot@spam.example', message: 'Buy now', website: 'http://spam.example' } });
    expect(bot.statusCode).toBe(202);
    const inquiries = (await sales.get('/api/inquiries?status=new')).body.items;
    expect(inquiries.map((i: { email: string }) => i.email)).toContain('fia@exempel.se');
    expect(inquiries.map((i: { email: string }) => i.email)).not.toContain('bot@spam.example');
    const inquiry = inquiries.find((i: { email: string }) => i.email === 'fia@exempel.se');
    expect(inquiry.privacy).toMatchObject({ purpose: 'P8', legalBasis: 'legitimate_interest', retainUntil: addCalendarMonths(today, 12) });
    const converted = (await technician.post(`/api/inquiries/${inquiry.id}/convert`, { to: 'ticket' })).body;
    expect(converted).toMatchObject({ status: 'ticket', ticketId: expect.any(String) });
    const ticket = (await technician.get(`/api/tickets/${converted.ticketId}`)).body;
    expect(ticket).toMatchObject({ description: 'Kan ni laga min skrivare?', requesterName: 'Fia Frågvis' });
    expect((await technician.post(`/api/inquiries/${inquiry.id}/convert`, { to: 'lead' })).status).toBe(409);
    const invalid = await app.inject({ method: 'POST', url: '/api/public/inquiries', payload: { name: '', email: 'not-an-email', message: '' } });
    expect(Object.keys(invalid.json().fields).sort()).toEqual(['email', 'message', 'name']);
  });

  it('renders the public notice from the policy table and the registers, and follows an edit of a retention period', async () => {
    const notice = (await new TestClient(app).get('/api/public/privacy-notice')).body;
    expect(notice.purposes.map((p: { code: string }) => p.code)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9']);
    expect(notice.purposes.find((p: { code: string }) => p.code === 'P5')).toMatchObject({ legalBasisName: { sv: 'Intresseavvägning', en: 'Legitimate interest' }, retention: { en: '24 months from receipt of the contact details' } });
    expect(notice.cookies.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['privdesk_session', '_ga']));
    expect(notice.recipients.find((r: { name: string }) => r.name === 'Klarna')).toMatchObject({ kind: 'independent_controller', inEu: true });

    expect((await admin.edit('/api/policies/P5', { rule: { kind: 'months-from-event', months: 18 } })).status).toBe(200);
    const after = (await new TestClient(app).get('/api/public/privacy-notice')).body;
    expect(after.purposes.find((p: { code: string }) => p.code === 'P5').retention.en).toBe('18 months from receipt of the contact details');

    const identity = { companyName: 'Datorhjälpen i Norr AB', orgNumber: '556016-0680', street: 'Storgatan 1', postalCode: '903 25', city: 'Umeå', privacyPhone: '090-12 34 56', privacyEmail: 'integritet@datorhjalpen.se' };
    expect((await admin.put('/api/settings/controller', identity)).status).toBe(200);
    expect((await new TestClient(app).get('/api/public/privacy-notice')).body.controller).toEqual(identity);
    // Documents and mails for customers take the identity from the same setting.
    const quote = (await sales.post('/api/quotes', { holder: { firstName: 'Q', lastName: 'Holder' }, title: 'Brevhuvud', validUntil: today, lines: [{ kind: 'item', description: 'x', quantity: 1, unitPrice: 1 }] })).body;
    expect(await pdfText((await sales.get(`/api/quotes/${quote.id}/pdf`)).raw)).toContain('integritet@datorhjalpen.se');
    const record = await admin.get('/api/privacy/record-of-processing.pdf');
    expect(await pdfText(record.raw)).toContain('Datorhjälpen i Norr AB');
    expect((await admin.get('/api/privacy/record-of-processing.csv')).body).toContain('P8');
    expect((await sales.get('/api/privacy/record-of-processing.csv')).status).toBe(403);
  });
});
