CREATE TABLE "admin_funnel_counts" (
	"site_id" uuid,
	"org_unit_id" uuid,
	"level" smallint NOT NULL,
	"people" integer NOT NULL,
	CONSTRAINT "admin_funnel_counts_key" UNIQUE NULLS NOT DISTINCT("site_id","org_unit_id","level")
);
--> statement-breakpoint
CREATE TABLE "admin_funnel_dirty" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"employee_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "admin_funnel_people" (
	"employee_id" uuid PRIMARY KEY NOT NULL,
	"site_id" uuid,
	"org_unit_id" uuid,
	"level" smallint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "admin_rollup_deltas" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"figure" text NOT NULL,
	"k1" text,
	"k2" text,
	"at" timestamp with time zone NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "admin_rollups" (
	"figure" text NOT NULL,
	"k1" text,
	"k2" text,
	"at" timestamp with time zone NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "admin_rollups_key" UNIQUE NULLS NOT DISTINCT("figure","k1","k2","at")
);
--> statement-breakpoint
CREATE INDEX "admin_rollups_figure_at_idx" ON "admin_rollups" USING btree ("figure","at");--> statement-breakpoint
CREATE INDEX "admin_rollups_zero_idx" ON "admin_rollups" USING btree ("figure") WHERE "admin_rollups"."n" = 0;--> statement-breakpoint
CREATE INDEX "outbox_dead_idx" ON "outbox" USING btree ("id") WHERE "outbox"."status" = 'dead';--> statement-breakpoint
CREATE INDEX "outbox_sent_idx" ON "outbox" USING btree ("sent_at") WHERE "outbox"."status" = 'sent';--> statement-breakpoint
-- The crisis dashboard's figures, derived once (lib/admin/rollups.ts). Triggers append, in the
-- writing transaction, either the change of a count (admin_rollup_deltas: figures read from one
-- row, so a row's old and new values say exactly how the count moves) or a mark that a person's
-- funnel step must be looked at again (admin_funnel_dirty: the step reads six tables). Appends
-- only: no writer ever waits on a counter row another writer holds. Inserts and deletes are
-- handled per statement (bulk imports and purges write one row per key), updates per row and
-- only when a column the figures read changed.
CREATE OR REPLACE FUNCTION admin_zurich_day(t timestamptz) RETURNS timestamptz AS $$
  SELECT ((t AT TIME ZONE 'Europe/Zurich')::date::timestamp AT TIME ZONE 'Europe/Zurich')
$$ LANGUAGE sql STABLE;
--> statement-breakpoint
-- The burn-down's events of one allocation: when it joined the queue, when it left it (reserved
-- or released; never before it joined), and when it was activated (if not before the day it asked).
CREATE OR REPLACE FUNCTION admin_allocation_events(kind pool_kind, requested_at timestamptz, reserved_at timestamptz, released_at timestamptz)
RETURNS TABLE (figure text, k1 text, at timestamptz) AS $$
  SELECT x.figure, kind::text, x.at FROM (VALUES
      ('queue_in', admin_zurich_day(requested_at)),
      ('queue_out', CASE WHEN least(reserved_at, released_at) IS NOT NULL THEN admin_zurich_day(greatest(least(reserved_at, released_at), requested_at)) END),
      ('activated', CASE WHEN admin_zurich_day(reserved_at) >= admin_zurich_day(requested_at) THEN admin_zurich_day(reserved_at) END)) x (figure, at)
   WHERE kind IN ('laptop', 'vdi_seat', 'router_4g') AND x.at IS NOT NULL
$$ LANGUAGE sql STABLE;
--> statement-breakpoint
-- An open ticket counts in its category at the hour it was created.
CREATE OR REPLACE FUNCTION admin_ticket_events(status ticket_status, category ticket_category, created_at timestamptz)
RETURNS TABLE (figure text, k1 text, k2 text, at timestamptz) AS $$
  SELECT 'tickets_open', category::text, NULL::text, date_trunc('hour', created_at, 'UTC') WHERE status NOT IN ('resolved', 'closed')
