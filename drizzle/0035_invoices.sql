CREATE TABLE "business_seller" (
	"id" text PRIMARY KEY NOT NULL,
	"legal_name" text NOT NULL,
	"legal_form" text NOT NULL,
	"share_capital_cents" bigint NOT NULL,
	"siren" text NOT NULL,
	"siret" text NOT NULL,
	"vat_number" text NOT NULL,
	"rcs_city" text NOT NULL,
	"address_line1" text NOT NULL,
	"postcode" text NOT NULL,
	"city" text NOT NULL,
	"country" text NOT NULL,
	"iban" text,
	"late_penalty_rate_bp" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoice_number" (
	"year" integer PRIMARY KEY NOT NULL,
	"last" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoice_order" (
	"order_id" text PRIMARY KEY NOT NULL,
	"invoice_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoice_payment" (
	"id" text PRIMARY KEY NOT NULL,
	"invoice_id" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"received_on" text NOT NULL,
	"reference" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoice_reminder" (
	"invoice_id" text NOT NULL,
	"level" integer NOT NULL,
	"sent_on" text NOT NULL,
	"overdue_cents" bigint NOT NULL,
	"penalty_cents" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoice_reminder_invoice_id_level_pk" PRIMARY KEY("invoice_id","level")
);
--> statement-breakpoint
CREATE TABLE "invoice" (
	"id" text PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"account_id" text NOT NULL,
	"issue_date" text NOT NULL,
	"due_date" text NOT NULL,
	"corrects_invoice_id" text,
	"return_id" text,
	"total_excl_cents" bigint NOT NULL,
	"vat_cents" bigint NOT NULL,
	"total_cents" bigint NOT NULL,
	"paid_cents" bigint DEFAULT 0 NOT NULL,
	"document" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoice_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE INDEX "invoice_payment_invoice_idx" ON "invoice_payment" USING btree ("invoice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_year_seq_idx" ON "invoice" USING btree ("year","seq");--> statement-breakpoint
CREATE INDEX "invoice_account_idx" ON "invoice" USING btree ("account_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_return_idx" ON "invoice" USING btree ("return_id") WHERE return_id IS NOT NULL;--> statement-breakpoint
-- The invoicing consumer starts at the relay's head: no business order existed before this migration.
INSERT INTO "event_cursor" ("id", "position")
SELECT 'business.invoice', s."position" FROM "event_cursor" s
WHERE s."id" = 'events.sequence'
ON CONFLICT ("id") DO NOTHING;
