CREATE TABLE "bot_dialog_items" (
	"bot_id" uuid NOT NULL,
	"list" text NOT NULL,
	"position" integer NOT NULL,
	"item" text NOT NULL,
	CONSTRAINT "bot_dialog_items_bot_id_list_position_pk" PRIMARY KEY("bot_id","list","position")
);
--> statement-breakpoint
ALTER TABLE "bot_dialog_items" ADD CONSTRAINT "bot_dialog_items_bot_id_bots_id_fk" FOREIGN KEY ("bot_id") REFERENCES "public"."bots"("id") ON DELETE cascade ON UPDATE no action;