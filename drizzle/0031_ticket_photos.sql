CREATE TABLE "service_ticket_photo" (
	"id" text PRIMARY KEY NOT NULL,
	"ticket_id" text NOT NULL,
	"content_type" text NOT NULL,
	"file_name" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"message_id" bigint,
	"author" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "service_ticket_photo_ticket_idx" ON "service_ticket_photo" USING btree ("ticket_id","id");