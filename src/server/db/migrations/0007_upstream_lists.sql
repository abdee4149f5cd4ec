CREATE TABLE "upstream_lists" (
	"source" text PRIMARY KEY NOT NULL,
	"items" jsonb,
	"fetched_at" timestamp with time zone,
	"lease_holder" text,
	"lease_until" timestamp with time zone,
	"failures" integer DEFAULT 0 NOT NULL,
	"retry_at" timestamp with time zone,
	"last_error" text
);
