import { ControllerIdentity } from '@privdesk/domain';
import PDFDocument from 'pdfkit';

/** Renders an A4 PDF with pdfkit's standard fonts (they cover Swedish letters). */
export function render(build: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, bufferPages: true, info: { Title: 'Privdesk', Producer: 'Privdesk' } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    build(doc);
    pageNumbers(doc);
    doc.end();
  });
}

/** Column layout of a table: widths in points, and which columns hold amounts (right-aligned). */
export interface TableLayout {
  widths: number[];
  align?: Array<'left' | 'right'>;
}

const CELL_PADDING = 6;
const ROW_GAP = 4;

/**
 * A table whose rows are as tall as their tallest cell, so long text wraps inside its column and
 * never runs into the next row; the header is repeated at the top of every new page.
 */
export function table(doc: PDFKit.PDFDocument, headers: string[], rows: Array<Array<string | number>>, layout: number[] | TableLayout): void {
  const { widths, align = [] } = Array.isArray(layout) ? { widths: layout } : layout;
  const left = doc.page.margins.left;
  const fullWidth = widths.reduce((sum, width) => sum + width, 0);
  const heightOf = (cells: Array<string | number>, bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    return Math.max(...cells.map((cell, index) => doc.heightOfString(String(cell), { width: widths[index] - CELL_PADDING })));
  };
  const line = (cells: Array<string | number>, bold: boolean) => {
    const height = heightOf(cells, bold);
    const y = doc.y;
    let x = left;
    cells.forEach((cell, index) => {
      doc.text(String(cell), x, y, { width: widths[index] - CELL_PADDING, align: align[index] ?? 'left' });
      x += widths[index];
    });
    doc.y = y + height + ROW_GAP;
    if (bold) doc.moveTo(left, doc.y - ROW_GAP / 2).lineTo(left + fullWidth, doc.y - ROW_GAP / 2).lineWidth(0.5).stroke();
  };
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  if (doc.y + heightOf(headers, true) + (rows[0] ? heightOf(rows[0], false) : 0) > bottom()) doc.addPage();
  line(headers, true);
  for (const row of rows) {
    if (doc.y + heightOf(row, false) > bottom()) {
      doc.addPage();
      line(headers, true);
    }
    line(row, false);
  }
  doc.x = left;
  doc.font('Helvetica').moveDown();
}

/** Label and value side by side, the value wrapping in its own column. */
export function fields(doc: PDFKit.PDFDocument, rows: Array<[string, string | null | undefined]>, labelWidth = 170): void {
  const left = doc.page.margins.left;
  const valueWidth = doc.page.width - doc.page.margins.right - left - labelWidth;
  for (const [label, value] of rows) {
    if (!value) continue;
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(10);
    const labelHeight = doc.heightOfString(label, { width: labelWidth - CELL_PADDING });
    doc.text(label, left, y, { width: labelWidth - CELL_PADDING });
    doc.font('Helvetica');
    const valueHeight = doc.heightOfString(value, { width: valueWidth });
    doc.text(value, left + labelWidth, y, { width: valueWidth });
    doc.y = y + Math.max(labelHeight, valueHeight) + ROW_GAP;
  }
  doc.x = left;
}

/** "Sida 1 av 2 / Page 1 of 2" at the foot of every page; call after the content, with buffered pages. */
export function pageNumbers(doc: PDFKit.PDFDocument): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const bottomMargin = doc.page.margins.bottom;
    // Writing inside the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(8).text(`Sida ${index + 1} av ${range.count} / Page ${index + 1} of ${range.count}`, doc.page.margins.left, doc.page.height - 35, {
      width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottomMargin;
  }
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
