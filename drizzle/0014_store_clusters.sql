CREATE TABLE "cluster_price_list" (
	"channel_id" text NOT NULL,
	"cluster" text NOT NULL,
	"price_list_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cluster_price_list_channel_id_cluster_pk" PRIMARY KEY("channel_id","cluster")
);
--> statement-breakpoint
CREATE TABLE "cluster_listing" (
	"cluster" text NOT NULL,
	"target_kind" text NOT NULL,
	"target" text NOT NULL,
	"listed" boolean NOT NULL,
	"reason" text,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cluster_listing_cluster_target_kind_target_pk" PRIMARY KEY("cluster","target_kind","target")
);
--> statement-breakpoint
ALTER TABLE "location" ADD COLUMN "cluster" text;--> statement-breakpoint
CREATE INDEX "price_updated_idx" ON "price" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "price_change_updated_idx" ON "price_change" USING btree ("updated_at");