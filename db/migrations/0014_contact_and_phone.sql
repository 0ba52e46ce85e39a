ALTER TABLE "employees" ADD COLUMN "contact_email" text;--> statement-breakpoint
ALTER TABLE "employees" ADD COLUMN "contact_email_chosen_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "employees" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "contact_phone" text;