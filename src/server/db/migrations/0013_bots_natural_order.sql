DROP INDEX "bots_name_order";--> statement-breakpoint
CREATE INDEX "bots_natural_order" ON "bots" USING btree (regexp_replace(regexp_replace(lower("name"), '(\d+)', '00000000000000000000\1', 'g'), '0*(\d{20})', '\1', 'g'),"id");
