CREATE TYPE "public"."allocation_status" AS ENUM('waiting', 'reserved', 'issued', 'released');--> statement-breakpoint
CREATE TYPE "public"."handover_method" AS ENUM('collect', 'ship');--> statement-breakpoint
CREATE TYPE "public"."pool_kind" AS ENUM('laptop', 'vdi_seat', 'vpn_licence', 'hardware_token', 'router_4g');--> statement-breakpoint
CREATE TYPE "public"."mfa_status" AS ENUM('pending_verification', 'active', 'revoked');--> statement-breakpoint
CREATE TYPE "public"."mfa_type" AS ENUM('totp', 'hardware');--> statement-breakpoint
CREATE TYPE "public"."ticket_category" AS ENUM('eligibility_review', 'token_problem', 'no_connectivity', 'vpn_blocked', 'gateway_unreachable', 'device_problem', 'help_request');--> statement-breakpoint
CREATE TYPE "public"."ticket_priority" AS ENUM('low', 'normal', 'high', 'urgent');--> statement-breakpoint
CREATE TYPE "public"."ticket_status" AS ENUM('new', 'in_progress', 'waiting_for_employee', 'resolved', 'closed');--> statement-breakpoint
CREATE TABLE "eligibility_rule_sets" (
	"id" serial PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"rules" jsonb NOT NULL,
	"active" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "eligibility_rule_sets_version_unique" UNIQUE("version")
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activation_days" (
	"pool_id" uuid NOT NULL,
	"day" date NOT NULL,
	"used" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "activation_days_pool_id_day_pk" PRIMARY KEY("pool_id","day"),
	CONSTRAINT "activation_days_used_positive" CHECK ("activation_days"."used" >= 0)
);
--> statement-breakpoint
CREATE TABLE "allocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employee_id" uuid NOT NULL,
	"pool_id" uuid NOT NULL,
	"kind" "pool_kind" NOT NULL,
	"status" "allocation_status" NOT NULL,
	"queue_seq" bigserial NOT NULL,
	"priority" integer DEFAULT 0 NOT NULL,
	"parent_id" uuid,
	"wave_day" date,
	"handover_method" "handover_method",
	"collection_slot_id" uuid,
	"shipping_address" jsonb,
	"release_reason" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reserved_at" timestamp with time zone,
	"issued_at" timestamp with time zone,
	"released_at" timestamp with time zone,
	CONSTRAINT "allocations_handover_consistent" CHECK (("allocations"."handover_method" is null) or ("allocations"."handover_method" = 'collect' and "allocations"."collection_slot_id" is not null) or ("allocations"."handover_method" = 'ship' and "allocations"."shipping_address" is not null))
);
--> statement-breakpoint
CREATE TABLE "collection_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"booked" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "collection_slots_booked_within_capacity" CHECK ("collection_slots"."booked" >= 0 and "collection_slots"."booked" <= "collection_slots"."capacity")
);
--> statement-breakpoint
CREATE TABLE "resource_pools" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "pool_kind" NOT NULL,
	"capacity" integer NOT NULL,
	"in_use" integer DEFAULT 0 NOT NULL,
	"daily_activation_limit" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_pools_kind_unique" UNIQUE("kind"),
	CONSTRAINT "resource_pools_in_use_within_capacity" CHECK ("resource_pools"."in_use" >= 0 and "resource_pools"."in_use" <= "resource_pools"."capacity"),
	CONSTRAINT "resource_pools_daily_limit_positive" CHECK ("resource_pools"."daily_activation_limit" is null or "resource_pools"."daily_activation_limit" > 0)
);
--> statement-breakpoint
CREATE TABLE "hardware_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"serial" text NOT NULL,
	"secret_enc" text NOT NULL,
	"assigned_employee_id" uuid,
	"assigned_at" timestamp with time zone,
	CONSTRAINT "hardware_tokens_serial_unique" UNIQUE("serial")
);
--> statement-breakpoint
CREATE TABLE "mfa_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employee_id" uuid NOT NULL,
	"type" "mfa_type" NOT NULL,
	"status" "mfa_status" NOT NULL,
	"secret_enc" text,
	"hardware_token_id" uuid,
	"last_used_step" bigint,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"activated_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "recovery_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employee_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "recovery_codes_code_hash_unique" UNIQUE("code_hash")
);
--> statement-breakpoint
CREATE TABLE "ticket_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ticket_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_employee_id" uuid,
	"kind" text NOT NULL,
	"public" boolean DEFAULT false NOT NULL,
	"body" text,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" bigserial NOT NULL,
	"employee_id" uuid NOT NULL,
	"category" "ticket_category" NOT NULL,
	"status" "ticket_status" DEFAULT 'new' NOT NULL,
	"priority" "ticket_priority" DEFAULT 'normal' NOT NULL,
	"summary" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"assignee_employee_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "tickets_number_unique" UNIQUE("number")
);
--> statement-breakpoint
ALTER TABLE "onboarding_cases" ADD COLUMN "eligibility_answers" jsonb;--> statement-breakpoint
ALTER TABLE "onboarding_cases" ADD COLUMN "eligibility_rule_id" text;--> statement-breakpoint
ALTER TABLE "onboarding_cases" ADD COLUMN "eligibility_reason" jsonb;--> statement-breakpoint
ALTER TABLE "onboarding_cases" ADD COLUMN "eligibility_rules_version" integer;--> statement-breakpoint
ALTER TABLE "onboarding_cases" ADD COLUMN "eligibility_decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "eligibility_rule_sets" ADD CONSTRAINT "eligibility_rule_sets_created_by_employees_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activation_days" ADD CONSTRAINT "activation_days_pool_id_resource_pools_id_fk" FOREIGN KEY ("pool_id") REFERENCES "public"."resource_pools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_pool_id_resource_pools_id_fk" FOREIGN KEY ("pool_id") REFERENCES "public"."resource_pools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_parent_id_allocations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."allocations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_collection_slot_id_collection_slots_id_fk" FOREIGN KEY ("collection_slot_id") REFERENCES "public"."collection_slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_slots" ADD CONSTRAINT "collection_slots_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardware_tokens" ADD CONSTRAINT "hardware_tokens_assigned_employee_id_employees_id_fk" FOREIGN KEY ("assigned_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mfa_tokens" ADD CONSTRAINT "mfa_tokens_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mfa_tokens" ADD CONSTRAINT "mfa_tokens_hardware_token_id_hardware_tokens_id_fk" FOREIGN KEY ("hardware_token_id") REFERENCES "public"."hardware_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_codes" ADD CONSTRAINT "recovery_codes_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_actor_employee_id_employees_id_fk" FOREIGN KEY ("actor_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_assignee_employee_id_employees_id_fk" FOREIGN KEY ("assignee_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "eligibility_rule_sets_one_active" ON "eligibility_rule_sets" USING btree ("active") WHERE "eligibility_rule_sets"."active";--> statement-breakpoint
CREATE INDEX "eligibility_rule_sets_version_idx" ON "eligibility_rule_sets" USING btree ("version");--> statement-breakpoint
CREATE UNIQUE INDEX "allocations_one_active_per_kind" ON "allocations" USING btree ("employee_id","kind") WHERE "allocations"."status" in ('waiting', 'reserved', 'issued');--> statement-breakpoint
CREATE INDEX "allocations_queue_idx" ON "allocations" USING btree ("pool_id","priority","queue_seq") WHERE "allocations"."status" = 'waiting';--> statement-breakpoint
CREATE INDEX "allocations_employee_idx" ON "allocations" USING btree ("employee_id");--> statement-breakpoint
CREATE UNIQUE INDEX "collection_slots_site_start_idx" ON "collection_slots" USING btree ("site_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "mfa_tokens_one_current" ON "mfa_tokens" USING btree ("employee_id") WHERE "mfa_tokens"."status" in ('pending_verification', 'active');--> statement-breakpoint
CREATE INDEX "mfa_tokens_employee_idx" ON "mfa_tokens" USING btree ("employee_id","created_at");--> statement-breakpoint
CREATE INDEX "recovery_codes_employee_idx" ON "recovery_codes" USING btree ("employee_id");--> statement-breakpoint
CREATE INDEX "ticket_events_ticket_idx" ON "ticket_events" USING btree ("ticket_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_one_open_per_category" ON "tickets" USING btree ("employee_id","category") WHERE "tickets"."status" not in ('resolved', 'closed');--> statement-breakpoint
CREATE INDEX "tickets_status_idx" ON "tickets" USING btree ("status","priority","created_at");