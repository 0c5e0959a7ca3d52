CREATE TABLE "customer_activity" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"kind" text NOT NULL,
	"channel_id" text,
	"location_id" text,
	"sku" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_customer_first" (
	"customer_id" text PRIMARY KEY NOT NULL,
	"first_order_at" timestamp with time zone NOT NULL,
	"channel_id" text NOT NULL,
	"sales_cents" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_customer_month" (
	"customer_id" text NOT NULL,
	"month" date NOT NULL,
	"channel_id" text NOT NULL,
	"orders" integer NOT NULL,
	"sales_cents" bigint NOT NULL,
	CONSTRAINT "analytics_customer_month_customer_id_month_channel_id_pk" PRIMARY KEY("customer_id","month","channel_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_order" (
	"order_id" text PRIMARY KEY NOT NULL,
	"day" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_orders_day" (
	"day" date NOT NULL,
	"channel_id" text NOT NULL,
	"store_id" text NOT NULL,
	"orders" integer NOT NULL,
	"units" integer NOT NULL,
	"sales_cents" bigint NOT NULL,
	"pickup_orders" integer NOT NULL,
	"pickup_units" integer NOT NULL,
	"pickup_cents" bigint NOT NULL,
	"ship_from_store_orders" integer NOT NULL,
	"ship_from_store_cents" bigint NOT NULL,
	"delivery_cents" bigint NOT NULL,
	"returned_cents" bigint NOT NULL,
	CONSTRAINT "analytics_orders_day_day_channel_id_store_id_pk" PRIMARY KEY("day","channel_id","store_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_orders_month" (
	"month" date NOT NULL,
	"channel_id" text NOT NULL,
	"store_id" text NOT NULL,
	"orders" integer NOT NULL,
	"units" integer NOT NULL,
	"sales_cents" bigint NOT NULL,
	"pickup_orders" integer NOT NULL,
	"pickup_units" integer NOT NULL,
	"pickup_cents" bigint NOT NULL,
	"ship_from_store_orders" integer NOT NULL,
	"ship_from_store_cents" bigint NOT NULL,
	"delivery_cents" bigint NOT NULL,
	"returned_cents" bigint NOT NULL,
	CONSTRAINT "analytics_orders_month_month_channel_id_store_id_pk" PRIMARY KEY("month","channel_id","store_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_refresh" (
	"name" text PRIMARY KEY NOT NULL,
	"last_event_id" bigint NOT NULL,
	"last_merge_at" timestamp with time zone,
	"refreshed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_return_line" (
	"event_id" bigint NOT NULL,
	"order_line_id" text NOT NULL,
	"day" date NOT NULL,
	"channel_id" text NOT NULL,
	"store_id" text NOT NULL,
	"category" text NOT NULL,
	"units" integer NOT NULL,
	"refund_cents" bigint NOT NULL,
	CONSTRAINT "analytics_return_line_event_id_order_line_id_pk" PRIMARY KEY("event_id","order_line_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_sales_day" (
	"day" date NOT NULL,
	"channel_id" text NOT NULL,
	"store_id" text NOT NULL,
	"category" text NOT NULL,
	"orders" integer NOT NULL,
	"units" integer NOT NULL,
	"sales_cents" bigint NOT NULL,
	"returned_cents" bigint NOT NULL,
	"returned_units" integer NOT NULL,
	"pickup_cents" bigint NOT NULL,
	"ship_from_store_cents" bigint NOT NULL,
	"delivery_cents" bigint NOT NULL,
	CONSTRAINT "analytics_sales_day_day_channel_id_store_id_category_pk" PRIMARY KEY("day","channel_id","store_id","category")
);
--> statement-breakpoint
CREATE TABLE "analytics_sales_month" (
	"month" date NOT NULL,
	"channel_id" text NOT NULL,
	"store_id" text NOT NULL,
	"category" text NOT NULL,
	"orders" integer NOT NULL,
	"units" integer NOT NULL,
	"sales_cents" bigint NOT NULL,
	"returned_cents" bigint NOT NULL,
	"returned_units" integer NOT NULL,
	"pickup_cents" bigint NOT NULL,
	"ship_from_store_cents" bigint NOT NULL,
	"delivery_cents" bigint NOT NULL,
	CONSTRAINT "analytics_sales_month_month_channel_id_store_id_category_pk" PRIMARY KEY("month","channel_id","store_id","category")
);
--> statement-breakpoint
CREATE TABLE "service_launch" (
	"id" text PRIMARY KEY NOT NULL,
	"location_id" text NOT NULL,
	"service" text NOT NULL,
	"launched_on" date NOT NULL,
	"note" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "customer_activity_customer_idx" ON "customer_activity" USING btree ("customer_id","occurred_at");--> statement-breakpoint
CREATE INDEX "analytics_customer_month_month_idx" ON "analytics_customer_month" USING btree ("month");--> statement-breakpoint
CREATE INDEX "analytics_order_day_idx" ON "analytics_order" USING btree ("day");--> statement-breakpoint
CREATE INDEX "analytics_orders_day_store_idx" ON "analytics_orders_day" USING btree ("store_id","day");--> statement-breakpoint
CREATE INDEX "analytics_return_line_day_idx" ON "analytics_return_line" USING btree ("day");--> statement-breakpoint
CREATE INDEX "analytics_sales_day_store_idx" ON "analytics_sales_day" USING btree ("store_id","day");--> statement-breakpoint
CREATE INDEX "service_launch_location_idx" ON "service_launch" USING btree ("location_id","launched_on");