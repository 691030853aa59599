import { AgreementInput, OrganisationInput, PersonInput, Role } from '@privdesk/domain';

/**
 * Demo data: invented Swedish people, companies and addresses. The only personnummer used is
 * 19121212-1212, Skatteverket's well-known test number ("Tolvan Tolvansson"); no real person's
 * number appears. Organisation numbers are invented and pass the check digit.
 */
export const DEMO_STAFF: Array<{ email: string; name: string; role: Role; password: string }> = [
  { email: 'tekniker@privdesk.local', name: 'Tove Tekniker', role: 'technician', password: 'privdesk-tech-demo' },
  { email: 'saljare@privdesk.local', name: 'Sam Säljare', role: 'sales', password: 'privdesk-sales-demo' },
];

export const DEMO_ADMIN = { email: 'admin@privdesk.local', password: 'privdesk-admin-demo' };

const FIRST = ['Anna', 'Erik', 'Maria', 'Lars', 'Karin', 'Johan', 'Eva', 'Anders', 'Sara', 'Per', 'Lena', 'Mikael', 'Emma', 'Nils', 'Ingrid', 'Oskar', 'Elin', 'Gustav', 'Frida', 'Henrik', 'Maja', 'Viktor', 'Astrid', 'Axel'];
const LAST = ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson', 'Pettersson', 'Jonsson', 'Lindberg', 'Lindqvist', 'Bergström', 'Holm', 'Sandberg', 'Forsberg', 'Lundgren', 'Ekström'];
const PLACES: Array<[string, string, string]> = [
  ['Storgatan 12', '111 51', 'Stockholm'],
  ['Kungsgatan 4', '411 19', 'Göteborg'],
  ['Södra Förstadsgatan 30', '211 43', 'Malmö'],
  ['Drottninggatan 8', '753 10', 'Uppsala'],
  ['Vasagatan 21', '722 15', 'Västerås'],
  ['Järnvägsgatan 5', '702 10', 'Örebro'],
  ['Nygatan 17', '582 19', 'Linköping'],
  ['Östra Hamngatan 2', '852 30', 'Sundsvall'],
  ['Rådhusgatan 9', '831 34', 'Östersund'],
  ['Skolgatan 44', '903 29', 'Umeå'],
];
const COMPANIES = [
  'Norrsken Bygg AB', 'Fjällräven Redovisning AB', 'Kvarnen Tandvård AB', 'Hamnkontoret Logistik AB', 'Björkdalens Förskola AB',
  'Solbacka Fastigheter AB', 'Ekdahl & Söner Snickeri AB', 'Skärgårdens Båtservice AB', 'Lövgrens Juristbyrå AB', 'Granit Arkitekter AB',
  'Vinterviken Café AB', 'Mälarstrand Revision AB',
];

