-- The IT queue at crisis scale (issue 16), part 3: its site and unit filters in index order.
-- Tickets carry a copy of their person's site and unit, kept by triggers in the writing
-- transaction, so "site = X" reads tickets_queue_site_idx in the queue's order and stops at its page.
ALTER TABLE "tickets" ADD COLUMN "site_id" uuid;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "org_unit_id" uuid;--> statement-breakpoint
UPDATE "tickets" t SET "site_id" = e."site_id", "org_unit_id" = e."org_unit_id" FROM "employees" e WHERE e."id" = t."employee_id";--> statement-breakpoint
CREATE INDEX "tickets_queue_site_idx" ON "tickets" USING btree ("site_id","queue_rank","sla_due_at","number") WHERE status not in ('resolved', 'closed');--> statement-breakpoint
CREATE INDEX "tickets_queue_org_unit_idx" ON "tickets" USING btree ("org_unit_id","queue_rank","sla_due_at","number") WHERE status not in ('resolved', 'closed');--> statement-breakpoint
-- A new ticket (or one moved to another person) takes the person's site and unit as they are now.
CREATE OR REPLACE FUNCTION tickets_copy_person_place() RETURNS trigger AS $$
BEGIN
  SELECT e.site_id, e.org_unit_id INTO NEW.site_id, NEW.org_unit_id FROM employees e WHERE e.id = NEW.employee_id;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER tickets_person_place BEFORE INSERT OR UPDATE OF employee_id, site_id, org_unit_id ON tickets
  FOR EACH ROW EXECUTE FUNCTION tickets_copy_person_place();
--> statement-breakpoint
-- The roster moves a person: their tickets follow (every status, so resolved ones filter the same way).
CREATE OR REPLACE FUNCTION employees_move_ticket_place() RETURNS trigger AS $$
BEGIN
  UPDATE tickets SET site_id = NEW.site_id, org_unit_id = NEW.org_unit_id WHERE employee_id = NEW.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER employees_ticket_place AFTER UPDATE OF site_id, org_unit_id ON employees
  FOR EACH ROW WHEN (OLD.site_id IS DISTINCT FROM NEW.site_id OR OLD.org_unit_id IS DISTINCT FROM NEW.org_unit_id)
  EXECUTE FUNCTION employees_move_ticket_place();
