CREATE TABLE "consent" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"purpose" text NOT NULL,
	"medium" text NOT NULL,
	"granted" boolean NOT NULL,
	"channel_id" text,
	"actor" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "consent_customer_idx" ON "consent" USING btree ("customer_id","purpose","medium","id");