/** Ten-digit organisation numbers with a valid check digit, built from a seed so they are stable. */
function orgNumber(seed: number): string {
  const body = `55${String(6000 + seed * 37).padStart(4, '0')}${String(100 + seed * 7).slice(-3)}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let n = Number(body[i]) * (i % 2 === 0 ? 2 : 1);
    if (n > 9) n -= 9;
    sum += n;
  }
  const check = (10 - (sum % 10)) % 10;
  return `${body.slice(0, 6)}-${body.slice(6)}${check}`;
}

const mail = (first: string, last: string, domain: string) =>
  `${first}.${last}@${domain}`.toLowerCase().replace(/å|ä/g, 'a').replace(/ö/g, 'o').replace(/é/g, 'e');
const phone = (n: number) => `070-${String(100 + ((n * 37) % 900)).padStart(3, '0')} ${String(10 + ((n * 13) % 90))} ${String(10 + ((n * 29) % 90))}`;

export interface DemoCustomer {
  person?: PersonInput;
  organisation?: OrganisationInput;
  contacts: Array<{ person: PersonInput; title: string; leftOn?: string }>;
  agreements: AgreementInput[];
}

export function demoCustomers(): DemoCustomer[] {
  const customers: DemoCustomer[] = [];
  COMPANIES.forEach((name, index) => {
    const [street, postalCode, city] = PLACES[index % PLACES.length];
    const domain = `${name.split(' ')[0].toLowerCase().replace(/å|ä/g, 'a').replace(/ö/g, 'o')}.se`;
    const contacts = [0, 1].slice(0, 1 + (index % 2)).map((offset) => {
      const first = FIRST[(index * 3 + offset) % FIRST.length];
      const last = LAST[(index * 5 + offset * 7) % LAST.length];
      return {
        person: { firstName: first, lastName: last, email: mail(first, last, domain), phone: phone(index * 10 + offset) },
        title: offset === 0 ? 'IT-ansvarig' : 'Ekonomichef',
        ...(index === 3 && offset === 1 ? { leftOn: '2026-08-31' } : {}),
      };
    });
    const agreements: AgreementInput[] =
      index % 4 === 0
        ? [{ title: 'Serviceavtal Bas', startDate: '2022-01-01', endDate: '2025-12-31' }]
        : index % 4 === 1
          ? [{ title: 'Serviceavtal Plus', startDate: '2024-03-01', endDate: null }]
          : index % 4 === 2
            ? [
                { title: 'Driftavtal', startDate: '2021-09-01', endDate: '2024-08-31' },
                { title: 'Driftavtal 2', startDate: '2024-09-01', endDate: '2027-08-31' },
              ]
            : [];
    customers.push({
      organisation: {
        name,
        orgNumber: orgNumber(index + 1),
        email: `info@${domain}`,
        phone: `0${8 + (index % 3)}-${500 + index * 11} ${10 + index} 00`,
        street,
        postalCode,
        city,
        // Most companies have signed the data processing agreement; a few have not, so the counter's warning shows.
        dpaSignedOn: index % 4 === 3 ? null : `2025-0${1 + (index % 9)}-15`,
      },
      contacts,
      agreements,
    });
  });
  for (let i = 0; i < 28; i++) {
    const first = FIRST[(i * 7 + 2) % FIRST.length];
    const last = LAST[(i * 11 + 3) % LAST.length];
    const [street, postalCode, city] = PLACES[(i + 3) % PLACES.length];
    customers.push({
      person: {
        firstName: first,
        lastName: last,
        email: mail(first, last, i % 2 ? 'exempel.se' : 'post.exempel.se'),
        phone: phone(i + 200),
        street,
        postalCode,
        city,
        ...(i === 0 ? { firstName: 'Tolvan', lastName: 'Tolvansson', email: 'tolvan@exempel.se', personnummer: '19121212-1212' } : {}),
      },
      contacts: [],
      agreements: i % 3 === 0 ? [{ title: 'Hemservice', startDate: '2023-05-01', endDate: i % 2 ? '2026-04-30' : null }] : [],
    });
  }
  return customers;
}

/** Support tickets, check-ins and quotes for the demo, in the words people use at the counter. */
export const DEMO_TICKETS = [
  { subject: 'Skrivaren på kontoret skriver inte ut', description: 'Utskrifter fastnar i kön sedan i morse. Gäller alla datorer.', priority: 'high', note: 'Spoolertjänsten hängde; startade om den.' },
  { subject: 'Outlook frågar efter lösenord hela tiden', description: 'Efter lösenordsbytet i fredags.', priority: 'normal', note: 'Gamla uppgifter i Autentiseringshanteraren.' },
  { subject: 'Ny medarbetare börjar måndag', description: 'Behöver konto, dator och behörighet till ekonomimappen.', priority: 'normal', note: null },
  { subject: 'Wi-Fi tappar anslutningen i mötesrummet', description: 'Händer flera gånger om dagen.', priority: 'low', note: 'Accesspunkten i taket har gammal firmware.' },
  { subject: 'Servern svarar inte', description: 'Ingen kommer åt de delade mapparna.', priority: 'urgent', note: 'Disken full på grund av loggfiler.' },
  { subject: 'Byte av toner', description: 'Toner slut i skrivaren på plan 2.', priority: 'low', note: null },
] as const;

export const DEMO_CHECKINS = [
  { deviceType: 'laptop', make: 'Lenovo', model: 'ThinkPad T14', serialNumber: 'PF-3XK91', accessories: 'Laddare', condition: 'Repig lock', reportedFault: 'Startar inte efter uppdatering', password: 'Sommar2026!' },
  { deviceType: 'desktop', make: 'Dell', model: 'OptiPlex 7010', serialNumber: 'D7-4471', accessories: null, condition: 'Fint skick', reportedFault: 'Blåskärm vid uppstart', password: null },
  { deviceType: 'phone', make: 'Apple', model: 'iPhone 13', serialNumber: null, accessories: 'Skal', condition: 'Sprucken skärm', reportedFault: 'Skärmen svarar inte på tryck', password: null },
] as const;

export const DEMO_QUOTES = [
  { title: 'Nya arbetsplatser', days: 5, lines: [{ kind: 'item', description: 'Laptop Lenovo ThinkPad T14', quantity: 3, unitPrice: 12990 }, { kind: 'service', description: 'Installation och flytt av data', quantity: 6, unitPrice: 950 }], outcome: 'open' },
  { title: 'Serviceavtal 2027', days: 20, lines: [{ kind: 'service', description: 'Support per månad', quantity: 12, unitPrice: 1490 }], outcome: 'open' },
  { title: 'Nätverksuppgradering', days: 45, lines: [{ kind: 'item', description: 'Accesspunkt Ubiquiti U6', quantity: 4, unitPrice: 1890 }, { kind: 'service', description: 'Montering', quantity: 4, unitPrice: 950, discountPercent: 10 }], outcome: 'open' },
  { title: 'Ny server', days: 30, lines: [{ kind: 'item', description: 'Server Dell PowerEdge T150', quantity: 1, unitPrice: 24900 }], outcome: 'won' },
  { title: 'Skrivare till receptionen', days: 30, lines: [{ kind: 'item', description: 'HP LaserJet Pro', quantity: 1, unitPrice: 4290 }], outcome: 'lost' },
] as const;