$$ LANGUAGE sql IMMUTABLE;
--> statement-breakpoint
-- A completed connection test that could judge UDP counts for its provider and verdict at the hour it started.
CREATE OR REPLACE FUNCTION admin_test_events(status connectivity_test_status, isp text, verdict connectivity_verdict, started_at timestamptz)
RETURNS TABLE (figure text, k1 text, k2 text, at timestamptz) AS $$
  SELECT 'isp_tests', isp, verdict::text, date_trunc('hour', started_at, 'UTC') WHERE status = 'completed' AND verdict <> 'udp_untested'
$$ LANGUAGE sql IMMUTABLE;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION admin_deltas_by_statement() RETURNS trigger AS $$
DECLARE
  sign int := CASE WHEN TG_OP = 'INSERT' THEN 1 ELSE -1 END;
BEGIN
  IF TG_TABLE_NAME = 'users' THEN
    IF TG_OP = 'INSERT' THEN
      INSERT INTO admin_rollup_deltas (figure, at, n) SELECT 'users', 'epoch', sign * count(*) FROM new_rows HAVING count(*) > 0;
    ELSE
      INSERT INTO admin_rollup_deltas (figure, at, n) SELECT 'users', 'epoch', sign * count(*) FROM old_rows HAVING count(*) > 0;
    END IF;
  ELSIF TG_TABLE_NAME = 'tickets' THEN
    IF TG_OP = 'INSERT' THEN
      INSERT INTO admin_rollup_deltas (figure, k1, k2, at, n) SELECT e.figure, e.k1, e.k2, e.at, sign * count(*) FROM new_rows r, admin_ticket_events(r.status, r.category, r.created_at) e GROUP BY 1, 2, 3, 4;
    ELSE
      INSERT INTO admin_rollup_deltas (figure, k1, k2, at, n) SELECT e.figure, e.k1, e.k2, e.at, sign * count(*) FROM old_rows r, admin_ticket_events(r.status, r.category, r.created_at) e GROUP BY 1, 2, 3, 4;
    END IF;
  ELSIF TG_TABLE_NAME = 'connectivity_tests' THEN
    IF TG_OP = 'INSERT' THEN
      INSERT INTO admin_rollup_deltas (figure, k1, k2, at, n) SELECT e.figure, e.k1, e.k2, e.at, sign * count(*) FROM new_rows r, admin_test_events(r.status, r.isp, r.verdict, r.started_at) e GROUP BY 1, 2, 3, 4;
    ELSE
      INSERT INTO admin_rollup_deltas (figure, k1, k2, at, n) SELECT e.figure, e.k1, e.k2, e.at, sign * count(*) FROM old_rows r, admin_test_events(r.status, r.isp, r.verdict, r.started_at) e GROUP BY 1, 2, 3, 4;
    END IF;
  ELSIF TG_TABLE_NAME = 'allocations' THEN
    IF TG_OP = 'INSERT' THEN
      INSERT INTO admin_rollup_deltas (figure, k1, at, n) SELECT e.figure, e.k1, e.at, sign * count(*) FROM new_rows r, admin_allocation_events(r.kind, r.requested_at, r.reserved_at, r.released_at) e GROUP BY 1, 2, 3;
    ELSE
      INSERT INTO admin_rollup_deltas (figure, k1, at, n) SELECT e.figure, e.k1, e.at, sign * count(*) FROM old_rows r, admin_allocation_events(r.kind, r.requested_at, r.reserved_at, r.released_at) e GROUP BY 1, 2, 3;
    END IF;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- An updated row: its old events leave, its new ones come; keys that stay cancel out and are not written.
CREATE OR REPLACE FUNCTION admin_deltas_by_row() RETURNS trigger AS $$
BEGIN
  IF TG_TABLE_NAME = 'tickets' THEN
    INSERT INTO admin_rollup_deltas (figure, k1, k2, at, n)
    SELECT figure, k1, k2, at, sum(n) FROM (
      SELECT e.*, -1 AS n FROM admin_ticket_events(OLD.status, OLD.category, OLD.created_at) e
      UNION ALL SELECT e.*, 1 FROM admin_ticket_events(NEW.status, NEW.category, NEW.created_at) e) x
     GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0;
  ELSIF TG_TABLE_NAME = 'connectivity_tests' THEN
    INSERT INTO admin_rollup_deltas (figure, k1, k2, at, n)
    SELECT figure, k1, k2, at, sum(n) FROM (
      SELECT e.*, -1 AS n FROM admin_test_events(OLD.status, OLD.isp, OLD.verdict, OLD.started_at) e
      UNION ALL SELECT e.*, 1 FROM admin_test_events(NEW.status, NEW.isp, NEW.verdict, NEW.started_at) e) x
     GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0;
  ELSIF TG_TABLE_NAME = 'allocations' THEN
    INSERT INTO admin_rollup_deltas (figure, k1, at, n)
    SELECT figure, k1, at, sum(n) FROM (
      SELECT e.*, -1 AS n FROM admin_allocation_events(OLD.kind, OLD.requested_at, OLD.reserved_at, OLD.released_at) e
      UNION ALL SELECT e.*, 1 FROM admin_allocation_events(NEW.kind, NEW.requested_at, NEW.reserved_at, NEW.released_at) e) x
     GROUP BY 1, 2, 3 HAVING sum(n) <> 0;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Funnel marks: the people whose rows were written.
