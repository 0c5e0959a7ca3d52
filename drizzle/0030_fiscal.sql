CREATE TABLE "fiscal_closing" (
	"register_id" text NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"period" text NOT NULL,
	"total_cents" integer NOT NULL,
	"grand_total_cents" integer NOT NULL,
	"automatic" boolean DEFAULT false NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"body" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"signature" text NOT NULL,
	CONSTRAINT "fiscal_closing_register_id_seq_pk" PRIMARY KEY("register_id","seq"),
	CONSTRAINT "fiscal_closing_grand_total_nonneg" CHECK ("fiscal_closing"."grand_total_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "fiscal_journal" (
	"register_id" text NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"session_id" text,
	"amount_cents" integer,
	"recorded_at" timestamp with time zone NOT NULL,
	"body" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "fiscal_journal_register_id_seq_pk" PRIMARY KEY("register_id","seq")
);
--> statement-breakpoint
CREATE TABLE "fiscal_key" (
	"id" text PRIMARY KEY NOT NULL,
	"public_key" text NOT NULL,
	"private_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fiscal_register" (
	"id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"timezone" text NOT NULL,
	"open_session_id" text,
	"closed_through" text,
	"ticket_seq" integer DEFAULT 0 NOT NULL,
	"ticket_hash" text DEFAULT '0000000000000000000000000000000000000000000000000000000000000000' NOT NULL,
	"journal_seq" integer DEFAULT 0 NOT NULL,
	"journal_hash" text DEFAULT '0000000000000000000000000000000000000000000000000000000000000000' NOT NULL,
	"closing_seq" integer DEFAULT 0 NOT NULL,
	"closing_hash" text DEFAULT '0000000000000000000000000000000000000000000000000000000000000000' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fiscal_session" (
	"id" text PRIMARY KEY NOT NULL,
	"register_id" text NOT NULL,
	"float_cents" integer NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"opened_by" text NOT NULL,
	"first_ticket_seq" integer NOT NULL,
	"first_journal_seq" integer NOT NULL,
	"last_ticket_seq" integer,
	"last_journal_seq" integer,
	"closed_at" timestamp with time zone,
	"closed_by" text,
	"automatic" boolean DEFAULT false NOT NULL,
	"counts" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fiscal_store" (
	"store_id" text PRIMARY KEY NOT NULL,
	"variance_threshold_cents" integer DEFAULT 500 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fiscal_ticket" (
	"register_id" text NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"session_id" text NOT NULL,
	"order_id" text,
	"original_seq" integer,
	"total_cents" integer NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"body" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "fiscal_ticket_register_id_seq_pk" PRIMARY KEY("register_id","seq")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "fiscal_closing_period_idx" ON "fiscal_closing" USING btree ("register_id","kind","period");--> statement-breakpoint
CREATE UNIQUE INDEX "fiscal_register_code_idx" ON "fiscal_register" USING btree ("store_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "fiscal_session_one_open_idx" ON "fiscal_session" USING btree ("register_id") WHERE closed_at IS NULL;--> statement-breakpoint
CREATE INDEX "fiscal_session_register_idx" ON "fiscal_session" USING btree ("register_id","opened_at");--> statement-breakpoint
CREATE INDEX "fiscal_ticket_reprint_idx" ON "fiscal_ticket" USING btree ("register_id","original_seq") WHERE original_seq IS NOT NULL;--> statement-breakpoint
-- Fiscal records are inalterable (CGI art. 286, I-3° bis): a correction is a new record, never a change.
CREATE FUNCTION fiscal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'fiscal records are append-only: % on % is refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER fiscal_ticket_append_only BEFORE UPDATE OR DELETE ON "fiscal_ticket"
  FOR EACH ROW EXECUTE FUNCTION fiscal_append_only();
--> statement-breakpoint
CREATE TRIGGER fiscal_ticket_no_truncate BEFORE TRUNCATE ON "fiscal_ticket"
  FOR EACH STATEMENT EXECUTE FUNCTION fiscal_append_only();
--> statement-breakpoint
CREATE TRIGGER fiscal_journal_append_only BEFORE UPDATE OR DELETE ON "fiscal_journal"
  FOR EACH ROW EXECUTE FUNCTION fiscal_append_only();
--> statement-breakpoint
CREATE TRIGGER fiscal_journal_no_truncate BEFORE TRUNCATE ON "fiscal_journal"
  FOR EACH STATEMENT EXECUTE FUNCTION fiscal_append_only();
--> statement-breakpoint
CREATE TRIGGER fiscal_closing_append_only BEFORE UPDATE OR DELETE ON "fiscal_closing"
  FOR EACH ROW EXECUTE FUNCTION fiscal_append_only();
--> statement-breakpoint
CREATE TRIGGER fiscal_closing_no_truncate BEFORE TRUNCATE ON "fiscal_closing"
  FOR EACH STATEMENT EXECUTE FUNCTION fiscal_append_only();
