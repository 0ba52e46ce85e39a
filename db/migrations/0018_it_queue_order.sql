CREATE TABLE "ticket_tallies" (
	"category" "ticket_category" NOT NULL,
	"status" "ticket_status" NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
DROP INDEX "tickets_queue_idx";--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "queue_rank" smallint GENERATED ALWAYS AS (case priority when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "tickets_queue_open_idx" ON "tickets" USING btree ("queue_rank","sla_due_at","number") WHERE status not in ('resolved', 'closed');--> statement-breakpoint
CREATE INDEX "tickets_queue_status_idx" ON "tickets" USING btree ("status","queue_rank","sla_due_at","number");--> statement-breakpoint
CREATE INDEX "tickets_queue_category_idx" ON "tickets" USING btree ("category","queue_rank","sla_due_at","number") WHERE status not in ('resolved', 'closed');--> statement-breakpoint
CREATE INDEX "tickets_queue_assignee_idx" ON "tickets" USING btree ("assignee_employee_id","queue_rank","sla_due_at","number") WHERE status not in ('resolved', 'closed');--> statement-breakpoint
CREATE INDEX "tickets_overdue_idx" ON "tickets" USING btree ("sla_due_at") WHERE status in ('new', 'in_progress');