CREATE TABLE "bot_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"bot_id" uuid NOT NULL,
	"type" text NOT NULL,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bot_events" ADD CONSTRAINT "bot_events_bot_id_bots_id_fk" FOREIGN KEY ("bot_id") REFERENCES "public"."bots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bot_events_bot" ON "bot_events" USING btree ("bot_id","id");--> statement-breakpoint
CREATE INDEX "bot_events_created" ON "bot_events" USING btree ("created_at");--> statement-breakpoint
-- Stores one event of a bot's stream and tells every server listening on this database (NOTIFY is sent at
-- commit, and not at all on rollback). A payload is at most 8000 bytes: a larger event goes without its data,
-- which the listeners then read from the row.
CREATE FUNCTION record_bot_event(event_bot uuid, event_type text, event_data jsonb) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  event_id bigint;
  message text;
BEGIN
  INSERT INTO bot_events (bot_id, type, data) VALUES (event_bot, event_type, event_data) RETURNING id INTO event_id;
  message := json_build_object('id', event_id, 'botId', event_bot, 'type', event_type, 'data', event_data)::text;
  IF octet_length(message) > 7900 THEN
    message := json_build_object('id', event_id, 'botId', event_bot, 'type', event_type)::text;
  END IF;
  PERFORM pg_notify('bot_events', message);
  RETURN event_id;
END $$;
--> statement-breakpoint
-- Every write path of an integration (create, save, rename, delete, restore) writes a revision: the event
-- follows from it, so no path can forget one. An import's thousands of creations set app.quiet_events and
-- announce themselves once (bot.imported). The author is the revision's, null for the local builder (AUTH=none).
CREATE FUNCTION integration_revision_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('app.quiet_events', true) = 'on' THEN RETURN NULL; END IF;
  PERFORM record_bot_event(NEW.bot_id,
    CASE NEW.action
      WHEN 'create' THEN 'integration.created'
      WHEN 'restore' THEN 'integration.restored'
      WHEN 'delete' THEN 'integration.deleted'
      ELSE CASE WHEN NEW.changed_fields ? 'name' THEN 'integration.renamed' ELSE 'integration.saved' END
    END,
    jsonb_build_object('integrationId', NEW.integration_id, 'version', NEW.version, 'fields', NEW.changed_fields,
      'name', NEW.snapshot ->> 'name', 'type', NEW.snapshot ->> 'type', 'author', CASE WHEN NEW.author ->> 'kind' = 'local' THEN NULL ELSE NEW.author END));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER integration_revisions_event AFTER INSERT ON integration_revisions FOR EACH ROW EXECUTE FUNCTION integration_revision_event();
--> statement-breakpoint
CREATE FUNCTION bot_revision_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('app.quiet_events', true) = 'on' THEN RETURN NULL; END IF;
  PERFORM record_bot_event(NEW.bot_id, 'dialogs.changed',
    jsonb_build_object('version', NEW.version, 'action', NEW.action, 'summary', left(NEW.summary, 500), 'author', CASE WHEN NEW.author ->> 'kind' = 'local' THEN NULL ELSE NEW.author END));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER bot_revisions_event AFTER INSERT ON bot_revisions FOR EACH ROW EXECUTE FUNCTION bot_revision_event();
