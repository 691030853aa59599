import { DataSource } from 'typeorm';

/**
 * `count` contact persons (and their people) whose deadline passed on 2020-01-01, at one company
 * customer with an open-ended relationship — set-based SQL, for cull tests and benchmarks.
 */
export async function seedExpiredContacts(dataSource: DataSource, count: number, label = 'Bulk'): Promise<string> {
  const [{ id }] = await dataSource.query(
    `WITH org AS (INSERT INTO organisation (name) VALUES ($2 || ' AB') RETURNING id),
          cust AS (INSERT INTO customer (type, organisation_id, purpose, legal_basis, retain_until, retention_rule, retention_rule_sv)
                   SELECT 'organisation', id, 'P3', 'contract', NULL, 'while the agreement runs', 'medan avtalet löper' FROM org RETURNING id),
          people AS (INSERT INTO person (first_name, last_name, email, phone, purpose, legal_basis, retain_until, retention_rule, retention_rule_sv)
                     SELECT $2, 'Person ' || g, lower($2) || g || '@example.se', '070-' || lpad(g::text, 7, '0'), 'P6', 'legitimate_interest', '2020-01-01', 'agreement end', 'avtalets slut'
                       FROM generate_series(1, $1::int) g RETURNING id),
          contacts AS (INSERT INTO contact_person (customer_id, person_id, purpose, legal_basis, retain_until, retention_rule, retention_rule_sv)
                       SELECT cust.id, people.id, 'P6', 'legitimate_interest', '2020-01-01', 'agreement end', 'avtalets slut' FROM cust, people)
     SELECT id FROM cust`,
    [count, label],
  );
  return id;
}
