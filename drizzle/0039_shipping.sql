CREATE SEQUENCE "public"."tracking_serial_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 10000001 CACHE 1;--> statement-breakpoint
CREATE TABLE "carrier_service" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"carrier" text NOT NULL,
	"kind" text NOT NULL,
	"tracking_prefix" text NOT NULL,
	"transit_days" integer NOT NULL,
	"cutoff_hour" integer NOT NULL,
	"max_weight_g" integer NOT NULL,
	"max_size_mm" integer NOT NULL,
	"zones" jsonb NOT NULL,
	"rates" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"webhook_secret" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "carrier_service_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "delivery_fee" (
	"id" text PRIMARY KEY NOT NULL,
	"channel_id" text NOT NULL,
	"service_id" text NOT NULL,
	"bands" jsonb NOT NULL,
	"free_from_cents" integer,
	"free_codes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"vat_rate_bp" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "parcel_line" (
	"parcel_id" text NOT NULL,
	"order_line_id" text NOT NULL,
	"sku" text NOT NULL,
	"quantity" integer NOT NULL,
	CONSTRAINT "parcel_line_parcel_id_order_line_id_pk" PRIMARY KEY("parcel_id","order_line_id")
);
--> statement-breakpoint
CREATE TABLE "parcel" (
	"id" text PRIMARY KEY NOT NULL,
	"tracking_number" text NOT NULL,
	"service_id" text NOT NULL,
	"direction" text NOT NULL,
	"status" text NOT NULL,
	"order_id" text NOT NULL,
	"task_id" text,
	"return_id" text,
	"location_id" text NOT NULL,
	"relay_point_id" text,
	"address" jsonb,
	"zone" text NOT NULL,
	"weight_g" integer NOT NULL,
	"length_mm" integer NOT NULL,
	"width_mm" integer NOT NULL,
	"height_mm" integer NOT NULL,
	"cost_cents" integer NOT NULL,
	"shipped_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "parcel_tracking_number_unique" UNIQUE("tracking_number")
);
--> statement-breakpoint
CREATE TABLE "relay_point" (
	"id" text PRIMARY KEY NOT NULL,
	"service_id" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"line1" text NOT NULL,
	"postcode" text NOT NULL,
	"city" text NOT NULL,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"opening_hours" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tracking_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"parcel_id" text NOT NULL,
	"external_id" text NOT NULL,
	"status" text NOT NULL,
	"description" text NOT NULL,
	"place" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "delivery_fee_channel_service_idx" ON "delivery_fee" USING btree ("channel_id","service_id");--> statement-breakpoint
CREATE INDEX "parcel_order_idx" ON "parcel" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "parcel_task_idx" ON "parcel" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "parcel_shipped_idx" ON "parcel" USING btree ("location_id","shipped_at");--> statement-breakpoint
CREATE UNIQUE INDEX "relay_point_service_code_idx" ON "relay_point" USING btree ("service_id","code");--> statement-breakpoint
CREATE INDEX "relay_point_postcode_idx" ON "relay_point" USING btree ("postcode");--> statement-breakpoint
CREATE UNIQUE INDEX "tracking_event_external_idx" ON "tracking_event" USING btree ("parcel_id","external_id");--> statement-breakpoint
CREATE INDEX "tracking_event_parcel_idx" ON "tracking_event" USING btree ("parcel_id","occurred_at");