import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The daily work: support tickets with their timeline and full-text search (Swedish and English
 * stemming, kept current by triggers), device check-ins, quotes with lines, staff tasks, the
 * marketing suppression list, service windows, and the organisation's data processing agreement.
 * Free-text columns get word indexes so the cull finds mentions of a person fast.
 */
export class DailyWork1764090000006 implements MigrationInterface {
  name = 'DailyWork1764090000006';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "device_checkin" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "checkin_number" SERIAL NOT NULL, "customer_id" uuid NOT NULL, "handed_in_by_id" uuid NOT NULL, "device_type" text NOT NULL, "make" text NOT NULL, "model" text NOT NULL, "serial_number" text, "accessories" text, "condition" text, "reported_fault" text NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "received_by_id" uuid, "expected_ready_on" date, "status" text NOT NULL DEFAULT 'received', "assigned_technician_id" uuid, "password_ciphertext" text, "password_destroyed_at" TIMESTAMP WITH TIME ZONE, "work_done" text, "returned_at" TIMESTAMP WITH TIME ZONE, "picked_up_by" text, "purpose" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "legal_basis" text NOT NULL, "retain_until" date, "retention_rule" text NOT NULL, "retention_rule_sv" text NOT NULL, "anonymised_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_905fece3c3a917282178d636147" UNIQUE ("checkin_number"), CONSTRAINT "device_checkin_returned" CHECK ((status = 'returned') = (returned_at IS NOT NULL)), CONSTRAINT "device_checkin_status" CHECK (status IN ('received', 'diagnosing', 'waiting_for_parts', 'in_repair', 'ready', 'returned')), CONSTRAINT "device_checkin_legal_basis" CHECK (legal_basis IN ('contract', 'legitimate_interest', 'consent', 'legal_obligation')), CONSTRAINT "PK_866f5062453c2e9e42a2ece09c4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_66f13c6e67eb3e0826707b5024" ON "device_checkin"  ("customer_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_a337546b6c411ff0a27ca56e47" ON "device_checkin"  ("handed_in_by_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_0a9719686c3126595c5cfc9e07" ON "device_checkin"  ("status")`);
    await queryRunner.query(`CREATE INDEX "IDX_8a1d58441331d9ff96e23d839c" ON "device_checkin"  ("assigned_technician_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_ce71945e5a635b94d556b2b6e3" ON "device_checkin"  ("retain_until")`);
    await queryRunner.query(`CREATE TABLE "marketing_suppression" ("email_hash" text NOT NULL, "source" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2cebf090f7c0137cfc66e8a5a19" PRIMARY KEY ("email_hash"))`);
    await queryRunner.query(`CREATE TABLE "quote" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "quote_number" SERIAL NOT NULL, "customer_id" uuid, "holder_id" uuid, "title" text NOT NULL, "status" text NOT NULL DEFAULT 'open', "issued_on" date NOT NULL, "valid_until" date NOT NULL, "owner_id" uuid NOT NULL, "net_ore" bigint NOT NULL, "total_ore" bigint NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE, "lost_reason" text, "purpose" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "legal_basis" text NOT NULL, "retain_until" date, "retention_rule" text NOT NULL, "retention_rule_sv" text NOT NULL, "anonymised_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_aae706f47db4216aca40d3c675c" UNIQUE ("quote_number"), CONSTRAINT "quote_party" CHECK (customer_id IS NOT NULL OR holder_id IS NOT NULL OR anonymised_at IS NOT NULL), CONSTRAINT "quote_dates" CHECK (valid_until >= issued_on), CONSTRAINT "quote_status" CHECK (status IN ('open', 'won', 'lost', 'expired')), CONSTRAINT "quote_legal_basis" CHECK (legal_basis IN ('contract', 'legitimate_interest', 'consent', 'legal_obligation')), CONSTRAINT "PK_b772d4cb09e587c8c72a78d2439" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_ea046f9554774e1ccce0da808e" ON "quote"  ("customer_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_3cdbd1246aed0bac2d42c7928e" ON "quote"  ("holder_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_15ccc5d7733f0abc528549dcba" ON "quote"  ("status")`);
    await queryRunner.query(`CREATE INDEX "IDX_646e5a8bff5078ba559699cadc" ON "quote"  ("valid_until")`);
    await queryRunner.query(`CREATE INDEX "IDX_9e2a98b6b7c2cd76121dd15e80" ON "quote"  ("owner_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_44ae0ea2a156286155cd228eba" ON "quote"  ("retain_until")`);
    await queryRunner.query(`CREATE TABLE "quote_line" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "quote_id" uuid NOT NULL, "position" integer NOT NULL, "kind" text NOT NULL, "description" text NOT NULL, "quantity" numeric(12,2) NOT NULL, "unit_price_ore" bigint NOT NULL, "discount_percent" numeric(5,2) NOT NULL DEFAULT '0', "vat_percent" numeric(5,2) NOT NULL DEFAULT '25', CONSTRAINT "quote_line_amounts" CHECK (quantity > 0 AND unit_price_ore >= 0 AND discount_percent BETWEEN 0 AND 100 AND vat_percent BETWEEN 0 AND 100), CONSTRAINT "quote_line_kind" CHECK (kind IN ('item', 'service')), CONSTRAINT "PK_a26b43aca98839fad6b4c70ec8b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_d6a4bcb3ac28d8581efbca837e" ON "quote_line"  ("quote_id")`);
    await queryRunner.query(`CREATE TABLE "service_window" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "title" text NOT NULL, "message" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "announced_by_id" uuid, "recipients" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "service_window_times" CHECK (ends_at > starts_at), CONSTRAINT "service_window_kind" CHECK (kind IN ('service_window', 'system_update')), CONSTRAINT "PK_8fdf363fbbe1101d802378c6d78" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "staff_task" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "assignee_id" uuid NOT NULL, "kind" text NOT NULL, "title" text NOT NULL, "link" text NOT NULL, "record_id" uuid NOT NULL, "idempotency_key" text NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "done_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_fe668f059e9579df4dee7d1bff1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_596e34b012137f7aaef355cde5" ON "staff_task"  ("record_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_7a41ce41f07e7b81f1383044a0" ON "staff_task"  ("idempotency_key")`);
    await queryRunner.query(`CREATE INDEX "staff_task_open" ON "staff_task"  ("assignee_id", "done_at")`);
    await queryRunner.query(`CREATE TABLE "ticket" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticket_number" SERIAL NOT NULL, "customer_id" uuid NOT NULL, "requester_id" uuid, "subject" text NOT NULL, "description" text NOT NULL, "status" text NOT NULL DEFAULT 'new', "priority" text NOT NULL DEFAULT 'normal', "assignee_id" uuid, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "checkin_id" uuid, "created_by_id" uuid, "search_vector" tsvector, "purpose" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "legal_basis" text NOT NULL, "retain_until" date, "retention_rule" text NOT NULL, "retention_rule_sv" text NOT NULL, "anonymised_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_93dcc0496923a283a4f3efdeea3" UNIQUE ("ticket_number"), CONSTRAINT "ticket_priority" CHECK (priority IN ('low', 'normal', 'high', 'urgent')), CONSTRAINT "ticket_status" CHECK (status IN ('new', 'open', 'waiting', 'resolved', 'closed')), CONSTRAINT "ticket_legal_basis" CHECK (legal_basis IN ('contract', 'legitimate_interest', 'consent', 'legal_obligation')), CONSTRAINT "PK_d9a0835407701eb86f874474b7c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_9a40df465b0e9ef73b469fb289" ON "ticket"  ("customer_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_2a3cae8fd60482104d7f09a589" ON "ticket"  ("requester_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_2c91a29fccb8c7dd9644bae9be" ON "ticket"  ("assignee_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_6ef042735db8122286b62e67b2" ON "ticket"  ("checkin_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_c154eb54f814595d1c493a739f" ON "ticket"  ("retain_until")`);
    await queryRunner.query(`CREATE TABLE "ticket_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticket_id" uuid NOT NULL, "kind" text NOT NULL, "body" text NOT NULL, "minutes" integer, "part_action" text, "part_name" text, "author_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ticket_entry_part" CHECK (part_action IS NULL OR part_action IN ('repaired', 'replaced', 'installed')), CONSTRAINT "ticket_entry_kind" CHECK (kind IN ('note', 'message', 'time', 'part')), CONSTRAINT "PK_49a037519e86313a01f30de8bb6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_9a765ae7c6f3f036dc2322f7af" ON "ticket_entry"  ("ticket_id")`);
    await queryRunner.query(`ALTER TABLE "organisation" ADD "dpa_signed_on" date`);
    await queryRunner.query(`ALTER TABLE "device_checkin" ADD CONSTRAINT "FK_66f13c6e67eb3e0826707b50240" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "device_checkin" ADD CONSTRAINT "FK_a337546b6c411ff0a27ca56e476" FOREIGN KEY ("handed_in_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "device_checkin" ADD CONSTRAINT "FK_1e6c44e7688e63d9c2519a05906" FOREIGN KEY ("received_by_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "device_checkin" ADD CONSTRAINT "FK_8a1d58441331d9ff96e23d839cc" FOREIGN KEY ("assigned_technician_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "device_checkin" ADD CONSTRAINT "FK_9497dd712db8da72f8eb756ff75" FOREIGN KEY ("purpose") REFERENCES "retention_policy"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "quote" ADD CONSTRAINT "FK_ea046f9554774e1ccce0da808e6" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "quote" ADD CONSTRAINT "FK_3cdbd1246aed0bac2d42c7928e7" FOREIGN KEY ("holder_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "quote" ADD CONSTRAINT "FK_9e2a98b6b7c2cd76121dd15e808" FOREIGN KEY ("owner_id") REFERENCES "staff_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "quote" ADD CONSTRAINT "FK_a9fb41ca04816d4151fbae6538d" FOREIGN KEY ("purpose") REFERENCES "retention_policy"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "quote_line" ADD CONSTRAINT "FK_d6a4bcb3ac28d8581efbca837e1" FOREIGN KEY ("quote_id") REFERENCES "quote"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "service_window" ADD CONSTRAINT "FK_e95d657128a47c4bdcc5c4c5459" FOREIGN KEY ("announced_by_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "staff_task" ADD CONSTRAINT "FK_2cb5d13410e7ee4ad7237883caa" FOREIGN KEY ("assignee_id") REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "ticket" ADD CONSTRAINT "FK_9a40df465b0e9ef73b469fb289d" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "ticket" ADD CONSTRAINT "FK_2a3cae8fd60482104d7f09a5894" FOREIGN KEY ("requester_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "ticket" ADD CONSTRAINT "FK_2c91a29fccb8c7dd9644bae9bea" FOREIGN KEY ("assignee_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "ticket" ADD CONSTRAINT "FK_6ef042735db8122286b62e67b2e" FOREIGN KEY ("checkin_id") REFERENCES "device_checkin"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "ticket" ADD CONSTRAINT "FK_b86ac78717c90b582de33ec0f77" FOREIGN KEY ("created_by_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "ticket" ADD CONSTRAINT "FK_76c3870c945d5f9da758ab65b64" FOREIGN KEY ("purpose") REFERENCES "retention_policy"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "ticket_entry" ADD CONSTRAINT "FK_9a765ae7c6f3f036dc2322f7af3" FOREIGN KEY ("ticket_id") REFERENCES "ticket"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "ticket_entry" ADD CONSTRAINT "FK_67b5159904b71e7beebd15ae3a3" FOREIGN KEY ("author_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`CREATE FUNCTION ticket_search_vector(subject text, description text, entries text) RETURNS tsvector LANGUAGE sql IMMUTABLE AS $fn$
  SELECT setweight(to_tsvector('swedish', coalesce(subject, '')), 'A') || setweight(to_tsvector('english', coalesce(subject, '')), 'A')
      || setweight(to_tsvector('swedish', coalesce(description, '')), 'B') || setweight(to_tsvector('english', coalesce(description, '')), 'B')
      || setweight(to_tsvector('swedish', coalesce(entries, '')), 'C') || setweight(to_tsvector('english', coalesce(entries, '')), 'C')
$fn$`);
    await queryRunner.query(`CREATE FUNCTION ticket_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  NEW.search_vector := ticket_search_vector(NEW.subject, NEW.description, (SELECT string_agg(body, ' ' ORDER BY created_at) FROM ticket_entry WHERE ticket_id = NEW.id));
  RETURN NEW;
END
$fn$`);
    await queryRunner.query(`CREATE TRIGGER ticket_search_refresh BEFORE INSERT OR UPDATE OF subject, description ON ticket FOR EACH ROW EXECUTE FUNCTION ticket_search_refresh()`);
    await queryRunner.query(`CREATE FUNCTION ticket_entry_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  target uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.ticket_id ELSE NEW.ticket_id END;
BEGIN
  UPDATE ticket t SET search_vector = ticket_search_vector(t.subject, t.description, (SELECT string_agg(e.body, ' ' ORDER BY e.created_at) FROM ticket_entry e WHERE e.ticket_id = t.id))
   WHERE t.id = target;
  RETURN NULL;
END
$fn$`);
    await queryRunner.query(`CREATE TRIGGER ticket_entry_search_refresh AFTER INSERT OR DELETE OR UPDATE OF body ON ticket_entry FOR EACH ROW EXECUTE FUNCTION ticket_entry_search_refresh()`);
    await queryRunner.query(`CREATE INDEX "ticket_search" ON "ticket" USING gin ("search_vector")`);
    await queryRunner.query(`CREATE INDEX "ticket_active_due" ON "ticket" ("due_at") WHERE status IN ('new', 'open', 'waiting')`);
    await queryRunner.query(`CREATE INDEX "ticket_assignee_active_due" ON "ticket" ("assignee_id", "due_at") WHERE status IN ('new', 'open', 'waiting')`);
    await queryRunner.query(`CREATE INDEX "ticket_subject_fts" ON "ticket" USING gin (tsvector_to_array(to_tsvector('simple', coalesce("subject", '')))) WHERE "subject" <> ''`);
    await queryRunner.query(`CREATE INDEX "ticket_description_fts" ON "ticket" USING gin (tsvector_to_array(to_tsvector('simple', coalesce("description", '')))) WHERE "description" <> ''`);
    await queryRunner.query(`CREATE INDEX "ticket_entry_body_fts" ON "ticket_entry" USING gin (tsvector_to_array(to_tsvector('simple', coalesce("body", '')))) WHERE "body" <> ''`);
    await queryRunner.query(`CREATE INDEX "device_checkin_fault_fts" ON "device_checkin" USING gin (tsvector_to_array(to_tsvector('simple', coalesce("reported_fault", '')))) WHERE "reported_fault" <> ''`);
    await queryRunner.query(`CREATE INDEX "device_checkin_work_fts" ON "device_checkin" USING gin (tsvector_to_array(to_tsvector('simple', coalesce("work_done", '')))) WHERE "work_done" <> ''`);
    await queryRunner.query(`CREATE INDEX "quote_title_fts" ON "quote" USING gin (tsvector_to_array(to_tsvector('simple', coalesce("title", '')))) WHERE "title" <> ''`);
    await queryRunner.query(`INSERT INTO installation_setting (key, value) VALUES ('quotes.technicians_see_prices', 'false')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM installation_setting WHERE key = 'quotes.technicians_see_prices'`);
    for (const table of ['ticket_entry', 'ticket', 'quote_line', 'quote', 'device_checkin', 'staff_task', 'service_window', 'marketing_suppression']) {
      await queryRunner.query(`DROP TABLE "${table}" CASCADE`);
    }
    await queryRunner.query(`DROP FUNCTION ticket_entry_search_refresh()`);
    await queryRunner.query(`DROP FUNCTION ticket_search_refresh()`);
    await queryRunner.query(`DROP FUNCTION ticket_search_vector(text, text, text)`);
    await queryRunner.query(`ALTER TABLE "organisation" DROP COLUMN "dpa_signed_on"`);
  }
}
