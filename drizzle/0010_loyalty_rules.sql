CREATE TABLE "customer_channel_account" (
	"channel_id" text NOT NULL,
	"login" text NOT NULL,
	"customer_id" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_channel_account_channel_id_login_pk" PRIMARY KEY("channel_id","login")
);
--> statement-breakpoint
CREATE TABLE "loyalty_programme" (
	"id" text PRIMARY KEY DEFAULT 'default' NOT NULL,
	"points_per_euro" integer DEFAULT 1 NOT NULL,
	"tier_window_months" integer DEFAULT 12 NOT NULL,
	"expiry_months" integer,
	"expired_through" timestamp with time zone,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loyalty_programme_single" CHECK ("loyalty_programme"."id" = 'default')
);
--> statement-breakpoint
CREATE TABLE "loyalty_reward" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"points_cost" integer NOT NULL,
	"voucher_cents" integer NOT NULL,
	"voucher_valid_days" integer,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loyalty_reward_cost_positive" CHECK ("loyalty_reward"."points_cost" > 0),
	CONSTRAINT "loyalty_reward_value_positive" CHECK ("loyalty_reward"."voucher_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "loyalty_rule" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"channel_id" text,
	"category" text,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"multiplier_percent" integer,
	"points_per_euro" integer,
	"bonus_points" integer,
	"min_order_cents" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loyalty_rule_dates" CHECK ("loyalty_rule"."ends_at" IS NULL OR "loyalty_rule"."starts_at" IS NULL OR "loyalty_rule"."ends_at" > "loyalty_rule"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "loyalty_tier" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"threshold_points" integer NOT NULL,
	"multiplier_percent" integer DEFAULT 100 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loyalty_tier_threshold_points_unique" UNIQUE("threshold_points")
);
--> statement-breakpoint
ALTER TABLE "loyalty_entry" ADD COLUMN "detail" jsonb;--> statement-breakpoint
CREATE INDEX "customer_channel_account_customer_idx" ON "customer_channel_account" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "loyalty_entry_credited_at_idx" ON "loyalty_entry" USING btree ("created_at") WHERE points > 0;