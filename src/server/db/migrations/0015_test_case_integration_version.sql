ALTER TABLE "test_case_revisions" ADD COLUMN "integration_version" integer;--> statement-breakpoint
-- Revisions written before the column: the integration's version saved last at or before each change.
UPDATE "test_case_revisions" AS r SET "integration_version" = coalesce((
  SELECT max(ir."version") FROM "integration_revisions" AS ir
  WHERE ir."integration_id" = r."integration_id" AND ir."created_at" <= r."created_at"
), 1);--> statement-breakpoint
ALTER TABLE "test_case_revisions" ALTER COLUMN "integration_version" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "test_case_revisions" ADD COLUMN "note" text;
