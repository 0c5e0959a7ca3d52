CREATE TABLE "business_account" (
	"id" text PRIMARY KEY NOT NULL,
	"legal_name" text NOT NULL,
	"siren" text,
	"siret" text,
	"vat_number" text,
	"country" text NOT NULL,
	"address_line1" text NOT NULL,
	"postcode" text NOT NULL,
	"city" text NOT NULL,
	"email" text,
	"payment_terms_days" integer DEFAULT 30 NOT NULL,
	"payment_terms_end_of_month" boolean DEFAULT false NOT NULL,
	"credit_limit_cents" bigint,
	"price_list_id" text,
	"franchisee_id" text,
	"invoicing" text DEFAULT 'per_order' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "business_buyer" (
	"customer_id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "business_order" (
	"order_id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"buyer_customer_id" text NOT NULL,
	"purchase_order_ref" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "business_price_list" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "business_price_list_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "business_price" (
	"price_list_id" text NOT NULL,
	"sku" text NOT NULL,
	"min_quantity" integer NOT NULL,
	"unit_price_excl_cents" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "business_price_price_list_id_sku_min_quantity_pk" PRIMARY KEY("price_list_id","sku","min_quantity")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "business_account_siret_idx" ON "business_account" USING btree ("siret") WHERE siret IS NOT NULL;--> statement-breakpoint
CREATE INDEX "business_account_franchisee_idx" ON "business_account" USING btree ("franchisee_id");--> statement-breakpoint
CREATE INDEX "business_buyer_account_idx" ON "business_buyer" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "business_order_account_idx" ON "business_order" USING btree ("account_id","order_id");