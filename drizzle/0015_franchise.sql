CREATE TABLE "attribution_policy" (
	"id" text PRIMARY KEY NOT NULL,
	"rules" jsonb NOT NULL,
	"nearest_max_km" double precision DEFAULT 50 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commission_entry" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"franchisee_id" text NOT NULL,
	"location_id" text NOT NULL,
	"order_id" text NOT NULL,
	"order_number" integer NOT NULL,
	"order_line_id" text,
	"kind" text NOT NULL,
	"category" text,
	"quantity" integer NOT NULL,
	"base_cents" integer NOT NULL,
	"rate_bp" integer NOT NULL,
	"amount_cents" integer NOT NULL,
	"plan_id" text NOT NULL,
	"source" text NOT NULL,
	"event_at" timestamp with time zone NOT NULL,
	"period" text NOT NULL,
	"statement_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commission_entry_once" UNIQUE NULLS NOT DISTINCT("order_id","order_line_id","location_id","kind","source")
);
--> statement-breakpoint
CREATE TABLE "commission_plan" (
	"id" text PRIMARY KEY NOT NULL,
	"franchisee_id" text NOT NULL,
	"location_id" text,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"default_rate_bp" integer NOT NULL,
	"category_rates_bp" jsonb NOT NULL,
	"click_collect_fee_cents" integer DEFAULT 0 NOT NULL,
	"ship_from_store_fee_cents" integer DEFAULT 0 NOT NULL,
	"monthly_minimum_cents" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "franchise_attribution" (
	"order_id" text PRIMARY KEY NOT NULL,
	"franchisee_id" text NOT NULL,
	"location_id" text NOT NULL,
	"rule" text NOT NULL,
	"reason" text NOT NULL,
	"order_number" integer NOT NULL,
	"channel_id" text NOT NULL,
	"net_cents" integer NOT NULL,
	"commission_cents" integer NOT NULL,
	"attributed_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "franchise_statement" (
	"id" text PRIMARY KEY NOT NULL,
	"franchisee_id" text NOT NULL,
	"period" text NOT NULL,
	"sales_net_cents" integer NOT NULL,
	"commission_cents" integer NOT NULL,
	"preparation_fees_cents" integer NOT NULL,
	"reversals_cents" integer NOT NULL,
	"minimum_top_up_cents" integer NOT NULL,
	"total_cents" integer NOT NULL,
	"top_ups" jsonb NOT NULL,
	"closed_by" text NOT NULL,
	"closed_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "franchise_statement_period" UNIQUE("franchisee_id","period")
);
--> statement-breakpoint
CREATE TABLE "franchise_store" (
	"location_id" text PRIMARY KEY NOT NULL,
	"franchisee_id" text NOT NULL,
	"catchment" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "franchisee" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"contract_ref" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "franchisee_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "api_key" ADD COLUMN "franchisee_id" text;--> statement-breakpoint
CREATE INDEX "commission_entry_period_idx" ON "commission_entry" USING btree ("franchisee_id","period","id");--> statement-breakpoint
CREATE INDEX "commission_entry_order_idx" ON "commission_entry" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "commission_plan_franchisee_idx" ON "commission_plan" USING btree ("franchisee_id","id");--> statement-breakpoint
CREATE INDEX "franchise_attribution_franchisee_idx" ON "franchise_attribution" USING btree ("franchisee_id","order_id");--> statement-breakpoint
CREATE INDEX "franchise_store_franchisee_idx" ON "franchise_store" USING btree ("franchisee_id");