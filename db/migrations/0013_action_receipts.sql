CREATE TABLE "action_receipts" (
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"input_hash" text NOT NULL,
	"result" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_receipts_actor_action_pk" PRIMARY KEY("actor","action")
);
