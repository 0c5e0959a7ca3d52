CREATE TABLE "price_maximum" (
	"sku" text PRIMARY KEY NOT NULL,
	"max_cents" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "price_maximum_positive" CHECK ("price_maximum"."max_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "store_price" (
	"location_id" text NOT NULL,
	"sku" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"franchisee_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "store_price_location_id_sku_pk" PRIMARY KEY("location_id","sku"),
	CONSTRAINT "store_price_positive" CHECK ("store_price"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE INDEX "store_price_franchisee_idx" ON "store_price" USING btree ("franchisee_id","sku");