CREATE OR REPLACE FUNCTION admin_funnel_mark_statement() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF TG_TABLE_NAME = 'employees' THEN
      INSERT INTO admin_funnel_dirty (employee_id) SELECT id FROM new_rows;
    ELSIF TG_TABLE_NAME = 'allocations' THEN
      INSERT INTO admin_funnel_dirty (employee_id) SELECT DISTINCT employee_id FROM new_rows WHERE kind IN ('laptop', 'vdi_seat');
    ELSE
      INSERT INTO admin_funnel_dirty (employee_id) SELECT DISTINCT employee_id FROM new_rows;
    END IF;
  ELSE
    IF TG_TABLE_NAME = 'employees' THEN
      INSERT INTO admin_funnel_dirty (employee_id) SELECT id FROM old_rows;
    ELSIF TG_TABLE_NAME = 'allocations' THEN
      INSERT INTO admin_funnel_dirty (employee_id) SELECT DISTINCT employee_id FROM old_rows WHERE kind IN ('laptop', 'vdi_seat');
    ELSE
      INSERT INTO admin_funnel_dirty (employee_id) SELECT DISTINCT employee_id FROM old_rows;
    END IF;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION admin_funnel_mark_row() RETURNS trigger AS $$
BEGIN
  IF TG_TABLE_NAME = 'employees' THEN
    INSERT INTO admin_funnel_dirty (employee_id) VALUES (NEW.id);
  ELSE
    INSERT INTO admin_funnel_dirty (employee_id) SELECT DISTINCT x FROM (VALUES (OLD.employee_id), (NEW.employee_id)) v (x);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER users_admin_deltas_insert AFTER INSERT ON users REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION admin_deltas_by_statement();
--> statement-breakpoint
CREATE TRIGGER users_admin_deltas_delete AFTER DELETE ON users REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION admin_deltas_by_statement();
--> statement-breakpoint
CREATE TRIGGER tickets_admin_deltas_insert AFTER INSERT ON tickets REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION admin_deltas_by_statement();
--> statement-breakpoint
CREATE TRIGGER tickets_admin_deltas_delete AFTER DELETE ON tickets REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION admin_deltas_by_statement();
--> statement-breakpoint
CREATE TRIGGER tickets_admin_deltas_update AFTER UPDATE ON tickets FOR EACH ROW
  WHEN ((OLD.status, OLD.category, OLD.created_at) IS DISTINCT FROM (NEW.status, NEW.category, NEW.created_at)) EXECUTE FUNCTION admin_deltas_by_row();
--> statement-breakpoint
CREATE TRIGGER connectivity_tests_admin_deltas_insert AFTER INSERT ON connectivity_tests REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION admin_deltas_by_statement();
--> statement-breakpoint
CREATE TRIGGER connectivity_tests_admin_deltas_delete AFTER DELETE ON connectivity_tests REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION admin_deltas_by_statement();
--> statement-breakpoint
CREATE TRIGGER connectivity_tests_admin_deltas_update AFTER UPDATE ON connectivity_tests FOR EACH ROW
  WHEN ((OLD.status, OLD.isp, OLD.verdict, OLD.started_at) IS DISTINCT FROM (NEW.status, NEW.isp, NEW.verdict, NEW.started_at)) EXECUTE FUNCTION admin_deltas_by_row();
