CREATE TABLE "web_assets" (
	"name" text PRIMARY KEY NOT NULL,
	"build_id" text NOT NULL,
	"content_type" text NOT NULL,
	"content" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "web_builds" (
	"build_id" text PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "web_assets_build" ON "web_assets" USING btree ("build_id");