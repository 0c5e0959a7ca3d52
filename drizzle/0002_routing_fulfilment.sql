CREATE TABLE "fulfilment_task_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"task_id" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor" text,
	"data" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fulfilment_task_line" (
	"task_id" text NOT NULL,
	"order_line_id" text NOT NULL,
	"sku" text NOT NULL,
	"quantity" integer NOT NULL,
	"rejected_quantity" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "fulfilment_task_line_task_id_order_line_id_pk" PRIMARY KEY("task_id","order_line_id"),
	CONSTRAINT "fulfilment_task_line_quantity" CHECK ("fulfilment_task_line"."rejected_quantity" >= 0 AND "fulfilment_task_line"."rejected_quantity" <= "fulfilment_task_line"."quantity")
);
--> statement-breakpoint
CREATE TABLE "fulfilment_task" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"location_id" text NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"promised_at" timestamp with time zone NOT NULL,
	"claimed_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "channel" ADD COLUMN "routing" jsonb;--> statement-breakpoint
ALTER TABLE "location" ADD COLUMN "ship_from_store_opt_in" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "location" ADD COLUMN "prep_lead_minutes" integer DEFAULT 120 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "routing" jsonb;--> statement-breakpoint
CREATE INDEX "fulfilment_task_event_task_idx" ON "fulfilment_task_event" USING btree ("task_id","id");--> statement-breakpoint
CREATE INDEX "fulfilment_task_queue_idx" ON "fulfilment_task" USING btree ("location_id","status","promised_at");--> statement-breakpoint
CREATE INDEX "fulfilment_task_order_idx" ON "fulfilment_task" USING btree ("order_id");