CREATE TABLE "bots" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"extras" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "integration_revisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"integration_id" uuid NOT NULL,
	"bot_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"action" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"changed_fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "integrations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"bot_id" uuid NOT NULL,
	"name" text NOT NULL,
	"response_data_variable" text NOT NULL,
	"type" text NOT NULL,
	"config" jsonb NOT NULL,
	"transform_script" text DEFAULT '' NOT NULL,
	"custom_data_fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"extras" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "integration_revisions" ADD CONSTRAINT "integration_revisions_bot_id_bots_id_fk" FOREIGN KEY ("bot_id") REFERENCES "public"."bots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrations" ADD CONSTRAINT "integrations_bot_id_bots_id_fk" FOREIGN KEY ("bot_id") REFERENCES "public"."bots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bots_name_order" ON "bots" USING btree (lower("name"),"id");--> statement-breakpoint
CREATE UNIQUE INDEX "integration_revisions_version_unique" ON "integration_revisions" USING btree ("integration_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "integrations_bot_name_unique" ON "integrations" USING btree ("bot_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "integrations_bot_rdv_unique" ON "integrations" USING btree ("bot_id","response_data_variable");--> statement-breakpoint
CREATE INDEX "integrations_bot_type" ON "integrations" USING btree ("bot_id","type");