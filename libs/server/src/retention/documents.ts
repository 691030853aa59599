import { CertificateDocument, RetentionReport } from '@privdesk/domain';
import { stringify } from 'csv-stringify/sync';
import { render, table } from '../core/pdf';

/** The deletion certificate for people: what was culled, when, under which policy — no personal data. */
export function certificatePdf(certificate: CertificateDocument): Promise<Buffer> {
  return render((doc) => {
    doc.font('Helvetica-Bold').fontSize(18).text('Gallringsintyg / Deletion certificate');
    doc.moveDown(0.5).font('Helvetica').fontSize(10);
    doc.text(`Certificate: ${certificate.id}`);
    doc.text(`Run: ${certificate.runId}`);
    doc.text(`As of (gallringsdag): ${certificate.asOf}`);
    doc.text(`Started: ${certificate.startedAt}   Finished: ${certificate.finishedAt}`);
    doc.text(`Kept until: ${certificate.retainUntil}`);
    doc.moveDown();
    table(
      doc,
      ['Record type', 'Policy', 'Deleted', 'Anonymised', 'Held', 'Reviewed'],
      certificate.counts.map((count) => [count.recordType, count.policy, count.deleted, count.anonymised, count.held, count.reviewed]),
      [130, 60, 70, 80, 60, 70],
    );
    doc.font('Helvetica-Bold').text(
      `Totals: deleted ${certificate.totals.deleted}, anonymised ${certificate.totals.anonymised}, held ${certificate.totals.held}, reviewed ${certificate.totals.reviewed}`,
    );
    doc.moveDown().font('Helvetica').fontSize(8);
    doc.text(
      `The culled records' ids are kept only as ${certificate.hashAlgorithm} hashes with a key held by this installation (${certificate.entries.length} entries, in the JSON version of this certificate). ` +
        'Whether a given record was culled can be checked in Privdesk by re-hashing its id.',
    );
  });
}

export function reportCsv(report: RetentionReport): string {
  const rows: Array<Array<string | number>> = [['section', 'purpose', 'legal_basis', 'record_type', 'month', 'records', 'deleted', 'anonymised']];
  for (const row of report.byPurpose) rows.push(['records', row.purpose, row.legalBasis, row.recordType, '', row.records, '', '']);
  for (const row of report.expiringByMonth) rows.push(['expiring', row.purpose, '', '', row.month, row.records, '', '']);
  for (const row of report.culledByMonth) rows.push(['culled', '', '', '', row.month, '', row.deleted, row.anonymised]);
  rows.push(['due_now', '', '', '', '', report.dueNow, '', '']);
  rows.push(['expiring_30_days', '', '', '', '', report.expiring.days30, '', '']);
  rows.push(['expiring_90_days', '', '', '', '', report.expiring.days90, '', '']);
  rows.push(['expiring_365_days', '', '', '', '', report.expiring.days365, '', '']);
  rows.push(['holds_active', '', '', '', '', report.holdsActive, '', '']);
  rows.push(['reviews_pending', '', '', '', '', report.reviewsPending, '', '']);
  rows.push(['missing_basis', '', '', '', '', report.missingBasis, '', '']);
  return stringify(rows);
}

export function reportPdf(report: RetentionReport): Promise<Buffer> {
  return render((doc) => {
    doc.font('Helvetica-Bold').fontSize(18).text('Gallringsrapport / Retention report');
    doc.font('Helvetica').fontSize(10).text(`Generated ${report.generatedAt}`);
    doc.moveDown();
    doc.text(`Past their deadline now: ${report.dueNow}`);
    doc.text(`Expiring within 30 days: ${report.expiring.days30} · 90 days: ${report.expiring.days90} · 365 days: ${report.expiring.days365}`);
    doc.text(`Legal holds active: ${report.holdsActive} · reviews pending: ${report.reviewsPending} · records missing a basis: ${report.missingBasis}`);
    doc.moveDown();
    doc.font('Helvetica-Bold').text('Records by purpose and legal basis').moveDown(0.3);
    table(doc, ['Purpose', 'Legal basis', 'Record type', 'Records'], report.byPurpose.map((row) => [row.purpose, row.legalBasis, row.recordType, row.records]), { widths: [80, 140, 140, 80], align: ['left', 'left', 'left', 'right'] });
    doc.font('Helvetica-Bold').text('Expiring by month').moveDown(0.3);
    table(doc, ['Month', 'Purpose', 'Records'], report.expiringByMonth.map((row) => [row.month, row.purpose, row.records]), { widths: [100, 100, 100], align: ['left', 'left', 'right'] });
    doc.font('Helvetica-Bold').text('Culled by month (from certificates)').moveDown(0.3);
    table(doc, ['Month', 'Deleted', 'Anonymised'], report.culledByMonth.map((row) => [row.month, row.deleted, row.anonymised]), { widths: [100, 100, 100], align: ['left', 'right', 'right'] });
  });
}
