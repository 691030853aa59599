import { Client } from 'pg';

/**
 * Set-based seed for the tickets benchmark: a few thousand customers (people and organisations),
 * a team of technicians, and N tickets with two timeline entries each. Subjects, descriptions and
 * entries are drawn from Swedish and English word lists with a skew (lower list positions are
 * picked more often), so full-text search meets both common and rare terms. Deterministic: the
 * same N gives the same data.
 */

export const CUSTOMERS = 4000;
export const TECHNICIANS = 20;
const CHUNK = 100_000;

/** Picked with a skew: the first words are common, the last ones rare. */
const DEVICES_SV = ['skrivare', 'dator', 'bärbar dator', 'skärm', 'router', 'telefon', 'nätverk', 'server', 'e-post', 'tangentbord', 'mus', 'surfplatta', 'hårddisk', 'projektor', 'brandvägg', 'växel', 'kassaregister', 'dockningsstation', 'nätaggregat', 'moderkort'];
const DEVICES_EN = ['printer', 'laptop', 'computer', 'monitor', 'router', 'phone', 'network', 'server', 'email', 'keyboard', 'mouse', 'tablet', 'hard drive', 'projector', 'firewall', 'switch', 'docking station', 'scanner', 'power supply', 'motherboard'];
const PROBLEMS_SV = ['fungerar inte', 'startar inte', 'är långsam', 'tappar anslutningen', 'skriver inte ut', 'visar felmeddelande', 'låter konstigt', 'blir varm', 'har gått sönder', 'behöver uppdateras', 'får blå skärm', 'hittar inte nätverket', 'låser sig', 'laddar inte'];
const PROBLEMS_EN = ['does not work', 'will not start', 'is slow', 'keeps disconnecting', 'is not printing', 'shows an error message', 'makes a strange noise', 'is overheating', 'is broken', 'needs an update', 'shows a blue screen', 'cannot find the network', 'freezes', 'is not charging'];
const BRANDS = ['HP LaserJet M404', 'Lenovo ThinkPad T14', 'Dell Latitude 5440', 'Apple MacBook Air', 'Ubiquiti UniFi', 'Brother HL-L2350', 'Samsung Galaxy Tab', 'Cisco Meraki', 'Synology DS920', 'Fortinet FortiGate', 'Canon imageRUNNER', 'Zyxel USG', 'Logitech MX Keys', 'Epson EcoTank'];
const DETAILS_SV = ['Kunden ringde i morse.', 'Problemet började efter senaste uppdateringen.', 'Gäller hela kontoret.', 'Händer bara ibland.', 'Har provat att starta om.', 'Akut, kassan står still.', 'Kunden behöver den till på måndag.', 'Enheten är under garanti.', 'VPN-klienten kopplar ner hela tiden.', 'Lösenordet har gått ut.', 'Kondensatorerna ser svullna ut.', 'Fläkten låter högt.'];
const DETAILS_EN = ['The customer called this morning.', 'It started after the latest update.', 'Affects the whole office.', 'Happens intermittently.', 'Restarting did not help.', 'Urgent, the till is down.', 'Needed by Monday.', 'The unit is under warranty.', 'The VPN client keeps dropping.', 'The password has expired.', 'The capacitors look swollen.', 'The fan is loud.'];
const WORK_SV = ['Startade om tjänsten.', 'Uppdaterade drivrutinerna.', 'Bytte nätverkskabel.', 'Kunden har meddelats.', 'Installerade om Windows.', 'Bytte toner.', 'Rensade skrivarkön.', 'Uppgraderade firmware.', 'Bytte termisk pasta.', 'Beställde ny reservdel.', 'Återställde BIOS.', 'Bytte moderkort.'];
const WORK_EN = ['Restarted the service.', 'Updated the drivers.', 'Replaced the network cable.', 'Customer informed.', 'Reinstalled Windows.', 'Replaced the toner.', 'Cleared the print queue.', 'Upgraded the firmware.', 'Replaced the thermal paste.', 'Ordered a spare part.', 'Reset the BIOS.', 'Replaced the motherboard.'];
const FIRST = ['Anna', 'Erik', 'Maria', 'Lars', 'Karin', 'Johan', 'Sara', 'Anders', 'Emma', 'Per', 'Lena', 'Nils', 'Ida', 'Olof', 'Sofia', 'Mikael'];
const LAST = ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson', 'Pettersson', 'Jonsson'];
const COMPANIES = ['Bygg', 'Redovisning', 'Tandvård', 'Fastighet', 'Konsult', 'Transport', 'Café', 'Juridik', 'Frisör', 'Elektriska'];

