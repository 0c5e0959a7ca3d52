CREATE TABLE "offline_sale" (
	"order_id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"register_id" text,
	"ticket" text NOT NULL,
	"sold_at" timestamp with time zone NOT NULL,
	"shortfall" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"flagged" boolean DEFAULT false NOT NULL,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "offline_sale_store_idx" ON "offline_sale" USING btree ("store_id","order_id");--> statement-breakpoint
CREATE INDEX "offline_sale_flagged_idx" ON "offline_sale" USING btree ("flagged","order_id") WHERE flagged AND reviewed_at IS NULL;