CREATE TABLE "loyalty_account" (
	"customer_id" text PRIMARY KEY NOT NULL,
	"balance" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loyalty_balance_nonneg" CHECK ("loyalty_account"."balance" >= 0)
);
--> statement-breakpoint
CREATE TABLE "loyalty_entry" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"kind" text NOT NULL,
	"points" integer NOT NULL,
	"order_id" text,
	"reference" text,
	"reason" text,
	"actor" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "loyalty_entry_customer_idx" ON "loyalty_entry" USING btree ("customer_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "loyalty_entry_once_idx" ON "loyalty_entry" USING btree ("order_id","kind","reference");