CREATE TABLE "rht_generations" (
	"scope" text PRIMARY KEY NOT NULL,
	"generation" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rht_overtime_openings" (
	"employee_id" uuid PRIMARY KEY NOT NULL,
	"month" date NOT NULL,
	"minutes" integer NOT NULL,
	"imported_by" uuid,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rht_overtime_openings_bounds" CHECK ("rht_overtime_openings"."minutes" between -100000 and 100000)
);
--> statement-breakpoint
CREATE TABLE "rht_unit_months" (
	"org_unit_id" uuid NOT NULL,
	"month" date NOT NULL,
	"generation" integer NOT NULL,
	"review" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rht_unit_months_org_unit_id_month_pk" PRIMARY KEY("org_unit_id","month")
);
--> statement-breakpoint
ALTER TABLE "org_units" ADD COLUMN "rht_authorized_from" date;--> statement-breakpoint
ALTER TABLE "org_units" ADD COLUMN "rht_authorized_until" date;--> statement-breakpoint
ALTER TABLE "timesheet_months" ADD COLUMN "imported_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "rht_overtime_openings" ADD CONSTRAINT "rht_overtime_openings_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rht_overtime_openings" ADD CONSTRAINT "rht_overtime_openings_imported_by_employees_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rht_unit_months" ADD CONSTRAINT "rht_unit_months_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Exact invalidation of the cached unit months (rht_unit_months): every write to a row the
-- figures read bumps the generation of the units it touches (or of 'all') in the same
-- transaction. Bumps are taken in scope order so two writers never wait on each other crosswise.
CREATE OR REPLACE FUNCTION rht_bump(scopes text[]) RETURNS void AS $$
BEGIN
  INSERT INTO rht_generations (scope, generation)
  SELECT s, 1 FROM (SELECT DISTINCT unnest(scopes) AS s) x WHERE s IS NOT NULL ORDER BY s
  ON CONFLICT (scope) DO UPDATE SET generation = rht_generations.generation + 1;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION rht_bump_by_employee_rows() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM rht_bump(array(SELECT DISTINCT e.org_unit_id::text FROM new_rows n JOIN employees e ON e.id = n.employee_id));
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM rht_bump(array(SELECT DISTINCT e.org_unit_id::text FROM old_rows o JOIN employees e ON e.id = o.employee_id));
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER timesheet_days_rht_insert AFTER INSERT ON timesheet_days REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rht_bump_by_employee_rows();
--> statement-breakpoint
CREATE TRIGGER timesheet_days_rht_update AFTER UPDATE ON timesheet_days REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rht_bump_by_employee_rows();
--> statement-breakpoint
CREATE TRIGGER timesheet_days_rht_delete AFTER DELETE ON timesheet_days REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rht_bump_by_employee_rows();
--> statement-breakpoint
CREATE TRIGGER timesheet_months_rht_insert AFTER INSERT ON timesheet_months REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rht_bump_by_employee_rows();
--> statement-breakpoint
CREATE TRIGGER timesheet_months_rht_update AFTER UPDATE ON timesheet_months REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rht_bump_by_employee_rows();
--> statement-breakpoint
CREATE TRIGGER timesheet_months_rht_delete AFTER DELETE ON timesheet_months REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rht_bump_by_employee_rows();
--> statement-breakpoint
CREATE TRIGGER rht_openings_rht_insert AFTER INSERT ON rht_overtime_openings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rht_bump_by_employee_rows();
--> statement-breakpoint
CREATE TRIGGER rht_openings_rht_update AFTER UPDATE ON rht_overtime_openings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rht_bump_by_employee_rows();
--> statement-breakpoint
CREATE TRIGGER rht_openings_rht_delete AFTER DELETE ON rht_overtime_openings REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rht_bump_by_employee_rows();
--> statement-breakpoint
-- Employees: only the columns the month reads (a sign-in or a contact choice changes nothing).
CREATE OR REPLACE FUNCTION rht_bump_by_employee() RETURNS trigger AS $$
BEGIN
  PERFORM rht_bump(ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN OLD.org_unit_id::text END, CASE WHEN TG_OP <> 'DELETE' THEN NEW.org_unit_id::text END]);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER employees_rht_insert AFTER INSERT ON employees FOR EACH ROW EXECUTE FUNCTION rht_bump_by_employee();
--> statement-breakpoint
CREATE TRIGGER employees_rht_update AFTER UPDATE ON employees FOR EACH ROW
  WHEN ((OLD.org_unit_id, OLD.number, OLD.first_name, OLD.last_name, OLD.site_id, OLD.contract_type, OLD.employment_rate, OLD.weekly_minutes,
         OLD.notice_given, OLD.employed_from, OLD.employed_until, OLD.active)
        IS DISTINCT FROM
        (NEW.org_unit_id, NEW.number, NEW.first_name, NEW.last_name, NEW.site_id, NEW.contract_type, NEW.employment_rate, NEW.weekly_minutes,
         NEW.notice_given, NEW.employed_from, NEW.employed_until, NEW.active))
  EXECUTE FUNCTION rht_bump_by_employee();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION rht_bump_by_unit() RETURNS trigger AS $$
BEGIN
  PERFORM rht_bump(ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN OLD.org_unit_id::text END, CASE WHEN TG_OP <> 'DELETE' THEN NEW.org_unit_id::text END]);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER rht_periods_rht AFTER INSERT OR UPDATE OR DELETE ON rht_periods FOR EACH ROW EXECUTE FUNCTION rht_bump_by_unit();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION rht_bump_by_org_unit() RETURNS trigger AS $$
BEGIN
  PERFORM rht_bump(ARRAY[NEW.id::text]);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER org_units_rht AFTER UPDATE ON org_units FOR EACH ROW
  WHEN ((OLD.name, OLD.rht_authorized_from, OLD.rht_authorized_until) IS DISTINCT FROM (NEW.name, NEW.rht_authorized_from, NEW.rht_authorized_until))
  EXECUTE FUNCTION rht_bump_by_org_unit();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION rht_bump_all() RETURNS trigger AS $$
BEGIN
  PERFORM rht_bump(ARRAY['all']);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER public_holidays_rht AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON public_holidays FOR EACH STATEMENT EXECUTE FUNCTION rht_bump_all();
--> statement-breakpoint
CREATE TRIGGER sites_rht AFTER UPDATE ON sites FOR EACH ROW WHEN (OLD.canton IS DISTINCT FROM NEW.canton) EXECUTE FUNCTION rht_bump_all();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION rht_bump_settings() RETURNS trigger AS $$
BEGIN
  IF (CASE WHEN TG_OP = 'DELETE' THEN OLD.key ELSE NEW.key END) = 'rht' THEN
    PERFORM rht_bump(ARRAY['all']);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER settings_rht AFTER INSERT OR UPDATE OR DELETE ON settings FOR EACH ROW EXECUTE FUNCTION rht_bump_settings();