--> statement-breakpoint
CREATE TRIGGER allocations_admin_deltas_insert AFTER INSERT ON allocations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION admin_deltas_by_statement();
--> statement-breakpoint
CREATE TRIGGER allocations_admin_deltas_delete AFTER DELETE ON allocations REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION admin_deltas_by_statement();
--> statement-breakpoint
CREATE TRIGGER allocations_admin_deltas_update AFTER UPDATE ON allocations FOR EACH ROW
  WHEN ((OLD.kind, OLD.requested_at, OLD.reserved_at, OLD.released_at) IS DISTINCT FROM (NEW.kind, NEW.requested_at, NEW.reserved_at, NEW.released_at)) EXECUTE FUNCTION admin_deltas_by_row();
--> statement-breakpoint
CREATE TRIGGER employees_admin_funnel_insert AFTER INSERT ON employees REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION admin_funnel_mark_statement();
--> statement-breakpoint
CREATE TRIGGER employees_admin_funnel_delete AFTER DELETE ON employees REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION admin_funnel_mark_statement();
--> statement-breakpoint
CREATE TRIGGER employees_admin_funnel_update AFTER UPDATE ON employees FOR EACH ROW
  WHEN ((OLD.active, OLD.site_id, OLD.org_unit_id) IS DISTINCT FROM (NEW.active, NEW.site_id, NEW.org_unit_id)) EXECUTE FUNCTION admin_funnel_mark_row();
--> statement-breakpoint
CREATE TRIGGER users_admin_funnel_insert AFTER INSERT ON users REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION admin_funnel_mark_statement();
--> statement-breakpoint
CREATE TRIGGER users_admin_funnel_delete AFTER DELETE ON users REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION admin_funnel_mark_statement();
--> statement-breakpoint
CREATE TRIGGER users_admin_funnel_update AFTER UPDATE ON users FOR EACH ROW
  WHEN (OLD.employee_id IS DISTINCT FROM NEW.employee_id) EXECUTE FUNCTION admin_funnel_mark_row();
--> statement-breakpoint
CREATE TRIGGER invitations_admin_funnel_insert AFTER INSERT ON invitations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION admin_funnel_mark_statement();
--> statement-breakpoint
CREATE TRIGGER invitations_admin_funnel_delete AFTER DELETE ON invitations REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION admin_funnel_mark_statement();
--> statement-breakpoint
CREATE TRIGGER invitations_admin_funnel_update AFTER UPDATE ON invitations FOR EACH ROW
  WHEN (OLD.employee_id IS DISTINCT FROM NEW.employee_id) EXECUTE FUNCTION admin_funnel_mark_row();
--> statement-breakpoint
CREATE TRIGGER onboarding_cases_admin_funnel_insert AFTER INSERT ON onboarding_cases REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION admin_funnel_mark_statement();
--> statement-breakpoint
CREATE TRIGGER onboarding_cases_admin_funnel_delete AFTER DELETE ON onboarding_cases REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION admin_funnel_mark_statement();
--> statement-breakpoint
CREATE TRIGGER onboarding_cases_admin_funnel_update AFTER UPDATE ON onboarding_cases FOR EACH ROW
  WHEN ((OLD.employee_id, OLD.eligibility, OLD.connectivity) IS DISTINCT FROM (NEW.employee_id, NEW.eligibility, NEW.connectivity)) EXECUTE FUNCTION admin_funnel_mark_row();
--> statement-breakpoint
CREATE TRIGGER allocations_admin_funnel_insert AFTER INSERT ON allocations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION admin_funnel_mark_statement();
--> statement-breakpoint
CREATE TRIGGER allocations_admin_funnel_delete AFTER DELETE ON allocations REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION admin_funnel_mark_statement();
--> statement-breakpoint
CREATE TRIGGER allocations_admin_funnel_update AFTER UPDATE ON allocations FOR EACH ROW
  WHEN ((OLD.kind IN ('laptop', 'vdi_seat') OR NEW.kind IN ('laptop', 'vdi_seat'))
    AND (OLD.employee_id, OLD.kind, OLD.status) IS DISTINCT FROM (NEW.employee_id, NEW.kind, NEW.status)) EXECUTE FUNCTION admin_funnel_mark_row();
