/**
 * Swedish texts of supplier and partner contacts. Spread into `sv`. Purpose, legal basis and the
 * period come from the policy table, never from here.
 */
export const svPartners = {
  'nav.partners': 'Leverantörer och partner',
  'forbidden.partners': 'Kontakter hos leverantörer och partner hanteras av säljare och administratörer.',

  'partners.title': 'Leverantörer och partner',
  'partners.add': 'Lägg till kontakt',
  'partners.addTitle': 'Ny kontakt hos leverantör eller partner',
  'partners.editTitle': 'Ändra {name}',
  'partners.policyBasis': 'Rättslig grund',
  'partners.policyRetention': 'Sparas',
  'partners.search': 'Sök namn, e-post, organisation eller roll',
  'partners.kind': 'Typ',
  'partners.kind.all': 'Alla',
  'partners.kind.supplier': 'Leverantör',
  'partners.kind.partner': 'Partner',
  'partners.total': '{n} kontakter',
  'partners.loadError': 'Kontakterna kunde inte hämtas.',
  'partners.col.name': 'Namn och roll',
  'partners.col.organisation': 'Organisation',
  'partners.col.contact': 'Kontaktuppgifter',
  'partners.col.relationship': 'Relation',
  'partners.col.privacy': 'Ändamål och gallring',
  'partners.ongoing': 'Pågår',
  'partners.endedOn': 'Avslutad {date}',
  'partners.lastContact': 'Senaste kontakt {date}',
  'partners.organisation': 'Organisation',
  'partners.titleField': 'Roll eller titel',
  'partners.lastContactOn': 'Senaste kontakt',
  'partners.lastContactHint': 'Gallringen räknas härifrån medan relationen pågår',
  'partners.relationshipEndedOn': 'Relationen avslutades',
  'partners.relationshipEndedHint': 'Tomt medan relationen pågår',
  'partners.notes': 'Anteckningar',
  'partners.notesHint': 'Bara det som behövs för samarbetet',
  'partners.added': '{name} är tillagd.',
  'partners.saved': '{name} är sparad.',
  'partners.remove': 'Ta bort',
  'partners.removeTitle': 'Ta bort {name}?',
  'partners.removeText': 'Kontakten tas bort. Personen tas också bort om inget annat hos oss rör henne eller honom.',
  'partners.removed': '{name} är borttagen.',
  'partners.emptyAll': 'Inga kontakter ännu. Lägg till kontaktpersoner hos leverantörer och partner.',
  'partners.emptyFilter': 'Ingen kontakt matchar.',
};

export type PartnersKey = keyof typeof svPartners;
