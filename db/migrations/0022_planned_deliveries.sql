CREATE TYPE "public"."delivery_status" AS ENUM('planned', 'arrived', 'cancelled');--> statement-breakpoint
CREATE TABLE "planned_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pool_id" uuid NOT NULL,
	"expected_on" date NOT NULL,
	"quantity" integer NOT NULL,
	"reference" text,
	"status" "delivery_status" DEFAULT 'planned' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"arrived_at" timestamp with time zone,
	CONSTRAINT "planned_deliveries_quantity_positive" CHECK ("planned_deliveries"."quantity" > 0 and "planned_deliveries"."quantity" <= 100000)
);
--> statement-breakpoint
ALTER TABLE "planned_deliveries" ADD CONSTRAINT "planned_deliveries_pool_id_resource_pools_id_fk" FOREIGN KEY ("pool_id") REFERENCES "public"."resource_pools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planned_deliveries" ADD CONSTRAINT "planned_deliveries_created_by_employees_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "planned_deliveries_pool_idx" ON "planned_deliveries" USING btree ("pool_id","expected_on") WHERE "planned_deliveries"."status" = 'planned';--> statement-breakpoint
CREATE UNIQUE INDEX "planned_deliveries_reference_idx" ON "planned_deliveries" USING btree ("pool_id","reference") WHERE "planned_deliveries"."reference" is not null;