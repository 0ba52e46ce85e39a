-- The IT queue at crisis scale (issue 16), part 2: search by trigram index and counts kept by triggers.
--
-- Search: part of "first last" or "last first" (ILIKE '%…%') through one GIN trigram index on
-- "first last first", which contains both orders; lib/triage/queue.ts tests the exact orders after it.
-- pg_trgm ships with PostgreSQL (embedded too) and is a trusted extension since PostgreSQL 13.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "employees_name_trgm_idx" ON "employees" USING gin ((first_name || ' ' || last_name || ' ' || first_name) gin_trgm_ops);
--> statement-breakpoint
-- Counts: each change of a ticket's category or status appends +1 for its new pair and −1 for its
-- old one to ticket_tallies, in the same transaction; lib/triage/counts.ts sums and folds them.
-- Appends only: no counter row is locked, so no writer waits for another one's commit.
CREATE OR REPLACE FUNCTION ticket_tallies_inserted() RETURNS trigger AS $$
BEGIN
  INSERT INTO ticket_tallies (category, status, n) SELECT category, status, count(*) FROM new_rows GROUP BY category, status;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ticket_tallies_deleted() RETURNS trigger AS $$
BEGIN
  INSERT INTO ticket_tallies (category, status, n) SELECT category, status, -count(*) FROM old_rows GROUP BY category, status;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ticket_tallies_updated() RETURNS trigger AS $$
BEGIN
  INSERT INTO ticket_tallies (category, status, n) VALUES (OLD.category, OLD.status, -1), (NEW.category, NEW.status, 1);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ticket_tallies_truncated() RETURNS trigger AS $$
BEGIN
  DELETE FROM ticket_tallies;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Inserts and deletes per statement (a bulk insert appends one row per pair, not per ticket);
-- updates per row, and only when the pair changes: a reply or a claim that keeps both costs nothing.
CREATE TRIGGER ticket_tallies_on_insert AFTER INSERT ON tickets
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ticket_tallies_inserted();
--> statement-breakpoint
CREATE TRIGGER ticket_tallies_on_delete AFTER DELETE ON tickets
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ticket_tallies_deleted();
--> statement-breakpoint
CREATE TRIGGER ticket_tallies_on_update AFTER UPDATE OF category, status ON tickets
  FOR EACH ROW WHEN (OLD.category IS DISTINCT FROM NEW.category OR OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION ticket_tallies_updated();
--> statement-breakpoint
CREATE TRIGGER ticket_tallies_on_truncate AFTER TRUNCATE ON tickets
  FOR EACH STATEMENT EXECUTE FUNCTION ticket_tallies_truncated();
--> statement-breakpoint
-- The tickets already there, counted once; the triggers keep the sums from here on.
INSERT INTO ticket_tallies (category, status, n) SELECT category, status, count(*) FROM tickets GROUP BY category, status;
