CREATE TABLE "deleted_directory_entries" (
	"directory" text NOT NULL,
	"id" text NOT NULL,
	"entry" jsonb NOT NULL,
	"deleted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deleted_directory_entries_directory_id_pk" PRIMARY KEY("directory","id")
);
