CREATE TABLE "sign_in_requests" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"identifier" text NOT NULL,
	"callback_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "sign_in_requests_identifier_idx" ON "sign_in_requests" USING btree ("identifier");