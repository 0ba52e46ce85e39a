-- Statement triggers that join a transition table with a table (the RHT generations of 0016, the
-- lock guard of 0026) are planned per call. PL/pgSQL keeps a static query's plan per connection,
-- made for the transition table's size at the first call: after a bulk statement (an import, a
-- month's approval) the kept plan hashed the written rows and read all of employees or of
-- timesheet_months, and every later one-day save on that pooled connection paid it (6.6 ms
-- instead of 0.5 ms on the crisis data). EXECUTE plans each call for the rows it has: an index
-- lookup per row for a save, a hash join for a bulk statement. Same queries, same rules.
CREATE OR REPLACE FUNCTION rht_bump_by_employee_rows() RETURNS trigger AS $$
DECLARE
  units text[];
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    EXECUTE 'SELECT array(SELECT DISTINCT e.org_unit_id::text FROM new_rows n JOIN employees e ON e.id = n.employee_id)' INTO units;
    PERFORM rht_bump(units);
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    EXECUTE 'SELECT array(SELECT DISTINCT e.org_unit_id::text FROM old_rows o JOIN employees e ON e.id = o.employee_id)' INTO units;
    PERFORM rht_bump(units);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION timesheet_days_lock_guard_rows() RETURNS trigger AS $$
DECLARE
  locked boolean;
BEGIN
  IF coalesce(current_setting('passerelle.rht_correction', true), '') <> '' THEN
    RETURN NULL;
  END IF;
  -- Separate queries: a trigger knows only the transition tables of its own event.
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    EXECUTE 'SELECT EXISTS (SELECT 1 FROM new_rows n JOIN timesheet_months m
               ON m.employee_id = n.employee_id AND m.month = date_trunc(''month'', n.day)::date AND m.status = ''locked'')' INTO locked;
    IF locked THEN
      RAISE EXCEPTION 'timesheet month is locked (% refused)', TG_OP USING ERRCODE = 'P0001';
    END IF;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    EXECUTE 'SELECT EXISTS (SELECT 1 FROM old_rows o JOIN timesheet_months m
               ON m.employee_id = o.employee_id AND m.month = date_trunc(''month'', o.day)::date AND m.status = ''locked'')' INTO locked;
    IF locked THEN
      RAISE EXCEPTION 'timesheet month is locked (% refused)', TG_OP USING ERRCODE = 'P0001';
    END IF;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
