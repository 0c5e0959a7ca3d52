CREATE TABLE "partner_stock_feed" (
	"channel_id" text PRIMARY KEY NOT NULL,
	"skus" jsonb NOT NULL,
	"categories" jsonb NOT NULL,
	"location_ids" jsonb NOT NULL,
	"buffer_bp" integer DEFAULT 0 NOT NULL,
	"buffer_units" integer DEFAULT 0 NOT NULL,
	"last_seq" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_stock_item" (
	"channel_id" text NOT NULL,
	"sku" text NOT NULL,
	"quantity" integer NOT NULL,
	"offered" boolean NOT NULL,
	"seq" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_stock_item_channel_id_sku_pk" PRIMARY KEY("channel_id","sku")
);
--> statement-breakpoint
CREATE INDEX "partner_stock_item_seq_idx" ON "partner_stock_item" USING btree ("channel_id","seq");