import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CookieView, PrivacyNotice, RecipientView } from '@privdesk/domain';
import { startTestApp, TestClient } from '../../test/test-app';
import { NOT_IN_NOTICE, NOTICE_COOKIES, NOTICE_RECIPIENTS } from './notice-fixtures';

/** The public notice says what the company's published notice says: its cookies and its recipients. */
describe('The public privacy notice (API) matches the published notice', () => {
  let app: NestFastifyApplication;
  let notice: PrivacyNotice;

  beforeAll(async () => {
    app = await startTestApp();
    notice = (await new TestClient(app).get<PrivacyNotice>('/api/public/privacy-notice')).body;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('lists exactly the web site cookies of the notice, with provider, duration and whether optional', () => {
    const website = notice.cookies.filter((cookie) => cookie.site === 'website');

    expect(website.map((cookie) => cookie.name).sort()).toEqual(NOTICE_COOKIES.map((cookie) => cookie.name).sort());
    for (const expected of NOTICE_COOKIES) {
      const cookie = website.find((c) => c.name === expected.name) as CookieView;
      expect({ name: cookie.name, provider: cookie.provider, duration: cookie.duration.sv, category: cookie.category }).toEqual({
        name: expected.name,
        provider: expect.stringMatching(expected.provider),
        duration: expected.durationSv,
        category: expected.category,
      });
      expect(cookie.purpose.sv.length).toBeGreaterThan(10);
      expect(cookie.purpose.en.length).toBeGreaterThan(10);
      if (expected.ipAnonymised) {
        expect(cookie.purpose.sv).toMatch(/IP-adressen anonymiseras/);
        expect(cookie.purpose.en).toMatch(/IP address is anonymised/);
      }
    }
    expect(notice.cookies.map((cookie) => cookie.name)).not.toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^(${NOT_IN_NOTICE.join('|')})$`))]));
    expect(notice.cookies.some((cookie) => /Cookiebot|YouTube/.test(cookie.provider))).toBe(false);
  });

  it('keeps Privdesk’s own session and CSRF cookies, both necessary', () => {
    expect(notice.cookies.filter((cookie) => cookie.site === 'privdesk').map((cookie) => [cookie.name, cookie.category])).toEqual(
      expect.arrayContaining([
        ['privdesk_session', 'necessary'],
        ['XSRF-TOKEN', 'necessary'],
      ]),
    );
  });

  it('names every recipient of the notice with its countries and, outside the EU/EEA, the transfer mechanism', () => {
    for (const expected of NOTICE_RECIPIENTS) {
      const matching = notice.recipients.filter((r) => expected.name.test(r.name));
      expect(matching.map((r) => r.name)).toHaveLength(1);
      const recipient = matching[0] as RecipientView;
      expect({ name: recipient.name, countries: recipient.countries, inEu: recipient.inEu, transferMechanism: recipient.transferMechanism }).toEqual({
        name: recipient.name,
        countries: expected.countries,
        inEu: expected.inEu,
        transferMechanism: expected.transferMechanism,
      });
    }
  });

  it('shows the countries and the transfer mechanism in the record of processing (CSV and PDF)', async () => {
    const admin = await TestClient.signedIn(app, 'admin');
    const csv = (await admin.get('/api/privacy/record-of-processing.csv')).body as string;
    expect(csv).toMatch(/CookieYes Limited.*United Kingdom.*adequacy decision/);
    expect(csv).toMatch(/Cloudflare, Inc\..*United States.*EU–US Data Privacy Framework/);
    // Every cookie of the notice, with its provider and category.
    for (const cookie of NOTICE_COOKIES) expect(csv).toMatch(new RegExp(`\n${cookie.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')},[a-z_]+,[^\n]*,${cookie.category}\r?(\n|$)`));

    const pdf = await admin.get('/api/privacy/record-of-processing.pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
  });

  it('states the notice’s own statements in Swedish and English, with the supervisory authority’s address', () => {
    expect(notice.statements.complaintUrl).toBe('https://www.imy.se');
    expect(notice.statements.complaint.sv).toMatch(/Integritetsskyddsmyndigheten/);
    expect(notice.statements.contractRequirement.sv).toMatch(/avtalsenligt krav/);
    expect(notice.statements.contractRequirement.en).toMatch(/contractual requirement/);
    expect(notice.statements.security.en).toMatch(/technical and organisational/);
    expect(notice.statements.marketingObjection.en).toMatch(/opt-out link/);
  });

  it('shows support (P4) resting on the agreement and on legitimate interest, and an admin edits the further bases', async () => {
    const p4 = notice.purposes.find((p) => p.code === 'P4');
    expect(p4?.legalBasis).toBe('contract');
    expect(p4?.additionalBases.map((basis) => [basis.legalBasis, basis.legalBasisName.sv])).toEqual([['legitimate_interest', 'Intresseavvägning']]);
    expect(p4?.additionalBases[0]?.statement.en).toMatch(/repair/);

    const admin = await TestClient.signedIn(app, 'admin');
    const sales = await TestClient.signedIn(app, 'sales');
    const bases = [{ legalBasis: 'legitimate_interest', statement: { sv: 'Uppföljning av offerten', en: 'Following up the quote' } }];
    expect((await sales.put('/api/policies/P2/additional-bases', { version: 1, bases })).status).toBe(403);
    expect((await admin.edit('/api/policies/P2/additional-bases', { bases: [{ legalBasis: 'guesswork', statement: { sv: 'x', en: 'y' } }] })).status).toBe(400);
    expect((await admin.put('/api/policies/P99/additional-bases', { version: 1, bases })).status).toBe(404);

    const saved = await admin.edit('/api/policies/P2/additional-bases', { bases: [...bases, { legalBasis: 'contract', statement: { sv: 'Offerten', en: 'The quote' } }] });
    expect(saved.status).toBe(200);
    // The main basis is not repeated as a further one.
    expect(saved.body.legalBasis).toBe('legitimate_interest');
    expect(saved.body.additionalBases).toEqual([{ legalBasis: 'contract', statement: { sv: 'Offerten', en: 'The quote' } }]);
    const after = (await new TestClient(app).get<PrivacyNotice>('/api/public/privacy-notice')).body;
    expect(after.purposes.find((p) => p.code === 'P2')).toMatchObject({ legalBasis: 'legitimate_interest', additionalBases: [{ legalBasis: 'contract', legalBasisName: { en: 'Contract' }, statement: { en: 'The quote' } }] });
    expect((await admin.get('/api/privacy/record-of-processing.csv')).body as string).toMatch(/Contract; Legitimate interest \(Records of troubleshooting/);

    expect((await admin.edit('/api/policies/P2/additional-bases', { bases: [] })).status).toBe(200);
  });
});
