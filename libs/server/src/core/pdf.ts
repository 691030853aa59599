import { ControllerIdentity } from '@privdesk/domain';
import PDFDocument from 'pdfkit';

/** Renders an A4 PDF with pdfkit's standard fonts (they cover Swedish letters). */
export function render(build: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: 'Privdesk', Producer: 'Privdesk' } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    build(doc);
    doc.end();
  });
}

export function table(doc: PDFKit.PDFDocument, headers: string[], rows: Array<Array<string | number>>, widths: number[]): void {
  const line = (cells: Array<string | number>, bold: boolean) => {
    const y = doc.y;
    let x = doc.page.margins.left;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    cells.forEach((cell, index) => {
      doc.text(String(cell), x, y, { width: widths[index] - 6 });
      x += widths[index];
    });
    doc.moveDown(0.4);
    if (doc.y > doc.page.height - doc.page.margins.bottom - 20) doc.addPage();
  };
  line(headers, true);
  for (const row of rows) line(row, false);
  doc.x = doc.page.margins.left;
  doc.moveDown();
}

/** The company's name, address and privacy contact at the top of documents for customers. */
export function letterhead(doc: PDFKit.PDFDocument, controller: ControllerIdentity): void {
  doc.font('Helvetica-Bold').fontSize(11).text(controller.companyName);
  doc.font('Helvetica').fontSize(8);
  const address = [controller.street, [controller.postalCode, controller.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  if (controller.orgNumber || address) doc.text([controller.orgNumber && `Org.nr ${controller.orgNumber}`, address].filter(Boolean).join(' · '));
  if (controller.privacyEmail || controller.privacyPhone) {
    doc.text(`Dataskydd / Privacy: ${[controller.privacyEmail, controller.privacyPhone].filter(Boolean).join(', ')}`);
  }
  doc.moveDown();
}
