ALTER TABLE "rht_unit_months" DROP CONSTRAINT "rht_unit_months_org_unit_id_org_units_id_fk";
--> statement-breakpoint
ALTER TABLE "rht_unit_months" ADD CONSTRAINT "rht_unit_months_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE cascade ON UPDATE no action;