--> statement-breakpoint
CREATE TRIGGER mfa_tokens_admin_funnel_insert AFTER INSERT ON mfa_tokens REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION admin_funnel_mark_statement();
--> statement-breakpoint
CREATE TRIGGER mfa_tokens_admin_funnel_delete AFTER DELETE ON mfa_tokens REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION admin_funnel_mark_statement();
--> statement-breakpoint
CREATE TRIGGER mfa_tokens_admin_funnel_update AFTER UPDATE ON mfa_tokens FOR EACH ROW
  WHEN ((OLD.employee_id, OLD.status = 'active') IS DISTINCT FROM (NEW.employee_id, NEW.status = 'active')) EXECUTE FUNCTION admin_funnel_mark_row();
--> statement-breakpoint
-- A table emptied at once: its figures are gone with it, and everyone's step is looked at again.
CREATE OR REPLACE FUNCTION admin_rollups_truncated() RETURNS trigger AS $$
DECLARE
  figures text[] := CASE TG_TABLE_NAME WHEN 'users' THEN ARRAY['users'] WHEN 'tickets' THEN ARRAY['tickets_open']
    WHEN 'connectivity_tests' THEN ARRAY['isp_tests'] WHEN 'allocations' THEN ARRAY['queue_in', 'queue_out', 'activated'] ELSE ARRAY[]::text[] END;
BEGIN
  DELETE FROM admin_rollups WHERE figure = ANY (figures);
  DELETE FROM admin_rollup_deltas WHERE figure = ANY (figures);
  IF TG_TABLE_NAME IN ('employees', 'users', 'invitations', 'onboarding_cases', 'allocations', 'mfa_tokens') THEN
    INSERT INTO admin_funnel_dirty (employee_id) SELECT employee_id FROM admin_funnel_people;
    INSERT INTO admin_funnel_dirty (employee_id) SELECT id FROM employees;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER users_admin_rollups_truncate AFTER TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION admin_rollups_truncated();
--> statement-breakpoint
CREATE TRIGGER tickets_admin_rollups_truncate AFTER TRUNCATE ON tickets FOR EACH STATEMENT EXECUTE FUNCTION admin_rollups_truncated();
--> statement-breakpoint
CREATE TRIGGER connectivity_tests_admin_rollups_truncate AFTER TRUNCATE ON connectivity_tests FOR EACH STATEMENT EXECUTE FUNCTION admin_rollups_truncated();
--> statement-breakpoint
CREATE TRIGGER allocations_admin_rollups_truncate AFTER TRUNCATE ON allocations FOR EACH STATEMENT EXECUTE FUNCTION admin_rollups_truncated();
--> statement-breakpoint
CREATE TRIGGER employees_admin_rollups_truncate AFTER TRUNCATE ON employees FOR EACH STATEMENT EXECUTE FUNCTION admin_rollups_truncated();
--> statement-breakpoint
CREATE TRIGGER invitations_admin_rollups_truncate AFTER TRUNCATE ON invitations FOR EACH STATEMENT EXECUTE FUNCTION admin_rollups_truncated();
--> statement-breakpoint
CREATE TRIGGER onboarding_cases_admin_rollups_truncate AFTER TRUNCATE ON onboarding_cases FOR EACH STATEMENT EXECUTE FUNCTION admin_rollups_truncated();
--> statement-breakpoint
CREATE TRIGGER mfa_tokens_admin_rollups_truncate AFTER TRUNCATE ON mfa_tokens FOR EACH STATEMENT EXECUTE FUNCTION admin_rollups_truncated();
--> statement-breakpoint
-- What is already there: counted once here, and every person marked for the first fold.
INSERT INTO admin_rollups (figure, k1, k2, at, n)
SELECT 'users', NULL, NULL, 'epoch', count(*) FROM users HAVING count(*) > 0
UNION ALL
SELECT e.figure, e.k1, e.k2, e.at, count(*) FROM tickets r, admin_ticket_events(r.status, r.category, r.created_at) e GROUP BY 1, 2, 3, 4
UNION ALL
SELECT e.figure, e.k1, e.k2, e.at, count(*) FROM connectivity_tests r, admin_test_events(r.status, r.isp, r.verdict, r.started_at) e GROUP BY 1, 2, 3, 4
UNION ALL
SELECT e.figure, e.k1, NULL, e.at, count(*) FROM allocations r, admin_allocation_events(r.kind, r.requested_at, r.reserved_at, r.released_at) e GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO admin_funnel_dirty (employee_id) SELECT id FROM employees;
