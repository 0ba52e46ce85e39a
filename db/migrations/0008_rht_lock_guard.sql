-- A locked month cannot change silently. Days of a locked employee-month can only be
-- written by a correction, which sets passerelle.rht_correction for its transaction
-- (and records a new version with its reason); a locked month never goes back.
CREATE OR REPLACE FUNCTION timesheet_days_lock_guard() RETURNS trigger AS $$
DECLARE
  row_employee uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.employee_id ELSE NEW.employee_id END;
  row_day date := CASE WHEN TG_OP = 'DELETE' THEN OLD.day ELSE NEW.day END;
BEGIN
  IF coalesce(current_setting('passerelle.rht_correction', true), '') = '' AND EXISTS (
    SELECT 1 FROM timesheet_months
     WHERE employee_id = row_employee AND month = date_trunc('month', row_day)::date AND status = 'locked'
  ) THEN
    RAISE EXCEPTION 'timesheet month is locked (% refused)', TG_OP USING ERRCODE = 'P0001';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER timesheet_days_locked
  BEFORE INSERT OR UPDATE OR DELETE ON timesheet_days
  FOR EACH ROW EXECUTE FUNCTION timesheet_days_lock_guard();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION timesheet_months_lock_guard() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD.status = 'locked' THEN
    RAISE EXCEPTION 'a locked timesheet month cannot be deleted' USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.status = 'locked' AND (NEW.status <> 'locked'
      OR (NEW.figures IS DISTINCT FROM OLD.figures AND coalesce(current_setting('passerelle.rht_correction', true), '') = '')) THEN
    RAISE EXCEPTION 'a locked timesheet month cannot change without a correction' USING ERRCODE = 'P0001';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER timesheet_months_locked
  BEFORE UPDATE OR DELETE ON timesheet_months
  FOR EACH ROW EXECUTE FUNCTION timesheet_months_lock_guard();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION timesheet_versions_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'timesheet_versions is append-only (% refused)', TG_OP USING ERRCODE = 'P0001';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER timesheet_versions_append_only
  BEFORE UPDATE OR DELETE ON timesheet_versions
  FOR EACH ROW EXECUTE FUNCTION timesheet_versions_append_only();
