CREATE TABLE "provider_payment" (
	"payment_id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"provider" text NOT NULL,
	"intent_id" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"event_id" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provider_payment_amount_positive" CHECK ("provider_payment"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "provider_refund" (
	"id" text PRIMARY KEY NOT NULL,
	"event_id" text NOT NULL,
	"order_id" text NOT NULL,
	"payment_id" text NOT NULL,
	"capture_payment_id" text NOT NULL,
	"return_id" text,
	"provider" text NOT NULL,
	"intent_id" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"provider_refund_id" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provider_refund_amount_positive" CHECK ("provider_refund"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "provider_webhook_event" (
	"id" text PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"type" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "provider_payment_intent_key" ON "provider_payment" USING btree ("intent_id");--> statement-breakpoint
CREATE INDEX "provider_payment_due_idx" ON "provider_payment" USING btree ("next_attempt_at") WHERE status = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "provider_refund_event_key" ON "provider_refund" USING btree ("event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "provider_refund_provider_id_key" ON "provider_refund" USING btree ("provider_refund_id");--> statement-breakpoint
CREATE INDEX "provider_refund_intent_idx" ON "provider_refund" USING btree ("intent_id");--> statement-breakpoint
CREATE INDEX "provider_refund_status_idx" ON "provider_refund" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "provider_refund_due_idx" ON "provider_refund" USING btree ("next_attempt_at") WHERE status = 'pending';--> statement-breakpoint
-- Payments and refunds recorded before this migration were settled outside Passerelle: the consumer
-- that sends them to the provider starts after the events already published.
INSERT INTO "event_cursor" ("id", "position")
SELECT 'payments.execute-at-provider', s."position" FROM "event_cursor" s
WHERE s."id" = 'events.sequence'
ON CONFLICT ("id") DO NOTHING;
