-- Upload requests in progress, in the database rather than in one process's memory: with several
-- instances (or `npm start`'s workers) the browser's "are my uploads in?" reaches any of them.
CREATE TABLE "connectivity_upload_streams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"test_id" uuid NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "connectivity_upload_streams" ADD CONSTRAINT "connectivity_upload_streams_test_id_connectivity_tests_id_fk" FOREIGN KEY ("test_id") REFERENCES "public"."connectivity_tests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "connectivity_upload_streams_test_idx" ON "connectivity_upload_streams" USING btree ("test_id");