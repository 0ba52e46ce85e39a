CREATE TABLE "onsite_volunteers" (
	"employee_id" uuid NOT NULL,
	"day" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "onsite_volunteers_employee_id_day_pk" PRIMARY KEY("employee_id","day")
);
--> statement-breakpoint
ALTER TABLE "onsite_volunteers" ADD CONSTRAINT "onsite_volunteers_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "onsite_volunteers_day_idx" ON "onsite_volunteers" USING btree ("day");