const literal = (words: string[]) => `(ARRAY[${words.map((word) => `'${word.replace(/'/g, "''")}'`).join(', ')}]::text[])`;

/** A pseudo-random fraction in [0, 1) from a row number and a salt: reproducible, spread by hashing. */
const fraction = (expression: string, salt: number) => `(abs(hashint8((${expression})::bigint * 131 + ${salt})::bigint) % 1000000) / 1000000.0`;
/** A list position, skewed towards the start (the square of a uniform fraction). */
const skewed = (list: string[], expression: string, salt: number) => `${literal(list)}[1 + floor(${list.length} * power(${fraction(expression, salt)}, 2))::int]`;
const uniform = (list: string[], expression: string, salt: number) => `${literal(list)}[1 + floor(${list.length} * ${fraction(expression, salt)})::int]`;

export interface SeededStaff {
  email: string;
  password: string;
  id: string;
}

/** Customers, technicians (one of them the benchmark's sign-in) and N tickets with two entries each. */
export async function seedTickets(client: Client, rows: number, staff: { email: string; passwordHash: string }, log: (line: string) => void): Promise<string> {
  await client.query(`SET maintenance_work_mem = '256MB'`);
  const [{ id: benchUserId }] = (
    await client.query(`INSERT INTO staff_user (email, name, role, password_hash) VALUES ($1, 'Bänk Tekniker', 'admin', $2) RETURNING id`, [staff.email, staff.passwordHash])
  ).rows;
  await client.query(
    `INSERT INTO staff_user (email, name, role, password_hash)
     SELECT 'tekniker' || g || '@bench.privdesk.local', ${uniform(FIRST, 'g', 1)} || ' ' || ${uniform(LAST, 'g', 2)}, 'technician', $1
       FROM generate_series(1, ${TECHNICIANS - 1}) g`,
    [staff.passwordHash],
  );
  await client.query(`CREATE TEMP TABLE bench_staff AS SELECT row_number() OVER (ORDER BY email) - 1 AS n, id FROM staff_user`);

  // Three quarters private customers, one quarter companies with a contact person who files the tickets.
  const people = Math.round(CUSTOMERS * 0.75);
  await client.query(
    `INSERT INTO person (first_name, last_name, email, phone, purpose, legal_basis, retain_until, retention_rule, retention_rule_sv)
     SELECT ${uniform(FIRST, 'g', 3)}, ${uniform(LAST, 'g', 4)}, 'kund' || g || '@example.se', '070-' || lpad(g::text, 7, '0'), 'P3', 'contract',
            current_date + 730, '24 months after the last ticket', '24 månader efter senaste ärendet'
       FROM generate_series(1, ${CUSTOMERS}) g`,
  );
  await client.query(
    `INSERT INTO organisation (name, email) SELECT ${uniform(LAST, 'g', 5)} || 's ' || ${uniform(COMPANIES, 'g', 6)} || ' AB ' || g, 'info' || g || '@foretag.se'
       FROM generate_series(1, ${CUSTOMERS - people}) g`,
  );
  await client.query(
    `CREATE TEMP TABLE bench_party AS
       SELECT row_number() OVER (ORDER BY email) - 1 AS n, id AS person_id FROM person`,
  );
  await client.query(
    `INSERT INTO customer (type, person_id, purpose, legal_basis, retain_until, retention_rule, retention_rule_sv)
     SELECT 'person', person_id, 'P3', 'contract', current_date + 730, '24 months after the last ticket', '24 månader efter senaste ärendet'
       FROM bench_party WHERE n < ${people} ORDER BY n`,
  );
  await client.query(
    `INSERT INTO customer (type, organisation_id, purpose, legal_basis, retain_until, retention_rule, retention_rule_sv)
     SELECT 'organisation', id, 'P3', 'contract', current_date + 730, '24 months after the last ticket', '24 månader efter senaste ärendet'
       FROM organisation ORDER BY name`,
  );
  await client.query(
    `INSERT INTO contact_person (customer_id, person_id, purpose, legal_basis, retain_until, retention_rule, retention_rule_sv)
     SELECT c.id, p.person_id, 'P6', 'legitimate_interest', current_date + 730, 'agreement end', 'avtalets slut'
       FROM (SELECT id, row_number() OVER (ORDER BY customer_number) - 1 AS n FROM customer WHERE type = 'organisation') c
       JOIN bench_party p ON p.n = ${people} + c.n`,
  );
  await client.query(
    `CREATE TEMP TABLE bench_customer AS
       SELECT row_number() OVER (ORDER BY c.customer_number) - 1 AS n, c.id, coalesce(c.person_id, cp.person_id) AS requester_id
         FROM customer c LEFT JOIN contact_person cp ON cp.customer_id = c.id`,
  );
  await client.query(`CREATE UNIQUE INDEX ON bench_customer (n)`);
  await client.query(`CREATE UNIQUE INDEX ON bench_staff (n)`);

  // Bulk load: the per-row search triggers and the secondary indexes go while loading and come back after.
  const indexes = (
    await client.query(
      `SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.schemaname = 'public' AND i.tablename IN ('ticket', 'ticket_entry')
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    )
  ).rows as Array<{ indexname: string; indexdef: string }>;
  for (const index of indexes) await client.query(`DROP INDEX "${index.indexname}"`);
  await client.query(`ALTER TABLE ticket DISABLE TRIGGER ticket_search_refresh`);
  await client.query(`ALTER TABLE ticket_entry DISABLE TRIGGER ticket_entry_search_refresh`);
  try {
    for (let from = 1; from <= rows; from += CHUNK) {
      const to = Math.min(rows, from + CHUNK - 1);
      await client.query(insertChunk(rows), [from, to]);
      log(`  tickets ${to.toLocaleString('en')} of ${rows.toLocaleString('en')}`);
    }
    await client.query(`SELECT setval(pg_get_serial_sequence('ticket', 'ticket_number'), $1)`, [rows]);
  } finally {
    await client.query(`ALTER TABLE ticket ENABLE TRIGGER ticket_search_refresh`);
    await client.query(`ALTER TABLE ticket_entry ENABLE TRIGGER ticket_entry_search_refresh`);
  }
  log(`  rebuilding ${indexes.length} indexes`);
  for (const index of indexes) await client.query(index.indexdef);
  await client.query('VACUUM ANALYZE');
  return benchUserId;
}

/**
 * One chunk of tickets ($1..$2) and their two entries in one statement. The newest tenth of the
 * tickets is mostly still being worked on; the older ones are closed. The search vector is
 * computed by the schema's own ticket_search_vector() over the same text the triggers would use
 * (the first entry is an internal note: the vector without notes leaves it out).
 */
function insertChunk(rows: number): string {
  const subject = `CASE WHEN ${fraction('g', 10)} < 0.6
      THEN initcap(${skewed(DEVICES_SV, 'g', 11)}) || ' ' || ${skewed(PROBLEMS_SV, 'g', 12)}
      ELSE initcap(${skewed(DEVICES_EN, 'g', 13)}) || ' ' || ${skewed(PROBLEMS_EN, 'g', 14)} END`;
  const description = `CASE WHEN ${fraction('g', 10)} < 0.6
      THEN ${skewed(DETAILS_SV, 'g', 15)} || ' Gäller ' || ${uniform(BRANDS, 'g', 16)} || ', serienummer SN' || upper(to_hex(g::bigint * 7919 + 1000003)) || '. ' || ${skewed(DETAILS_SV, 'g', 17)}
      ELSE ${skewed(DETAILS_EN, 'g', 15)} || ' Unit: ' || ${uniform(BRANDS, 'g', 16)} || ', serial SN' || upper(to_hex(g::bigint * 7919 + 1000003)) || '. ' || ${skewed(DETAILS_EN, 'g', 17)} END`;
  const entry = (salt: number) => `CASE WHEN ${fraction('g', 10)} < 0.6 THEN ${skewed(WORK_SV, 'g', salt)} ELSE ${skewed(WORK_EN, 'g', salt)} END`;
  const recent = `g > ${Math.floor(rows * 0.9)}`;
  return `
    WITH src AS (
      SELECT g, ${subject} AS subject, ${description} AS description, ${entry(20)} AS entry1, ${entry(21)} AS entry2,
             now() - (${rows} - g) * (interval '3 years' / ${rows}) - interval '1 hour' AS created_at,
             CASE WHEN ${recent} THEN ${literal(['new', 'open', 'open', 'waiting', 'resolved'])}[1 + floor(5 * ${fraction('g', 22)})::int]
                  ELSE CASE WHEN ${fraction('g', 22)} < 0.9 THEN 'closed' ELSE 'resolved' END END AS status,
             ${literal(['normal', 'normal', 'normal', 'low', 'high', 'urgent'])}[1 + floor(6 * ${fraction('g', 23)})::int] AS priority,
             floor(${CUSTOMERS} * ${fraction('g', 24)})::int AS customer_n,
             floor(${TECHNICIANS} * ${fraction('g', 25)})::int AS staff_n
        FROM generate_series($1::int, $2::int) g),
    inserted AS (
      INSERT INTO ticket (ticket_number, customer_id, requester_id, subject, description, status, priority, assignee_id, due_at, warn_at, created_by_id,
                          search_vector, search_vector_without_notes, purpose, created_at, updated_at, legal_basis, retain_until, retention_rule, retention_rule_sv)
      SELECT src.g, c.id, c.requester_id, src.subject, src.description, src.status, src.priority,
             CASE WHEN src.status = 'new' THEN NULL ELSE s.id END,
             src.created_at + CASE src.priority WHEN 'urgent' THEN interval '4 hours' WHEN 'high' THEN interval '1 day' WHEN 'normal' THEN interval '3 days' ELSE interval '7 days' END,
             src.created_at + 0.75 * CASE src.priority WHEN 'urgent' THEN interval '4 hours' WHEN 'high' THEN interval '1 day' WHEN 'normal' THEN interval '3 days' ELSE interval '7 days' END,
             s.id, ticket_search_vector(src.subject, src.description, src.entry1 || ' ' || src.entry2),
             ticket_search_vector(src.subject, src.description, src.entry2), 'P4', src.created_at, src.created_at + interval '1 hour',
             'contract', (src.created_at + interval '24 months')::date, '24 months after the ticket is closed', '24 månader efter att ärendet stängts'
        FROM src JOIN bench_customer c ON c.n = src.customer_n JOIN bench_staff s ON s.n = src.staff_n
      RETURNING id, ticket_number, assignee_id, created_at)
    INSERT INTO ticket_entry (ticket_id, kind, body, author_id, created_at)
    SELECT i.id, e.kind, CASE e.position WHEN 1 THEN src.entry1 ELSE src.entry2 END, i.assignee_id, i.created_at + e.position * interval '20 minutes'
      FROM inserted i JOIN src ON src.g = i.ticket_number
     CROSS JOIN (VALUES (1, 'note'), (2, 'message')) e(position, kind)`;
}
