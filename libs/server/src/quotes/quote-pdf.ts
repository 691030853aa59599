import { ControllerIdentity, formatSek, LEGAL_BASIS_LABELS, QuoteAmounts, RetentionPolicy, retentionInWords } from '@privdesk/domain';
import { letterhead, render, table } from '../core/pdf';
import { Quote } from './quote.entity';

const percent = (value: number) => `${String(value).replace('.', ',')} %`;
const quantity = (value: number) => String(value).replace('.', ',');

/** The quote as sent to its holder: lines, totals in SEK, validity and the privacy line. */
export function quotePdf(quote: Quote, amounts: QuoteAmounts, policy: RetentionPolicy, controller: ControllerIdentity): Promise<Buffer> {
  return render((doc) => {
    letterhead(doc, controller);
    doc.font('Helvetica-Bold').fontSize(18).text(`Offert / Quote #${quote.quoteNumber}`);
    doc.moveDown(0.3).font('Helvetica').fontSize(12).text(quote.title);
    doc.moveDown(0.5).fontSize(10);
    const customer = quote.customer;
    const to = customer?.organisation?.name ?? (quote.holder ? `${quote.holder.firstName} ${quote.holder.lastName}` : '—');
    doc.text(`Till / To: ${to}`);
    if (customer?.organisation && quote.holder) doc.text(`Att. / Attn: ${quote.holder.firstName} ${quote.holder.lastName}`);
    doc.text(`Datum / Issued: ${quote.issuedOn}`);
    doc.text(`Giltig t.o.m. / Valid until: ${quote.validUntil}`);
    doc.text(`Vår referens / Our reference: ${quote.owner.name}`);
    doc.moveDown();
    table(
      doc,
      ['Beskrivning / Description', 'Antal / Qty', 'À-pris / Unit', 'Rabatt / Disc.', 'Moms / VAT', 'Belopp / Amount'],
      quote.lines.map((line, index) => [
        line.description,
        quantity(line.quantity),
        formatSek(line.unitPriceOre),
        line.discountPercent ? percent(line.discountPercent) : '',
        percent(line.vatPercent),
        formatSek(amounts.lines[index].net),
      ]),
      { widths: [165, 50, 80, 55, 50, 95], align: ['left', 'right', 'right', 'right', 'right', 'right'] },
    );
    doc.font('Helvetica').fontSize(10);
    doc.text(`Netto / Net: ${formatSek(amounts.net)}`, { align: 'right' });
    doc.text(`Moms / VAT: ${formatSek(amounts.vat)}`, { align: 'right' });
    doc.font('Helvetica-Bold').text(`Att betala / Total: ${formatSek(amounts.total)}`, { align: 'right' });
    doc.moveDown(2).font('Helvetica').fontSize(8);
    // The period and the basis in the stored policy's own words: the document follows an edit of the policy.
    const retention = retentionInWords(policy);
    const basis = LEGAL_BASIS_LABELS[policy.legalBasis];
    doc.text(
      `Personuppgifter: vi sparar ditt namn, dina kontaktuppgifter och offerten för att kunna följa upp den (${policy.purpose.sv}; ${basis.sv.toLowerCase()}), ` +
        `${retention.sv}. Du kan när som helst avböja marknadsföring. ` +
        `Personal data: we keep your name, contact details and this quote to follow it up (${policy.purpose.en}; ${basis.en.toLowerCase()}), ` +
        `${retention.en}. You may refuse marketing at any time.`,
    );
  });
}
