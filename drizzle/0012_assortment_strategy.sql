CREATE TABLE "assortment_exclusion" (
	"channel_id" text NOT NULL,
	"product_id" text NOT NULL,
	"reason" text NOT NULL,
	"note" text,
	"actor" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assortment_exclusion_channel_id_product_id_pk" PRIMARY KEY("channel_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "category_assortment" (
	"category" text PRIMARY KEY NOT NULL,
	"strategy" text NOT NULL,
	"endless_aisle" boolean DEFAULT true NOT NULL,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_assortment" (
	"product_id" text PRIMARY KEY NOT NULL,
	"strategy" text NOT NULL,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
