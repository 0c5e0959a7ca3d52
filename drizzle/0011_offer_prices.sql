CREATE TABLE "coherence_policy" (
	"category" text PRIMARY KEY NOT NULL,
	"max_spread_bp" integer,
	"max_spread_cents" integer,
	"direction" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"min_margin_bp" integer,
	"price_endings" jsonb,
	"competitor_max_above_bp" integer,
	"competitor_window_days" integer DEFAULT 30 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competitor_price" (
	"id" text PRIMARY KEY NOT NULL,
	"competitor" text NOT NULL,
	"sku" text NOT NULL,
	"channel_id" text NOT NULL,
	"price_cents" integer NOT NULL,
	"observed_at" timestamp with time zone NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "price_change" (
	"id" text PRIMARY KEY NOT NULL,
	"price_list_id" text NOT NULL,
	"sku" text NOT NULL,
	"old_cents" integer,
	"new_cents" integer NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"applied_at" timestamp with time zone,
	"kind" text NOT NULL,
	"forced" boolean DEFAULT false NOT NULL,
	"reason" text,
	"violations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"actor" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sku_cost" (
	"sku" text PRIMARY KEY NOT NULL,
	"cost_cents" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "competitor_price_sku_idx" ON "competitor_price" USING btree ("sku","channel_id","observed_at");--> statement-breakpoint
CREATE INDEX "price_change_sku_idx" ON "price_change" USING btree ("sku","price_list_id","valid_from");--> statement-breakpoint
CREATE INDEX "price_change_due_idx" ON "price_change" USING btree ("valid_from") WHERE "price_change"."applied_at" IS NULL;