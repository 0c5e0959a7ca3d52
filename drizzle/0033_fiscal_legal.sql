CREATE TABLE "fiscal_archive" (
	"period" text PRIMARY KEY NOT NULL,
	"archive_hash" text NOT NULL,
	"records" integer NOT NULL,
	"content" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fiscal_company" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"legal_form" text NOT NULL,
	"share_capital_cents" integer,
	"address" text NOT NULL,
	"siren" text NOT NULL,
	"vat_number" text NOT NULL,
	"rcs" text,
	"fec_accounts" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fiscal_register" ADD COLUMN "training" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "fiscal_register" ADD COLUMN "signed_in" text;--> statement-breakpoint
ALTER TABLE "fiscal_session" ADD COLUMN "training" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "fiscal_store" ADD COLUMN "siret" text;--> statement-breakpoint
ALTER TABLE "fiscal_store" ADD COLUMN "address" text;--> statement-breakpoint
CREATE INDEX "fiscal_ticket_order_idx" ON "fiscal_ticket" USING btree ("order_id") WHERE order_id IS NOT NULL;--> statement-breakpoint
CREATE TRIGGER fiscal_archive_append_only BEFORE UPDATE OR DELETE ON "fiscal_archive"
  FOR EACH ROW EXECUTE FUNCTION fiscal_append_only();
--> statement-breakpoint
CREATE TRIGGER fiscal_archive_no_truncate BEFORE TRUNCATE ON "fiscal_archive"
  FOR EACH STATEMENT EXECUTE FUNCTION fiscal_append_only();
