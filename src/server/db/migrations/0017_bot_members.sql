CREATE TABLE "bot_members" (
	"bot_id" uuid NOT NULL,
	"person_id" text NOT NULL,
	"role" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bot_members_bot_id_person_id_pk" PRIMARY KEY("bot_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "claimed_role" text;--> statement-breakpoint
ALTER TABLE "bot_members" ADD CONSTRAINT "bot_members_bot_id_bots_id_fk" FOREIGN KEY ("bot_id") REFERENCES "public"."bots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_members" ADD CONSTRAINT "bot_members_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bot_members_person" ON "bot_members" USING btree ("person_id");