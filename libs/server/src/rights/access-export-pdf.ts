import { ControllerIdentity, PersonExport } from '@privdesk/domain';
import { render, table } from '../core/pdf';

/** The access export for the person (GDPR Art. 15): readable, in Swedish with English headings. */
export function accessExportPdf(data: PersonExport, controller: ControllerIdentity): Promise<Buffer> {
  return render((doc) => {
    doc.font('Helvetica-Bold').fontSize(16).text('Registerutdrag / Your personal data');
    doc.moveDown(0.3).font('Helvetica').fontSize(10);
    doc.text(`${controller.companyName}${controller.orgNumber ? ` (${controller.orgNumber})` : ''}${controller.privacyEmail ? ` — ${controller.privacyEmail}` : ''}${controller.privacyPhone ? `, ${controller.privacyPhone}` : ''}`);
    doc.text(`Utfärdat / Issued: ${data.generatedAt.slice(0, 10)}`);
    doc.moveDown();
    const p = data.person;
    doc.font('Helvetica-Bold').text('Uppgifter om dig / About you');
    doc.font('Helvetica');
    for (const [label, value] of [
      ['Namn / Name', p.fullName],
      ['E-post / E-mail', p.email],
      ['Telefon / Phone', p.phone],
      ['Adress / Address', [p.street, p.postalCode, p.city].filter(Boolean).join(', ')],
      ['Personnummer', p.personnummer],
    ] as Array<[string, string | null]>) {
      if (value) doc.text(`${label}: ${value}`);
    }
    doc.moveDown();
    doc.font('Helvetica-Bold').text('Var vi har uppgifterna, varför och hur länge / Where we hold the data, why and for how long');
    doc.moveDown(0.3);
    table(
      doc,
      ['Uppgift / Record', 'Ändamål / Purpose', 'Laglig grund / Basis', 'Sparas t.o.m. / Kept until', 'Källa / Source', 'Mottagare / Recipients'],
      data.records.map((record) => [
        record.description,
        `${record.privacy.purpose}: ${record.purposeName.sv}`,
        record.legalBasisName.sv,
        record.privacy.retainUntil ?? record.privacy.ruleSv,
        record.source.sv,
        record.recipients.map((r) => r.name).join(', ') || '—',
      ]),
      [100, 90, 65, 75, 95, 70],
    );
    doc.fontSize(8).text(
      'Du har rätt att begära rättelse, radering eller begränsning, att invända mot behandling och mot direktmarknadsföring, att få ut uppgifterna i maskinläsbar form och att klaga hos Integritetsskyddsmyndigheten (IMY). ' +
        'You may ask for rectification, erasure or restriction, object to processing and to direct marketing, receive the data in machine-readable form, and complain to the Swedish Authority for Privacy Protection (IMY).',
    );
  });
}
