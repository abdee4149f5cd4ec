CREATE TABLE "agent_groups" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "agent_groups_name_unique" ON "agent_groups" USING btree (lower("name"));