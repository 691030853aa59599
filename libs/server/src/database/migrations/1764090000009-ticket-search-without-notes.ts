import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A second search vector per ticket without the internal troubleshooting notes, for the roles that
 * may not read them (sales): searching the full vector would let them test guesses against the
 * notes. Both vectors are kept by the same triggers from one read of the entries; the new one
 * has its own GIN index, so a search by sales costs what a search by a technician costs.
 */
export class TicketSearchWithoutNotes1764090000009 implements MigrationInterface {
  name = 'TicketSearchWithoutNotes1764090000009';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ticket" ADD "search_vector_without_notes" tsvector`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION ticket_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  all_entries text;
  entries_without_notes text;
BEGIN
  SELECT string_agg(body, ' ' ORDER BY created_at), string_agg(body, ' ' ORDER BY created_at) FILTER (WHERE kind <> 'note')
    INTO all_entries, entries_without_notes
    FROM ticket_entry WHERE ticket_id = NEW.id;
  NEW.search_vector := ticket_search_vector(NEW.subject, NEW.description, all_entries);
  NEW.search_vector_without_notes := ticket_search_vector(NEW.subject, NEW.description, entries_without_notes);
  RETURN NEW;
END
$fn$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION ticket_entry_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  target uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.ticket_id ELSE NEW.ticket_id END;
BEGIN
  UPDATE ticket t SET search_vector = ticket_search_vector(t.subject, t.description, e.all_entries),
                      search_vector_without_notes = ticket_search_vector(t.subject, t.description, e.entries_without_notes)
    FROM (SELECT string_agg(body, ' ' ORDER BY created_at) AS all_entries,
                 string_agg(body, ' ' ORDER BY created_at) FILTER (WHERE kind <> 'note') AS entries_without_notes
            FROM ticket_entry WHERE ticket_id = target) e
   WHERE t.id = target;
  RETURN NULL;
END
$fn$`);
    // An entry that changes kind moves between the vectors.
    await queryRunner.query(`DROP TRIGGER ticket_entry_search_refresh ON ticket_entry`);
    await queryRunner.query(
      `CREATE TRIGGER ticket_entry_search_refresh AFTER INSERT OR DELETE OR UPDATE OF body, kind ON ticket_entry FOR EACH ROW EXECUTE FUNCTION ticket_entry_search_refresh()`,
    );
    await queryRunner.query(`CREATE INDEX "ticket_search_without_notes" ON "ticket" USING gin ("search_vector_without_notes")`);
    // Back-fill: the tickets there are (the update does not touch subject or description, so no trigger runs).
    await queryRunner.query(`UPDATE ticket t SET search_vector_without_notes = ticket_search_vector(t.subject, t.description,
      (SELECT string_agg(e.body, ' ' ORDER BY e.created_at) FROM ticket_entry e WHERE e.ticket_id = t.id AND e.kind <> 'note'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ticket_search_without_notes"`);
    await queryRunner.query(`DROP TRIGGER ticket_entry_search_refresh ON ticket_entry`);
    await queryRunner.query(`CREATE TRIGGER ticket_entry_search_refresh AFTER INSERT OR DELETE OR UPDATE OF body ON ticket_entry FOR EACH ROW EXECUTE FUNCTION ticket_entry_search_refresh()`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION ticket_entry_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  target uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.ticket_id ELSE NEW.ticket_id END;
BEGIN
  UPDATE ticket t SET search_vector = ticket_search_vector(t.subject, t.description, (SELECT string_agg(e.body, ' ' ORDER BY e.created_at) FROM ticket_entry e WHERE e.ticket_id = t.id))
   WHERE t.id = target;
  RETURN NULL;
END
$fn$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION ticket_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  NEW.search_vector := ticket_search_vector(NEW.subject, NEW.description, (SELECT string_agg(body, ' ' ORDER BY created_at) FROM ticket_entry WHERE ticket_id = NEW.id));
  RETURN NEW;
END
$fn$`);
    await queryRunner.query(`ALTER TABLE "ticket" DROP COLUMN "search_vector_without_notes"`);
  }
}
