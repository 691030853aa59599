/**
 * Swedish texts of one person per e-mail address: the "already registered" notice of the staff
 * forms and the duplicates list with merging (Admin → People). Spread into `sv`.
 */
export const svPeople = {
  'personExists.title': 'Redan registrerad: {name} ({email})',
  'personExists.titlePersonnummer': 'Redan registrerad: {name} (personnummer {personnummer})',
  'personExists.records.none': 'Har inga poster än.',
  'personExists.records.one': 'Finns i {n} post.',
  'personExists.records.many': 'Finns i {n} poster.',
  'personExists.explain': 'En person registreras en gång per e-postadress. Använd den registrerade personen: tomma uppgifter fylls i med det du skrev, inget annat ändras.',
  'personExists.use': 'Använd {name}',
  'personExists.alreadyMarketing': 'Personen är redan marknadsföringskontakt.',

  'people.duplicates': 'Dubbletter …',

  'duplicates.title': 'Dubbletter',
  'duplicates.back': 'Personer',
  'duplicates.intro':
    'Personer som registrerades flera gånger med samma e-postadress, innan en adress betydde en person. Slå ihop två till en: alla poster flyttas till personen du behåller, tomma uppgifter fylls i och den andra raderas. Sammanslagningen loggas med id:n, aldrig med namn.',
  'duplicates.search': 'Sök e-postadress',
  'duplicates.total': 'Adresser med dubbletter: {n}',
  'duplicates.loadError': 'Kunde inte hämta dubbletterna.',
  'duplicates.empty': 'Inga dubbletter: varje e-postadress hör till en person.',
  'duplicates.emptyFilter': 'Inga dubbletter matchar ”{q}”.',
  'duplicates.group': 'Delar {email}',
  'duplicates.registered': 'Registrerad {date}',
  'duplicates.records': 'Poster',
  'duplicates.noRecords': 'Inga poster',
  'duplicates.keep': 'Behåll den här …',
  'duplicates.table.legal_hold': 'Spärr mot gallring',

  'merge.title': 'Slå ihop två personer',
  'merge.kept': 'Behålls',
  'merge.merged': 'Slås ihop och raderas',
  'merge.choose': 'Vem ska slås ihop med {name}?',
  'merge.explain':
    'Alla poster om {merged} flyttas till {kept}. Där båda har samma post (kontaktperson hos samma kund, marknadsföringskontakt) behålls den som {kept} har. Tomma uppgifter hos {kept} fylls i från {merged}. Sammanslagningen går inte att ångra.',
  'merge.confirm': 'Slå ihop',
  'merge.merging': 'Slår ihop …',
  'merge.done': 'Sammanslaget: {n} poster flyttades till {name}.',
  'merge.failed': 'Kunde inte slå ihop.',
};

export type PeopleKey = keyof typeof svPeople;
