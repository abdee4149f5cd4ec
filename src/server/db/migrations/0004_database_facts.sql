CREATE TABLE "database_facts" (
	"name" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- A database that already holds bots was set up before this table existed: it must not get the demo again.
INSERT INTO "database_facts" ("name", "value") SELECT 'initialised', 'before database_facts' WHERE EXISTS (SELECT 1 FROM "bots");
