-- Employees bump their units' RHT generation (0016) once per statement instead of once per row:
-- a roster import of 15,000 people updated the same few generation rows 15,000 times (and the
-- crisis seed's company spent seconds there). Same columns as before: a sign-in or a contact
-- choice changes nothing; a move bumps both units. Deleting employees bumps their units too.
DROP TRIGGER employees_rht_insert ON employees;
--> statement-breakpoint
DROP TRIGGER employees_rht_update ON employees;
--> statement-breakpoint
DROP FUNCTION rht_bump_by_employee();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION rht_bump_by_employees() RETURNS trigger AS $$
BEGIN
  -- Separate queries: a trigger knows only the transition tables of its own event.
  IF TG_OP = 'INSERT' THEN
    PERFORM rht_bump(array(SELECT DISTINCT org_unit_id::text FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM rht_bump(array(SELECT DISTINCT org_unit_id::text FROM old_rows));
  ELSE
    PERFORM rht_bump(array(
      SELECT DISTINCT u FROM old_rows o JOIN new_rows n ON n.id = o.id
       CROSS JOIN LATERAL unnest(ARRAY[o.org_unit_id::text, n.org_unit_id::text]) AS u
       WHERE (o.org_unit_id, o.number, o.first_name, o.last_name, o.site_id, o.contract_type, o.employment_rate, o.weekly_minutes,
              o.notice_given, o.employed_from, o.employed_until, o.active)
             IS DISTINCT FROM
             (n.org_unit_id, n.number, n.first_name, n.last_name, n.site_id, n.contract_type, n.employment_rate, n.weekly_minutes,
              n.notice_given, n.employed_from, n.employed_until, n.active)));
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER employees_rht_insert AFTER INSERT ON employees REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rht_bump_by_employees();
--> statement-breakpoint
CREATE TRIGGER employees_rht_update AFTER UPDATE ON employees REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rht_bump_by_employees();
--> statement-breakpoint
CREATE TRIGGER employees_rht_delete AFTER DELETE ON employees REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rht_bump_by_employees();
