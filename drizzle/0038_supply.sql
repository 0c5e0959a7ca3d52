CREATE TABLE "count_line" (
	"session_id" text NOT NULL,
	"sku" text NOT NULL,
	"snapshot" integer NOT NULL,
	"counted" integer,
	"needs_recount" boolean DEFAULT false NOT NULL,
	"recounted" integer,
	"on_hand_at_approval" integer,
	"applied_delta" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "count_line_session_id_sku_pk" PRIMARY KEY("session_id","sku"),
	CONSTRAINT "count_line_counted_nonneg" CHECK ("count_line"."counted" IS NULL OR "count_line"."counted" >= 0),
	CONSTRAINT "count_line_recounted_nonneg" CHECK ("count_line"."recounted" IS NULL OR "count_line"."recounted" >= 0)
);
--> statement-breakpoint
CREATE TABLE "count_session" (
	"id" text PRIMARY KEY NOT NULL,
	"location_id" text NOT NULL,
	"scope" text NOT NULL,
	"scope_value" text,
	"status" text DEFAULT 'counting' NOT NULL,
	"recount_units" integer DEFAULT 3 NOT NULL,
	"recount_pct" integer DEFAULT 20 NOT NULL,
	"started_by" text,
	"approved_by" text,
	"approved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "purchase_order_line" (
	"purchase_order_id" text NOT NULL,
	"line_no" integer NOT NULL,
	"sku" text NOT NULL,
	"quantity" integer NOT NULL,
	"unit_cost_cents" integer DEFAULT 0 NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"damaged" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "purchase_order_line_purchase_order_id_line_no_pk" PRIMARY KEY("purchase_order_id","line_no"),
	CONSTRAINT "purchase_order_line_quantity_positive" CHECK ("purchase_order_line"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "purchase_order" (
	"id" text PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"supplier_id" text NOT NULL,
	"location_id" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"expected_on" date NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "purchase_order_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "purchase_receipt" (
	"id" text PRIMARY KEY NOT NULL,
	"purchase_order_id" text NOT NULL,
	"notice_id" text,
	"location_id" text NOT NULL,
	"status" text NOT NULL,
	"lines" jsonb NOT NULL,
	"received_by" text,
	"decided_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "replenishment_line" (
	"proposal_id" text NOT NULL,
	"sku" text NOT NULL,
	"proposed" integer NOT NULL,
	"quantity" integer NOT NULL,
	"method" text NOT NULL,
	"velocity" double precision NOT NULL,
	"cover_days" integer NOT NULL,
	"min_qty" integer NOT NULL,
	"max_qty" integer NOT NULL,
	"on_hand" integer NOT NULL,
	"reserved" integer NOT NULL,
	"in_transit" integer NOT NULL,
	"open_orders" integer NOT NULL,
	"target" integer NOT NULL,
	"need" integer NOT NULL,
	"units_per_pallet" integer NOT NULL,
	"pallets" double precision NOT NULL,
	"truck" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "replenishment_line_proposal_id_sku_pk" PRIMARY KEY("proposal_id","sku"),
	CONSTRAINT "replenishment_line_quantity_nonneg" CHECK ("replenishment_line"."quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "replenishment_policy" (
	"location_id" text NOT NULL,
	"sku" text NOT NULL,
	"method" text NOT NULL,
	"min_qty" integer DEFAULT 0 NOT NULL,
	"max_qty" integer DEFAULT 0 NOT NULL,
	"cover_days" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "replenishment_policy_location_id_sku_pk" PRIMARY KEY("location_id","sku")
);
--> statement-breakpoint
CREATE TABLE "replenishment_proposal" (
	"id" text PRIMARY KEY NOT NULL,
	"location_id" text NOT NULL,
	"warehouse_id" text NOT NULL,
	"proposal_date" date NOT NULL,
	"delivery_date" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"transfer_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"approved_by" text,
	"approved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shipping_notice" (
	"id" text PRIMARY KEY NOT NULL,
	"purchase_order_id" text NOT NULL,
	"reference" text NOT NULL,
	"arrives_at" timestamp with time zone NOT NULL,
	"lines" jsonb NOT NULL,
	"status" text DEFAULT 'announced' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sku_pallet" (
	"sku" text PRIMARY KEY NOT NULL,
	"units_per_pallet" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sku_pallet_units_positive" CHECK ("sku_pallet"."units_per_pallet" > 0)
);
--> statement-breakpoint
CREATE TABLE "store_supply" (
	"location_id" text PRIMARY KEY NOT NULL,
	"warehouse_id" text NOT NULL,
	"delivery_days" integer[] NOT NULL,
	"lead_days" integer DEFAULT 1 NOT NULL,
	"pallets_per_truck" integer DEFAULT 26 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supplier_item" (
	"supplier_id" text NOT NULL,
	"sku" text NOT NULL,
	"unit_cost_cents" integer NOT NULL,
	"pack_size" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supplier_item_supplier_id_sku_pk" PRIMARY KEY("supplier_id","sku")
);
--> statement-breakpoint
CREATE TABLE "supplier_return" (
	"id" text PRIMARY KEY NOT NULL,
	"supplier_id" text NOT NULL,
	"location_id" text NOT NULL,
	"purchase_order_id" text,
	"lines" jsonb NOT NULL,
	"reason" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supplier" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"lead_days" integer DEFAULT 7 NOT NULL,
	"over_tolerance_pct" integer DEFAULT 5 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supplier_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "warehouse_supply" (
	"location_id" text PRIMARY KEY NOT NULL,
	"web_reserve_days" integer DEFAULT 3 NOT NULL,
	"purchase_cover_days" integer DEFAULT 28 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "count_session_location_idx" ON "count_session" USING btree ("location_id","status");--> statement-breakpoint
CREATE INDEX "purchase_order_line_sku_idx" ON "purchase_order_line" USING btree ("sku");--> statement-breakpoint
CREATE INDEX "purchase_order_location_idx" ON "purchase_order" USING btree ("location_id","status");--> statement-breakpoint
CREATE INDEX "purchase_receipt_order_idx" ON "purchase_receipt" USING btree ("purchase_order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "replenishment_proposal_day_idx" ON "replenishment_proposal" USING btree ("location_id","proposal_date");--> statement-breakpoint
CREATE INDEX "replenishment_proposal_date_idx" ON "replenishment_proposal" USING btree ("proposal_date","status");--> statement-breakpoint
CREATE UNIQUE INDEX "shipping_notice_reference_idx" ON "shipping_notice" USING btree ("purchase_order_id","reference");--> statement-breakpoint
CREATE INDEX "supplier_item_sku_idx" ON "supplier_item" USING btree ("sku");--> statement-breakpoint
CREATE INDEX "stock_movement_sale_idx" ON "stock_movement" USING btree ("created_at") WHERE kind = 'sale';