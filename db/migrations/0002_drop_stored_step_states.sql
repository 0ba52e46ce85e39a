ALTER TABLE "onboarding_cases" DROP COLUMN "eligibility_reason";--> statement-breakpoint
ALTER TABLE "onboarding_cases" DROP COLUMN "device";--> statement-breakpoint
ALTER TABLE "onboarding_cases" DROP COLUMN "path";--> statement-breakpoint
ALTER TABLE "onboarding_cases" DROP COLUMN "token";--> statement-breakpoint
DROP TYPE "public"."device_path";--> statement-breakpoint
DROP TYPE "public"."device_status";--> statement-breakpoint
DROP TYPE "public"."token_status";