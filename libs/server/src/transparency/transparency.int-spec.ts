import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startTestApp, TestClient } from '../../test/test-app';

/** Registers that admins export: a spreadsheet opening the CSV must never run what a user typed. */
describe('CSV exports open safely in a spreadsheet (API)', () => {
  let app: NestFastifyApplication;
  let admin: TestClient;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await TestClient.signedIn(app, 'admin');
  });

  afterAll(async () => {
    await app?.close();
  });

  /** The CSV's cells (quoted fields with "" for a quote, as csv-stringify writes them). */
  const cells = (csv: string) => [...csv.matchAll(/"((?:[^"]|"")*)"|([^,\r\n]+)/g)].map((match) => (match[1] !== undefined ? match[1].replace(/""/g, '"') : match[2]));

  it('escapes a recipient named like a formula in the record of processing', async () => {
    const created = await admin.post('/api/recipients', {
      name: '=HYPERLINK("x")',
      kind: 'processor',
      receives: { sv: 'Supportärenden', en: 'Support tickets' },
      purposes: ['P8'],
      inEu: false,
      transferSafeguard: '+46 standard clauses',
    });
    expect(created.status).toBe(201);

    const csv = (await admin.get('/api/privacy/record-of-processing.csv')).body as string;

    expect(cells(csv)).toContain(`'=HYPERLINK("x")`);
    expect(cells(csv)).toContain(`'=HYPERLINK("x"): +46 standard clauses`);
    expect(cells(csv).filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  });

  it('escapes every cell of the retention report that could start a formula', async () => {
    const csv = (await admin.get('/api/retention/report.csv')).body as string;

    expect(cells(csv)[0]).toBe('section');
    expect(cells(csv).filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  });
});
