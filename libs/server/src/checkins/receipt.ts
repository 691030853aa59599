import { ControllerIdentity, DeviceType, LEGAL_BASIS_LABELS, Privacy, RetentionPolicy, stockholmDateTime } from '@privdesk/domain';
import { fields, letterhead, render } from '../core/pdf';
import { DeviceCheckin } from './device-checkin.entity';
import { customerName } from './checkins.service';

const DEVICE_TYPE_NAMES: Record<DeviceType, string> = {
  laptop: 'Bärbar dator / Laptop',
  desktop: 'Stationär dator / Desktop',
  tablet: 'Surfplatta / Tablet',
  phone: 'Mobiltelefon / Phone',
  printer: 'Skrivare / Printer',
  other: 'Annan / Other',
};

/**
 * The receipt for the person handing a device in, with the short privacy line the notice asks
 * for: why his or her details are kept and for how long. Never prints a personnummer.
 */
export function receiptPdf(checkin: DeviceCheckin, policy: RetentionPolicy, privacy: Privacy, controller: ControllerIdentity): Promise<Buffer> {
  return render((doc) => {
    letterhead(doc, controller);
    const received = stockholmDateTime(checkin.receivedAt);
    doc.font('Helvetica-Bold').fontSize(18).text(`Inlämningskvitto / Device receipt #${checkin.checkinNumber}`);
    doc.moveDown(0.5).font('Helvetica').fontSize(10);
    const rows: Array<[string, string | null]> = [
      ['Mottagen / Received', `${received} (${checkin.receivedBy?.name ?? '—'})`],
      ['Inlämnad av / Handed in by', `${checkin.handedInBy.firstName} ${checkin.handedInBy.lastName}`],
      ['För kund / On behalf of', `${customerName(checkin.customer)} (${checkin.customer.customerNumber})`],
      ['Enhet / Device', `${DEVICE_TYPE_NAMES[checkin.deviceType]}: ${checkin.make} ${checkin.model}`],
      ['Serienummer / Serial number', checkin.serialNumber],
      ['Tillbehör / Accessories', checkin.accessories],
      ['Skick / Condition', checkin.condition],
      ['Felbeskrivning / Fault as told', checkin.reportedFault],
      ['Beräknat klar / Expected ready', checkin.expectedReadyOn],
      ['Lösenord lämnat / Password left', checkin.passwordCiphertext ? 'Ja, lagras krypterat och raderas vid utlämning / Yes, stored encrypted and destroyed on return' : 'Nej / No'],
    ];
    fields(doc, rows);
    doc.moveDown(2);
    doc.text('Kvitteras vid utlämning / Signed on return: ______________________________');
    doc.moveDown(2).fontSize(8);
    const until = privacy.retainUntil ?? null;
    doc.text(
      `Personuppgifter: Vi sparar dina kontaktuppgifter och enhetens data för att kunna sköta ärendet och kontakta dig ` +
        `(ändamål ${policy.code}: ${policy.purpose.sv}; laglig grund: ${LEGAL_BASIS_LABELS[privacy.legalBasis].sv.toLowerCase()}). ` +
        `Uppgifterna sparas ${until ? `till och med ${until}` : privacy.ruleSv}.`,
    );
    doc.moveDown(0.3);
    doc.text(
      `Personal data: we keep your contact details and the device's data to handle this job and contact you ` +
        `(purpose ${policy.code}: ${policy.purpose.en}; legal basis: ${LEGAL_BASIS_LABELS[privacy.legalBasis].en.toLowerCase()}). ` +
        `They are kept ${until ? `until ${until}` : privacy.rule}.`,
    );
  });
}
