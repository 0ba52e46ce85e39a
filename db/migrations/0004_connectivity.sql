CREATE TYPE "public"."connectivity_test_status" AS ENUM('running', 'completed', 'abandoned');--> statement-breakpoint
CREATE TYPE "public"."connectivity_verdict" AS ENUM('good', 'limited', 'udp_blocked', 'gateway_unreachable', 'offline');--> statement-breakpoint
CREATE TABLE "connectivity_tests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employee_id" uuid NOT NULL,
	"status" "connectivity_test_status" DEFAULT 'running' NOT NULL,
	"isp" text,
	"latency_ms" integer,
	"jitter_ms" integer,
	"download_kbps" integer,
	"upload_kbps" integer,
	"udp_ok" boolean,
	"gateways" jsonb,
	"verdict" "connectivity_verdict",
	"recommendation" text,
	"limits" jsonb,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "connectivity_uploads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"test_id" uuid NOT NULL,
	"bytes" bigint NOT NULL,
	"first_byte_at" timestamp (3) with time zone NOT NULL,
	"last_byte_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "connectivity_tests" ADD CONSTRAINT "connectivity_tests_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connectivity_uploads" ADD CONSTRAINT "connectivity_uploads_test_id_connectivity_tests_id_fk" FOREIGN KEY ("test_id") REFERENCES "public"."connectivity_tests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "connectivity_tests_employee_idx" ON "connectivity_tests" USING btree ("employee_id","started_at");--> statement-breakpoint
CREATE INDEX "connectivity_tests_started_idx" ON "connectivity_tests" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "connectivity_tests_isp_idx" ON "connectivity_tests" USING btree ("isp","verdict");--> statement-breakpoint
CREATE INDEX "connectivity_uploads_test_idx" ON "connectivity_uploads" USING btree ("test_id");