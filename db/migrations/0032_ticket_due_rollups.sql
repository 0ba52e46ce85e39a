-- The IT queue's and HR's overdue counts, kept like the dashboard's figures (0021): each ticket waiting
-- for IT (new, in progress) counts in the hour its due time falls in (UTC), and so does each open
-- eligibility review, appended to admin_rollup_deltas by the tickets' existing triggers, folded by
-- the worker. Readers take the hours before this one from the rollups and the tickets due within
-- this hour from the partial indexes on sla_due_at (lib/triage/counts.ts). Counting from the
-- smaller side of now() read thousands of index entries and their rows on every view at crisis
-- scale (the due times of tickets written lately are on pages not yet all-visible).
CREATE OR REPLACE FUNCTION admin_ticket_events(status ticket_status, category ticket_category, created_at timestamptz, sla_due_at timestamptz)
RETURNS TABLE (figure text, k1 text, k2 text, at timestamptz) AS $$
  SELECT 'tickets_open', category::text, NULL::text, date_trunc('hour', created_at, 'UTC') WHERE status NOT IN ('resolved', 'closed')
  UNION ALL
  SELECT 'tickets_due_queue', NULL::text, NULL::text, date_trunc('hour', sla_due_at, 'UTC') WHERE status IN ('new', 'in_progress')
  UNION ALL
  SELECT 'tickets_due_review', NULL::text, NULL::text, date_trunc('hour', sla_due_at, 'UTC') WHERE category = 'eligibility_review' AND status NOT IN ('resolved', 'closed')
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
      INSERT INTO admin_rollup_deltas (figure, k1, k2, at, n) SELECT e.figure, e.k1, e.k2, e.at, sign * count(*) FROM new_rows r, admin_ticket_events(r.status, r.category, r.created_at, r.sla_due_at) e GROUP BY 1, 2, 3, 4;
    ELSE
      INSERT INTO admin_rollup_deltas (figure, k1, k2, at, n) SELECT e.figure, e.k1, e.k2, e.at, sign * count(*) FROM old_rows r, admin_ticket_events(r.status, r.category, r.created_at, r.sla_due_at) e GROUP BY 1, 2, 3, 4;
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
CREATE OR REPLACE FUNCTION admin_deltas_by_row() RETURNS trigger AS $$
BEGIN
  IF TG_TABLE_NAME = 'tickets' THEN
    INSERT INTO admin_rollup_deltas (figure, k1, k2, at, n)
    SELECT figure, k1, k2, at, sum(n) FROM (
      SELECT e.*, -1 AS n FROM admin_ticket_events(OLD.status, OLD.category, OLD.created_at, OLD.sla_due_at) e
      UNION ALL SELECT e.*, 1 FROM admin_ticket_events(NEW.status, NEW.category, NEW.created_at, NEW.sla_due_at) e) x
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
DROP FUNCTION admin_ticket_events(ticket_status, ticket_category, timestamptz);
--> statement-breakpoint
-- A new due time (an SLA restarted by the person's answer) moves the ticket to another hour.
DROP TRIGGER tickets_admin_deltas_update ON tickets;
--> statement-breakpoint
CREATE TRIGGER tickets_admin_deltas_update AFTER UPDATE ON tickets FOR EACH ROW
  WHEN ((OLD.status, OLD.category, OLD.created_at, OLD.sla_due_at) IS DISTINCT FROM (NEW.status, NEW.category, NEW.created_at, NEW.sla_due_at)) EXECUTE FUNCTION admin_deltas_by_row();
--> statement-breakpoint
-- The tickets already there, in the same transaction as the triggers.
INSERT INTO admin_rollups (figure, k1, k2, at, n)
SELECT e.figure, e.k1, e.k2, e.at, count(*) FROM tickets t, admin_ticket_events(t.status, t.category, t.created_at, t.sla_due_at) e
 WHERE e.figure <> 'tickets_open' GROUP BY 1, 2, 3, 4;
