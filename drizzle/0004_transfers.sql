CREATE TABLE "transfer_line" (
	"transfer_id" text NOT NULL,
	"line_no" integer NOT NULL,
	"sku" text NOT NULL,
	"quantity" integer NOT NULL,
	"order_line_id" text,
	CONSTRAINT "transfer_line_transfer_id_line_no_pk" PRIMARY KEY("transfer_id","line_no"),
	CONSTRAINT "transfer_line_quantity_positive" CHECK ("transfer_line"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "transfer" (
	"id" text PRIMARY KEY NOT NULL,
	"from_location_id" text NOT NULL,
	"to_location_id" text NOT NULL,
	"status" text NOT NULL,
	"order_id" text,
	"expected_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "stock_level" ADD COLUMN "in_transit" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "pickup_routing" jsonb;--> statement-breakpoint
CREATE INDEX "transfer_to_idx" ON "transfer" USING btree ("to_location_id","status","expected_at");--> statement-breakpoint
CREATE INDEX "transfer_from_idx" ON "transfer" USING btree ("from_location_id","status");--> statement-breakpoint
ALTER TABLE "stock_level" ADD CONSTRAINT "stock_level_in_transit_nonneg" CHECK ("stock_level"."in_transit" >= 0);