CREATE TYPE "public"."wave_status" AS ENUM('active', 'paused', 'done');--> statement-breakpoint
CREATE TABLE "invitation_waves" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"site_id" uuid,
	"org_unit_id" uuid,
	"per_day" integer NOT NULL,
	"template" jsonb NOT NULL,
	"status" "wave_status" DEFAULT 'active' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitation_waves_per_day_positive" CHECK ("invitation_waves"."per_day" > 0)
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"employee_id" uuid PRIMARY KEY NOT NULL,
	"wave_id" uuid NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"day" date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "invitation_waves" ADD CONSTRAINT "invitation_waves_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation_waves" ADD CONSTRAINT "invitation_waves_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation_waves" ADD CONSTRAINT "invitation_waves_created_by_employees_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_wave_id_invitation_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."invitation_waves"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invitations_wave_day_idx" ON "invitations" USING btree ("wave_id","day");