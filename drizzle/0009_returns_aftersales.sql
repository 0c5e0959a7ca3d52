CREATE SEQUENCE "public"."ticket_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 700001 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."return_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 500001 CACHE 1;--> statement-breakpoint
CREATE TABLE "service_ticket_message" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ticket_id" text NOT NULL,
	"body" text NOT NULL,
	"internal" boolean DEFAULT false NOT NULL,
	"from_status" text,
	"to_status" text,
	"author" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_ticket" (
	"id" text PRIMARY KEY NOT NULL,
	"number" bigint DEFAULT nextval('ticket_number_seq') NOT NULL,
	"order_id" text NOT NULL,
	"order_line_id" text NOT NULL,
	"customer_id" text,
	"return_id" text,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"subject" text NOT NULL,
	"location_id" text,
	"opened_channel_id" text,
	"opened_location_id" text,
	"opened_by" text,
	"resolution" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_ticket_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "return_line" (
	"id" text PRIMARY KEY NOT NULL,
	"return_id" text NOT NULL,
	"order_line_id" text NOT NULL,
	"line_no" integer NOT NULL,
	"sku" text NOT NULL,
	"quantity" integer NOT NULL,
	"reason" text NOT NULL,
	"condition" text,
	"refund_cents" integer NOT NULL,
	"vat_cents" integer NOT NULL,
	"vat_rate_bp" integer NOT NULL,
	"ticket_id" text,
	CONSTRAINT "return_line_quantity_positive" CHECK ("return_line"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "return_policy" (
	"id" text PRIMARY KEY NOT NULL,
	"channel_id" text,
	"category" text,
	"window_days" integer NOT NULL,
	"returnable" boolean DEFAULT true NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"conditions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "return_policy_window_nonneg" CHECK ("return_policy"."window_days" >= 0)
);
--> statement-breakpoint
CREATE TABLE "return" (
	"id" text PRIMARY KEY NOT NULL,
	"number" bigint DEFAULT nextval('return_number_seq') NOT NULL,
	"order_id" text NOT NULL,
	"customer_id" text,
	"channel_id" text,
	"method" text NOT NULL,
	"location_id" text NOT NULL,
	"status" text NOT NULL,
	"refund_to" text NOT NULL,
	"refund_cents" integer DEFAULT 0 NOT NULL,
	"vat_cents" integer DEFAULT 0 NOT NULL,
	"policy" jsonb NOT NULL,
	"override" jsonb,
	"exchange_order_id" text,
	"received_at" timestamp with time zone,
	"received_by" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "return_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "stored_value_account" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"customer_id" text,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"issued_cents" integer NOT NULL,
	"balance_cents" integer NOT NULL,
	"expires_at" timestamp with time zone,
	"source" text NOT NULL,
	"source_order_id" text,
	"source_return_id" text,
	"issued_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stored_value_account_code_unique" UNIQUE("code"),
	CONSTRAINT "stored_value_balance_nonneg" CHECK ("stored_value_account"."balance_cents" >= 0),
	CONSTRAINT "stored_value_issued_positive" CHECK ("stored_value_account"."issued_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "stored_value_entry" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"kind" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"order_id" text,
	"return_id" text,
	"reference" text NOT NULL,
	"reason" text,
	"actor" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_key" ADD COLUMN "manager" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "stock_level" ADD COLUMN "quarantined" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "stock_movement" ADD COLUMN "quarantined_delta" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "order_line" ADD COLUMN "returned_quantity" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "payment" ADD COLUMN "return_id" text;--> statement-breakpoint
CREATE INDEX "service_ticket_message_ticket_idx" ON "service_ticket_message" USING btree ("ticket_id","id");--> statement-breakpoint
CREATE INDEX "service_ticket_customer_idx" ON "service_ticket" USING btree ("customer_id","id");--> statement-breakpoint
CREATE INDEX "service_ticket_order_idx" ON "service_ticket" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "service_ticket_status_idx" ON "service_ticket" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "return_line_return_idx" ON "return_line" USING btree ("return_id","line_no");--> statement-breakpoint
CREATE INDEX "return_line_order_line_idx" ON "return_line" USING btree ("order_line_id");--> statement-breakpoint
CREATE UNIQUE INDEX "return_policy_scope_idx" ON "return_policy" USING btree (coalesce("channel_id", ''),coalesce("category", ''));--> statement-breakpoint
CREATE INDEX "return_order_idx" ON "return" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "return_customer_idx" ON "return" USING btree ("customer_id","id");--> statement-breakpoint
CREATE INDEX "return_location_status_idx" ON "return" USING btree ("location_id","status","id");--> statement-breakpoint
CREATE INDEX "stored_value_customer_idx" ON "stored_value_account" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "stored_value_expiry_idx" ON "stored_value_account" USING btree ("expires_at") WHERE balance_cents > 0;--> statement-breakpoint
CREATE INDEX "stored_value_entry_account_idx" ON "stored_value_entry" USING btree ("account_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "stored_value_entry_once_idx" ON "stored_value_entry" USING btree ("account_id","kind","reference");--> statement-breakpoint
ALTER TABLE "stock_level" ADD CONSTRAINT "stock_level_quarantined_nonneg" CHECK ("stock_level"."quarantined" >= 0);--> statement-breakpoint
ALTER TABLE "order_line" ADD CONSTRAINT "order_line_returned_within_fulfilled" CHECK ("order_line"."returned_quantity" >= 0 AND "order_line"."returned_quantity" <= "order_line"."fulfilled_quantity");