CREATE TABLE "notification_message" (
	"id" text PRIMARY KEY NOT NULL,
	"event_id" text NOT NULL,
	"template" text NOT NULL,
	"channel" text NOT NULL,
	"customer_id" text NOT NULL,
	"subject_ref" text,
	"language" text NOT NULL,
	"address" text,
	"subject" text NOT NULL,
	"body_text" text NOT NULL,
	"body_html" text,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"due_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"provider_ref" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_preference" (
	"customer_id" text PRIMARY KEY NOT NULL,
	"language" text,
	"email" boolean DEFAULT true NOT NULL,
	"sms" boolean DEFAULT false NOT NULL,
	"e_receipt" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_secret" (
	"id" text PRIMARY KEY NOT NULL,
	"secret" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "notification_message_event_idx" ON "notification_message" USING btree ("event_id","template","channel");--> statement-breakpoint
CREATE INDEX "notification_message_customer_idx" ON "notification_message" USING btree ("customer_id","id");--> statement-breakpoint
CREATE INDEX "notification_message_subject_idx" ON "notification_message" USING btree ("subject_ref","template");--> statement-breakpoint
CREATE INDEX "notification_message_due_idx" ON "notification_message" USING btree ("due_at") WHERE status = 'queued';--> statement-breakpoint
-- On a live database, customers hear about what happens from now on, not about every past order.
INSERT INTO "event_cursor" ("id", "position")
SELECT 'notifications.notify', s."position" FROM "event_cursor" s WHERE s."id" = 'events.sequence'
ON CONFLICT ("id") DO NOTHING;
