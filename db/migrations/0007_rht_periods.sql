CREATE TYPE "public"."rht_period_status" AS ENUM('approved', 'locked');--> statement-breakpoint
CREATE TABLE "rht_periods" (
	"org_unit_id" uuid NOT NULL,
	"month" date NOT NULL,
	"status" "rht_period_status" NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"locked_by" uuid,
	"locked_at" timestamp with time zone,
	"settings" jsonb,
	"unit_figures" jsonb,
	CONSTRAINT "rht_periods_org_unit_id_month_pk" PRIMARY KEY("org_unit_id","month")
);
--> statement-breakpoint
CREATE TABLE "timesheet_versions" (
	"employee_id" uuid NOT NULL,
	"month" date NOT NULL,
	"version" integer NOT NULL,
	"days" jsonb NOT NULL,
	"figures" jsonb NOT NULL,
	"reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "timesheet_versions_employee_id_month_version_pk" PRIMARY KEY("employee_id","month","version")
);
--> statement-breakpoint
ALTER TABLE "employees" ADD COLUMN "avs_monthly_wage_cents" integer;--> statement-breakpoint
ALTER TABLE "employees" ADD COLUMN "notice_given" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "employees" ADD COLUMN "employed_from" date;--> statement-breakpoint
ALTER TABLE "employees" ADD COLUMN "employed_until" date;--> statement-breakpoint
ALTER TABLE "timesheet_months" ADD COLUMN "figures" jsonb;--> statement-breakpoint
ALTER TABLE "timesheet_months" ADD COLUMN "version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "rht_periods" ADD CONSTRAINT "rht_periods_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rht_periods" ADD CONSTRAINT "rht_periods_approved_by_employees_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rht_periods" ADD CONSTRAINT "rht_periods_locked_by_employees_id_fk" FOREIGN KEY ("locked_by") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timesheet_versions" ADD CONSTRAINT "timesheet_versions_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timesheet_versions" ADD CONSTRAINT "timesheet_versions_created_by_employees_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_avs_wage_check" CHECK ("employees"."avs_monthly_wage_cents" >= 0);