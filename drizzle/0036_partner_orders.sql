CREATE TABLE "partner_order" (
	"channel_id" text NOT NULL,
	"partner_order_id" text NOT NULL,
	"order_id" text,
	"partner_customer" jsonb,
	"request_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_order_channel_id_partner_order_id_pk" PRIMARY KEY("channel_id","partner_order_id")
);
--> statement-breakpoint
CREATE TABLE "partner_settlement" (
	"id" text NOT NULL,
	"channel_id" text NOT NULL,
	"month" text NOT NULL,
	"sales_cents" bigint NOT NULL,
	"returns_cents" bigint NOT NULL,
	"commission_cents" bigint NOT NULL,
	"fees_cents" bigint NOT NULL,
	"due_from_partner_cents" bigint NOT NULL,
	"orders" integer NOT NULL,
	"closed_at" timestamp with time zone NOT NULL,
	"closed_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_settlement_channel_id_month_pk" PRIMARY KEY("channel_id","month")
);
--> statement-breakpoint
CREATE TABLE "partner_terms" (
	"channel_id" text PRIMARY KEY NOT NULL,
	"commission_bp" integer NOT NULL,
	"order_fee_cents" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "partner_order_order_idx" ON "partner_order" USING btree ("order_id");