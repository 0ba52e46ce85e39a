CREATE TYPE "public"."timesheet_month_status" AS ENUM('draft', 'submitted', 'approved', 'locked');--> statement-breakpoint
CREATE TABLE "public_holidays" (
	"canton" text NOT NULL,
	"day" date NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "public_holidays_canton_day_pk" PRIMARY KEY("canton","day")
);
--> statement-breakpoint
CREATE TABLE "timesheet_days" (
	"employee_id" uuid NOT NULL,
	"day" date NOT NULL,
	"planned_minutes" integer NOT NULL,
	"worked_minutes" integer DEFAULT 0 NOT NULL,
	"absences" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"overtime_marked" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "timesheet_days_employee_id_day_pk" PRIMARY KEY("employee_id","day"),
	CONSTRAINT "timesheet_days_bounds" CHECK ("timesheet_days"."planned_minutes" between 0 and 1440 and "timesheet_days"."worked_minutes" between 0 and 1440)
);
--> statement-breakpoint
CREATE TABLE "timesheet_months" (
	"employee_id" uuid NOT NULL,
	"month" date NOT NULL,
	"status" timesheet_month_status DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "timesheet_months_employee_id_month_pk" PRIMARY KEY("employee_id","month")
);
--> statement-breakpoint
ALTER TABLE "timesheet_days" ADD CONSTRAINT "timesheet_days_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timesheet_months" ADD CONSTRAINT "timesheet_months_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "timesheet_months_month_idx" ON "timesheet_months" USING btree ("month","status");