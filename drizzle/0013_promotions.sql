CREATE TABLE "promotion_customer_usage" (
	"promotion_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"used" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "promotion_customer_usage_promotion_id_customer_id_pk" PRIMARY KEY("promotion_id","customer_id"),
	CONSTRAINT "promotion_customer_usage_positive" CHECK ("promotion_customer_usage"."used" >= 0)
);
--> statement-breakpoint
CREATE TABLE "promotion_redemption" (
	"promotion_id" text NOT NULL,
	"order_id" text NOT NULL,
	"customer_id" text,
	"discount_cents" integer NOT NULL,
	"counted_total" boolean DEFAULT false NOT NULL,
	"counted_customer" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'applied' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "promotion_redemption_promotion_id_order_id_pk" PRIMARY KEY("promotion_id","order_id")
);
--> statement-breakpoint
CREATE TABLE "promotion" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"channel_ids" text[],
	"channel_kinds" text[],
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"target" jsonb NOT NULL,
	"priority" integer DEFAULT 100 NOT NULL,
	"stacking" text DEFAULT 'stackable' NOT NULL,
	"percent_bp" integer,
	"amount_cents" integer,
	"fixed_price_cents" integer,
	"buy_quantity" integer,
	"get_quantity" integer,
	"nth" integer,
	"threshold_cents" integer,
	"voucher_code" text,
	"limit_total" integer,
	"limit_per_customer" integer,
	"used_count" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "promotion_code_unique" UNIQUE("code"),
	CONSTRAINT "promotion_within_limit" CHECK ("promotion"."used_count" >= 0 AND ("promotion"."limit_total" IS NULL OR "promotion"."used_count" <= "promotion"."limit_total"))
);
--> statement-breakpoint
ALTER TABLE "order_line" ADD COLUMN "promotions" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
CREATE INDEX "promotion_redemption_order_idx" ON "promotion_redemption" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "promotion_voucher_code_idx" ON "promotion" USING btree ("voucher_code");--> statement-breakpoint
CREATE INDEX "promotion_live_idx" ON "promotion" USING btree ("ends_at") WHERE "promotion"."active";